// Names passed back as they were shown. A name holding an invisible or bidi character is shown with it written out
// (`fix-\u202Etxt.log`, servers/shared/invisible.ts): the journal's units and hosts are listed so, and the trees and the
// chat show file names so. A person or a model copies that form into `file`, `unit` or `host`, and it was "no such log
// file" for a file just listed, or no entries for a unit just listed (journalctl was asked for the text `\u202E`).
// A name is read as shown names are; a name that exists only as typed (a path copied from a shell, with the character
// itself) is still found. When both readings name something, the shown one is read and the call says so.
import { readInvisibleEscapes, showInvisible } from '../../shared/invisible';
import type { SourceFilter } from '../sources/types';
import { closeQuietly, type LogsContext } from './context';

/** A name as the call reads it, and the note saying which of two existing names that is (undefined when only one exists). */
export interface ReadName {
  name: string;
  note?: string;
}

/**
 * The log file `given` names: the file whose shown name it is (each escape of an invisible character read as that
 * character: readInvisibleEscapes, the inverse of showInvisible) when that exists, else `given` as typed. A name that
 * exists neither way is left to the open that follows (it names the listed files). Costs an open per reading, and only
 * for a name holding such an escape.
 */
export async function readFileName(ctx: LogsContext, given: string): Promise<ReadName> {
  if (readInvisibleEscapes(given) === given) return { name: given };
  return pick(given, readInvisibleEscapes(given), given, (name) => fileExists(ctx, name), 'file');
}

/**
 * The source `given` names (`journal:…`, `docker:…`). Sources are listed by their shown names, so `given` is first
 * looked up as it is; a name holding the characters themselves is looked up as it is shown. Costs a listing, and only
 * for a name holding an invisible character or the text of an escape of one.
 */
export async function readSourceName(ctx: LogsContext, given: string, signal?: AbortSignal): Promise<ReadName> {
  const shown = asShown(given);
  const typed = showInvisible(given);
  if (typed === given && shown === given) return { name: given };
  const names = new Set((await ctx.sources.list({}, signal)).sources.map((s) => s.name));
  return pick(given, shown, typed, async (name) => names.has(name), 'source');
}

/** `given` read as a shown name and written as the listing shows it: an escape typed with lower-case digits (`\u202e`) too. */
function asShown(given: string): string {
  return showInvisible(readInvisibleEscapes(given));
}

/**
 * `filter` (unit, container, host) read as readSourceName reads a name: as given when a source matches it, else with
 * its values as they are shown; with the note when both select sources. Only the listing is asked, never a source read.
 */
export async function readSourceFilter(ctx: LogsContext, filter: SourceFilter, signal?: AbortSignal): Promise<{ filter: SourceFilter; note?: string }> {
  const typed: SourceFilter = {};
  const shown: SourceFilter = {};
  for (const key of ['unit', 'container', 'host'] as const) {
    if (filter[key] === undefined) continue;
    typed[key] = showInvisible(filter[key]);
    shown[key] = asShown(filter[key]);
  }
  const given = describe(filter);
  if (describe(typed) === given && describe(shown) === given) return { filter };
  const matches = async (f: SourceFilter) => (await ctx.sources.list(f, signal)).sources.length > 0;
  const read = await pick(given, shown, typed, matches, 'sources');
  return { filter: read.name, ...(read.note ? { note: read.note } : {}) };
}

/**
 * `shown` (the reading of `given` as a shown name) when it exists, else `typed` (its reading character for character);
 * the note when both exist. `what` names the kind in the note.
 */
async function pick<T>(given: string, shown: T, typed: T, exists: (name: T) => Promise<boolean>, what: 'file' | 'source' | 'sources'): Promise<{ name: T; note?: string }> {
  // Filters are compared by their values (JSON of the same keys in the same order).
  if (JSON.stringify(shown) === JSON.stringify(typed) || !(await exists(shown))) return { name: typed };
  if (!(await exists(typed))) return { name: shown };
  // The other one is shown with the backslash of the typed-out escape doubled: passing that reads it.
  const them = what === 'sources' ? 'the sources' : `the ${what}`;
  return { name: shown, note: `read ${given} as names are shown (each \\u escape as the character it stands for); to read ${them} named ${given} character for character, pass ${showInvisible(given)}` };
}

function describe(filter: SourceFilter): string {
  return (['unit', 'container', 'host'] as const).filter((k) => filter[k] !== undefined).map((k) => `${k} ${filter[k]}`).join(', ');
}

async function fileExists(ctx: LogsContext, name: string): Promise<boolean> {
  try {
    await closeQuietly((await ctx.open(name)).handle);
    return true;
  } catch {
    return false;
  }
}
