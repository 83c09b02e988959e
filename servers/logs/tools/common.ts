// What the logs tools share beyond the kit (servers/shared): the level field, times as ISO text, and the per-file loop
// that skips an unreadable file with a note instead of failing the whole call (files and sources of a call: sources.ts).
import { basename, join } from 'node:path';
import { z } from 'zod';
import { WINDOW_AT_START } from '../io/time-seek';
import { throwIfAborted } from '../../shared/progress';
import { UserFacingError } from '../../shared/tool-result';
import { levelCoverage, type LevelCoverage } from '../format/coverage';
import { LEVELS, type Level, type LineParser } from '../format/types';
import { normalizeLevel } from '../format/levels';
import { deniedFilesNotes, PermissionDeniedError, type OpenedLog } from '../files/log-files';
import { rotationOf, type OpenedIdentity } from '../files/rotation';
import { UnreadableError } from '../io/chunks';
import { legacyTextNote } from '../io/charset';
import { decodedNote, legacyCharsetName } from '../../shared/legacy-charset';
import { isoInLocalZone } from '../../shared/local-time';
import { headLines } from '../io/head';
import { readLinesBackwards } from '../io/tail';
import { lineFromEnd } from '../format/clock-days';
import { createLineParser } from '../format/detect';
import { parseLine } from '../search/collector';
import { closeQuietly, tailOf, type LogsContext } from './context';

export const levelSchema = z.enum(LEVELS);

/**
 * The level words a call may give, in any case: the six names and the synonyms of the vocabularies people know them
 * from (syslog's `err`, `crit`, `emerg`; Python's `warning`, `critical`; .NET's and Serilog's `information`,
 * `verbose`; java.util.logging's `severe`), each read onto the one scale as a log line's would be (levels.ts).
 * A model or a hand-written client writes `"warn"` as often as `"WARN"`, and refusing it cost the call.
 */
export const LEVEL_INPUT_WORDS = [
  ...LEVELS,
  'VERBOSE', 'DBG', 'INFORMATION', 'INFORMATIONAL', 'NOTICE', 'WARNING', 'ERR', 'SEVERE', 'CRITICAL', 'CRIT', 'ALERT', 'EMERG', 'EMERGENCY', 'PANIC',
] as const;

/** `word` as a pattern that matches it in any case (`[wW][aA][rR][nN]`): JSON Schema's patterns take no flags. */
function anyCase(word: string): string {
  return [...word].map((c) => `[${c.toUpperCase()}${c.toLowerCase()}]`).join('');
}

/**
 * A level input (any case, LEVEL_INPUT_WORDS) read as one of `levels` (default: all six). The schema a client sees is
 * `anyOf`: first the level names as an enum (what a model or a form reads and offers), then a string whose pattern
 * takes those names and their synonyms in any case (what a validating client checks): the pattern alone, 20 words
 * spelled `[Ww][Aa][Rr][Nn]`, told a reader nothing. Another word is refused, naming what is taken (and, for a level
 * outside `levels`, why).
 */
export function levelInput<L extends Level>(levels: readonly L[] = LEVELS as unknown as readonly L[], outside?: string) {
  const words = LEVEL_INPUT_WORDS.filter((word) => levels.includes(normalizeLevel(word) as L));
  const synonyms = words.filter((w) => !(levels as readonly string[]).includes(w));
  const taken = `one of ${levels.join(', ')} in any case${synonyms.length > 0 ? ` (also ${synonyms.join(', ')})` : ''}`;
  const anyCaseWord = z
    .string()
    .regex(new RegExp(`^(?:${words.map(anyCase).join('|')})$`), { error: (issue) => `level ${JSON.stringify(issue.input)} is not ${taken}${outside && normalizeLevel(String(issue.input).toLowerCase()) !== undefined ? `; ${outside}` : ''}` })
    .describe(`${levels.join(', ')} in any case${synonyms.length > 0 ? `, or a synonym: ${synonyms.map((w) => w.toLowerCase()).join(', ')}` : ''}`);
  return z.union([z.enum(levels as unknown as [L, ...L[]]), anyCaseWord], { error: (issue) => `level ${JSON.stringify(issue.input)} is not ${taken}` }).transform((word) => normalizeLevel(word.toLowerCase()) as L);
}

/**
 * A call's `encoding`: the legacy charset of its files' lines that are not UTF-8 (servers/shared/legacy-charset.ts; withEncoding
 * makes it iconv-lite's name); an unknown or non-ASCII-compatible name is refused with the reason.
 */
export const encodingSchema = z
  .string()
  .max(40)
  .superRefine((name, ctx) => {
    try {
      legacyCharsetName(name);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    }
  })
  .optional()
  .describe("charset of the file's lines that are not UTF-8 (euc-kr, cp949, shift_jis, gbk, big5, windows-1252…), when a note says it is not UTF-8; default: LOG_ENCODING, else detected");

/**
 * Epoch ms as ISO 8601 text in the server's local zone (`2026-12-01T09:30:00.000+09:00`, `Z` in UTC), undefined kept: a
 * log line stamped `2026-12-01 09:30:00` in Seoul reads back as it is written, and as git's dates and windows do.
 */
export function iso(ms: number | undefined): string | undefined {
  return ms === undefined ? undefined : isoInLocalZone(ms);
}

export interface EachFileOptions {
  /** The caller named one file: its errors fail the call instead of becoming notes. */
  single: boolean;
  signal?: AbortSignal;
  /** Where "skipped <file>: <reason>" notes go. */
  notes: string[];
}

/**
 * Opens each file in turn and hands it to `work`, closing it afterwards. With several files, a file that cannot be
 * opened (UserFacingError) or read (UnreadableError) is skipped with a note; other errors, and any error when
 * `single`, propagate. `work` returns false to stop early. Returns how many files were left unvisited.
 * Throws an AbortError when `signal` aborts between files.
 */
export async function forEachLogFile(ctx: LogsContext, names: string[], options: EachFileOptions, work: (file: OpenedLog) => Promise<boolean | void>): Promise<number> {
  // Files the server may not open are named together at the end (deniedFilesNotes): one note, not one per file.
  const denied: PermissionDeniedError[] = [];
  try {
    for (let i = 0; i < names.length; i++) {
      throwIfAborted(options.signal);
      let file: OpenedLog;
      try {
        file = await ctx.open(names[i]);
      } catch (error) {
        if (options.single || !(error instanceof UserFacingError)) throw error;
        if (error instanceof PermissionDeniedError) denied.push(error);
        else options.notes.push(`skipped ${names[i]}: ${error.message}`);
        continue;
      }
      try {
        if ((await work(file)) === false) return names.length - i - 1;
      } catch (error) {
        if (options.single || !(error instanceof UnreadableError)) throw error;
        options.notes.push(`skipped ${file.info.name}: ${(error as Error).message}`);
      } finally {
        await closeQuietly(file.handle);
      }
    }
    return 0;
  } finally {
    options.notes.push(...deniedFilesNotes(denied));
  }
}

/**
 * Adds to `notes` what the reader of file `name` noted about it (a damaged or padded gzip: io/gzip.ts), if anything:
 * every tool that reads a file names its damage the same way.
 */
export function noteDamage(notes: string[], name: string, damage: string | undefined): void {
  if (damage !== undefined) notes.push(`${name}: ${damage}`);
}

/**
 * Adds to `notes` that `file`'s text is not UTF-8 when its sampled text showed so (io/charset.ts startsAsLegacyText):
 * either the charset its lines were decoded in and how it was chosen (a detected one may be wrong: the person can tell),
 * or that they show U+FFFD for their letters, and a search in those letters found nothing that "0 matches" can vouch for.
 * `settingNotes` (LogsContext.settingNotes: a refused LOG_ENCODING) follow once, unless the call named the charset.
 */
export function noteLegacyText(notes: string[], file: OpenedLog, settingNotes: readonly string[] = []): void {
  if (file.info.legacyText) notes.push(legacyTextNote(file.info.name, file.info.legacyGuess));
  else if (file.info.decodedFrom) notes.push(decodedNote(file.info.name, file.info.decodedFrom));
  else return;
  // A refused LOG_ENCODING is why this file was detected rather than read in the charset the user meant: say so once.
  if (file.info.decodedFrom?.how !== 'asked') for (const note of settingNotes) if (!notes.includes(note)) notes.push(note);
}

/**
 * When the file opened as `opened` under the name `name` was rotated while it was read (files/rotation.ts: renamed
 * beside itself, as logrotate's `create` does, or moved away or deleted): adds a note saying where the lines read are
 * now, and returns the name tools accept for the renamed file (`app.log.1` for `app.log`, `api/app.log.1` for
 * `api/app.log`), so that results name the file their lines and line numbers are in; undefined when `name` still names
 * it (or the new name cannot be told: a link named otherwise than its file).
 */
export async function noteRotation(notes: string[], name: string, opened: OpenedIdentity): Promise<string | undefined> {
  const rotation = await rotationOf(opened);
  if (rotation === undefined) return undefined;
  if ('gone' in rotation) {
    notes.push(`${name} was moved away or deleted while it was read: what was found was read from it as it was when opened, and ${name} no longer holds those lines`);
    return undefined;
  }
  const last = name.lastIndexOf('/');
  const renamed = name.slice(last + 1) === basename(opened.realPath) ? `${name.slice(0, last + 1)}${rotation.renamed}` : undefined;
  notes.push(
    `${name} was rotated while it was read: the file read is now ${renamed ?? rotation.renamed} (a new ${name} was started)` +
      (renamed ? `, so what was found in it is named ${renamed}, at its line numbers there` : `; what was found in it is in that file now, at the line numbers given`),
  );
  return renamed;
}

/** The identity `file` was opened with, for noteRotation. */
export function openedIdentity(file: OpenedLog): OpenedIdentity {
  return { realPath: file.realPath, namedPath: join(file.info.dir, file.info.relativePath), dev: file.stats.dev, ino: file.stats.ino };
}

/**
 * Notes (once) that `name`'s dates like `3/12/2026` give no time, when its parser could not tell their day and month
 * order (LineParser.undecidedDate): its lines then have no time, and a window or a time order leaves them out.
 */
export function noteUndecidedDates(notes: string[], name: string, parser: LineParser): void {
  if (parser.undecidedDate === undefined) return;
  const date = parser.undecidedDate;
  // A two-digit year adds the year-first reading to the day-first and month-first ones (timestamps.ts shortDateOrder).
  const note = /^\d{1,2}[/-]\d{1,2}[/-]\d{1,2}$/.test(date)
    ? `${name}: dates such as ${date} read as month/day/year (as en-US writes them), day/month/year and year/month/day alike, and the file shows no one order (no date with a part above 12 that rules the others out, and its entries run in time order, not after the file was written, read more than one way), so they give no time: its lines have none, and a time window leaves them out`
    : `${name}: dates such as ${date} read as day/month and as month/day alike, and the file shows neither order (no date with a part above 12, no locale in its level names, and its entries run in time order read either way), so they give no time: its lines have none, and a time window leaves them out`;
  if (!notes.includes(note)) notes.push(note);
}

/**
 * A note for a file whose times of day carry no date: how they were dated (LineParser.fileIndex, format/clock-days.ts;
 * LineParser.clockDay for a parser of the head alone), or why they were not.
 */
export function noteClockDay(notes: string[], name: string, parser: LineParser): void {
  const days = parser.fileIndex;
  let note: string | undefined;
  if (days?.lastDay !== undefined) {
    const by = days.by === 'name' ? 'the date in its name' : 'its last write';
    note = `${name}: its times of day carry no date; each line was dated by its own day, counted back from its last line's (${days.lastDay}, by ${by}) by the midnights its clock passes down the file (${days.dayStarts.length + 1} day(s)); a whole day without a line is not seen`;
  } else if (days?.doubt !== undefined) note = `${name}: its times of day carry no date, and ${days.doubt}: its lines have no time, and a time window leaves them out (counted in untimed)`;
  else if (parser.clockDay !== undefined) note = `${name}: its times of day carry no date; they were dated ${parser.clockDay}, the day of the file's last write (the day before for a time after that write), so a line written on an earlier day is dated a day or more too late`;
  if (note !== undefined && !notes.includes(note)) notes.push(note);
}

/**
 * A note for a W3C extended log whose `#Fields:` directives name different columns down the file (FileIndex.fieldBlocks):
 * where the blocks start, and that each line was read by its own block's columns.
 */
export function noteFieldBlocks(notes: string[], name: string, parser: LineParser): void {
  const blocks = parser.fileIndex?.fieldBlocks;
  if (blocks === undefined) return;
  const shown = blocks.slice(0, 8).map((block) => block.line).join(', ');
  const more = blocks.length > 8 ? ` and ${blocks.length - 8} more` : '';
  const note = `${name}: its #Fields: directives name different columns down the file (${blocks.length} blocks, at lines ${shown}${more}): each line's time and status were read from the columns of the block it is in`;
  if (!notes.includes(note)) notes.push(note);
}

/** The level coverage (format/coverage.ts) of the lines sampled from `file`'s start (io/head), by its detected parser. */
export async function sampledCoverage(ctx: LogsContext, file: OpenedLog): Promise<LevelCoverage> {
  return levelCoverage(await headLines(file.handle.fd, file.info), await ctx.parserOf(file));
}

/**
 * The time of a file's newest entry (epoch ms): the last readable timestamp among its last 200 lines (256 KiB at
 * most), undefined when none has one. Reads the file's end with its detected parser.
 */
export async function newestEntry(ctx: LogsContext, file: OpenedLog): Promise<number | undefined> {
  const parser = await ctx.parserOf(file);
  let found: number | undefined;
  let seen = 0;
  // Lines read from the end: a time of day without a date is dated by its line's number (format/clock-days.ts).
  let back = 0;
  const look = (text: string) => {
    const t = parseLine(parser, text, lineFromEnd(parser.fileIndex, back++)).timestamp;
    if (t !== undefined) {
      found = t;
      newestLines.set(file, text);
    }
    return t === undefined;
  };
  const outcome = await readLinesBackwards(tailOf(file), { onLine: (text) => look(text) && ++seen < 200, decodedLines: 200, maxBytes: 256 * 1024 });
  if (outcome.nulTail !== undefined) nulTails.set(file, outcome.nulTail);
  else nulTails.delete(file);
  return found;
}

/** Per opened file, the bound of NUL bytes its end holds and newestEntry did not read past (io/tail.ts TailOutcome.nulTail). */
const nulTails = new WeakMap<OpenedLog, number>();

/**
 * The note for a file whose end newestEntry could not read past: it ends in `nulTail` (bytes) NUL bytes or more,
 * undefined when it does not. Said where the newest entry is missing, so that "no timestamps" is not taken for a file
 * without times.
 */
export function nulTailNote(file: OpenedLog): string | undefined {
  const bytes = nulTails.get(file);
  if (bytes === undefined) return undefined;
  return `the file ends in ${Math.round(bytes / 1048576)} MiB or more of NUL bytes (space its writer set aside and has not filled, as log4j2's memory-mapped appender does, or blocks lost in a crash), which were not read past: its newest entry is not known`;
}

/** The line newestEntry read its time from, per opened file (for clockNote: whether that time names its zone). */
const newestLines = new WeakMap<OpenedLog, string>();

/** A time of day followed by a zone (`…:45Z`, `…:45.123+09:00`, `…:45 UTC`): such a time is read right in any zone. */
const ZONED_TIME = /\d\d:\d\d(?::\d\d)?(?:[.,]\d+)?(?:Z|\s?[+-]\d\d:?\d\d|\s(?:UTC|GMT))(?![\w:])/;

/** Most a file's last write may follow its newest entry, beyond the zone offset, to count as "written then" (ms). */
const WRITE_SLACK_MS = 2 * 60_000;

/**
 * For a file whose time windows are likely off: its newest entry (read in this server's zone when its times carry none)
 * lies exactly this zone's UTC offset away from the file's last write — a log written in UTC without a zone (containers,
 * cloud machines, Python's asctime, log4j's %d) read by a server in Seoul or New York, so "the last hour" missed every
 * entry or read them as hours in the future — or it lies after that write. Undefined when neither holds. `newest` is
 * newestEntry's answer (epoch ms).
 */
export function clockNote(file: OpenedLog, newest: number | undefined): string | undefined {
  if (newest === undefined) return undefined;
  // A time that names its zone is read right whatever the server's zone (break18: `…Z` lines written 9 h before the
  // file's last write were called zoneless UTC in Seoul).
  const text = newestLines.get(file);
  const written = file.stats.mtimeMs;
  if (text !== undefined && ZONED_TIME.test(text)) {
    // Its zone named, an entry written after the file's last write can only come from a clock that runs ahead (a
    // device without a clock source, a host set a year on): a window ending now leaves its entries out (break30).
    if (newest <= written + WRITE_SLACK_MS) return undefined;
    return `${file.info.name}: its newest entry (${iso(newest)}) is later than the file's last write (${iso(Math.floor(written))}), and its times name their zone: the clock of whatever wrote it runs ahead, so time windows on this file are off by ${aheadBy(newest - written)} or more (a window ending now leaves out entries it dates later)`;
  }
  // East of UTC is positive: Seoul +9 h. A UTC time read in Seoul names an instant 9 h early.
  const offset = -new Date(newest).getTimezoneOffset() * 60_000;
  const name = file.info.name;
  if (Math.abs(offset) >= 15 * 60_000 && Math.abs(written - newest - offset) <= WRITE_SLACK_MS) {
    const hours = `${Math.abs(offset) / 3_600_000} h`;
    return `${name}: its newest entry reads ${iso(newest)}, ${hours} ${offset > 0 ? 'before' : 'after'} the file was last written (${iso(Math.floor(written))}), exactly this server's offset from UTC: its times carry no zone and are most likely UTC, read here as local time, so time windows on this file are ${hours} off (entries read ${hours} ${offset > 0 ? 'older' : 'newer'} than they are); widen since/until by ${hours} to cover them`;
  }
  if (newest > written + WRITE_SLACK_MS) {
    return `${name}: its newest entry (${iso(newest)}) is later than the file's last write (${iso(Math.floor(written))}): its times are in another zone than this server's, or the writer's clock runs ahead; time windows on this file are off`;
  }
  return undefined;
}

/** How long a file's last write may follow its newest entry before the year of a date written without one is in doubt. */
const YEARLESS_GAP_MS = 31 * 86_400_000;
/** A reference far enough from the file's last write to move a year-less date's year: two years on. */
const YEARS_ON_MS = 2 * 366 * 86_400_000;

/**
 * For a file whose dates carry no year (syslog's `Nov 28 10:00:01`, logcat's `11-28 10:00:01.123`, a month named in
 * another language): each date is given the latest year that does not put it after the file's last write
 * (timestamps.ts inferYear), which is right for a file written up to that write. When its newest entry lies more than
 * YEARLESS_GAP_MS before that write, the file was kept, copied or touched long after its lines were written, and
 * their year may be a year or more too late: said, never silently a wrong year. The newest line is year-less when a
 * reader made two years on dates it otherwise. Undefined for any other file. `newest` is newestEntry's answer (epoch ms).
 */
export function yearNote(file: OpenedLog, newest: number | undefined): string | undefined {
  const text = newestLines.get(file);
  const written = file.stats.mtimeMs;
  if (newest === undefined || text === undefined || written - newest <= YEARLESS_GAP_MS) return undefined;
  const later = createLineParser([text], { referenceTime: written + YEARS_ON_MS }).parse(text).timestamp;
  if (later === undefined || later === newest) return undefined;
  const days = Math.floor((written - newest) / 86_400_000);
  return `${file.info.name}: its dates carry no year, and each was given the latest year that does not put it after the file's last write (${iso(Math.floor(written))}); its newest entry then reads ${iso(newest)}, ${days} days before that write, so the file was kept, copied or touched long after its lines were written and their year is not known: its times may be a year or more too late, and time windows on it may miss them`;
}

/** A span of `ms` milliseconds in the largest whole unit it fills (days, hours or minutes), e.g. "3 days". */
function aheadBy(ms: number): string {
  const [unit, size] = ms >= 2 * 86_400_000 ? ['days', 86_400_000] : ms >= 2 * 3_600_000 ? ['hours', 3_600_000] : ['min', 60_000];
  return `${Math.floor(ms / size)} ${unit}`;
}

/** This server's offset from UTC at `ms` (minutes, east positive). */
function offsetAt(ms: number): number {
  return -new Date(ms).getTimezoneOffset();
}

/**
 * The instant (epoch ms, to the minute) this server's zone sets its clocks back within 3 hours of `at`, with how many
 * minutes it goes back; undefined when it does not. No zone goes back more than an hour or twice in 6 hours.
 */
function fallBackNear(at: number): { at: number; minutes: number } | undefined {
  let low = at - 3 * 3_600_000;
  let high = at + 3 * 3_600_000;
  const minutes = offsetAt(low) - offsetAt(high);
  if (!(minutes > 0) || Number.isNaN(low) || Number.isNaN(high)) return undefined;
  // The offset drops once between low and high: the last minute with the earlier offset.
  const before = offsetAt(low);
  while (high - low > 60_000) {
    const mid = low + Math.floor((high - low) / 120_000) * 60_000;
    if (offsetAt(mid) === before) low = mid;
    else high = mid;
  }
  return { at: high, minutes };
}

/**
 * For a time window on a file whose times carry no zone (its newest entry names none, as newestEntry read it): when
 * `since` or `until` (epoch ms) lies in or next to a span this server's zone lives twice — its clocks go back (DST ends:
 * 02:00–02:59 twice in Berlin) — the local times written in that span are each read as their first pass, so an entry
 * of the second pass reads up to that long early, and the window's edge may leave it out or take it wrongly. Nothing in
 * a zoneless line tells the passes apart (its order in the file could, but search reads lines out of order), so the
 * note says it. Undefined otherwise.
 */
export function repeatedTimeNote(file: OpenedLog, since: number | undefined, until: number | undefined): string | undefined {
  const text = newestLines.get(file);
  if (text === undefined || ZONED_TIME.test(text)) return undefined;
  for (const edge of [since, until]) {
    if (edge === undefined) continue;
    const back = fallBackNear(edge);
    if (back === undefined) continue;
    const span = back.minutes * 60_000;
    if (edge < back.at - span || edge > back.at + span) continue;
    return (
      `${file.info.name}: its times carry no zone, and this server's zone lives ${iso(back.at - span)?.slice(11, 16)} to ${iso(back.at - 60_000)?.slice(11, 16)} of ${iso(back.at)?.slice(0, 10)} twice ` +
      `(clocks go back ${back.minutes} min at ${iso(back.at)}): each time written then is read as its first pass, so entries of the second pass read ${back.minutes} min early ` +
      `and a window edge in ${iso(back.at - span)} .. ${iso(back.at + span)} may leave them out or take them wrongly; widen since/until by ${back.minutes} min past that span to cover them`
    );
  }
  return undefined;
}

/** The time of a file's oldest entry (epoch ms): the first readable timestamp of its head sample (io/head). */
export async function oldestEntry(ctx: LogsContext, file: OpenedLog): Promise<number | undefined> {
  const parser = await ctx.parserOf(file);
  for (const [i, line] of (await headLines(file.handle.fd, file.info)).entries()) {
    const t = parseLine(parser, line, i + 1).timestamp;
    if (t !== undefined) return t;
  }
  return undefined;
}

/**
 * For a file in which a time window found nothing: where its entries are when its last lies before `since` or its
 * first after `until` (epoch ms), so that "no matches" in the window is never read as "none in the file". Undefined
 * when the file's ends reach into the window or have no readable time.
 */
export async function windowMissNote(ctx: LogsContext, file: OpenedLog, since: number | undefined, until: number | undefined): Promise<string | undefined> {
  if (since !== undefined) {
    const newest = await newestEntry(ctx, file);
    // The last entry's time, not every entry's: a file out of time order was still searched whole for the window.
    if (newest !== undefined && newest < since) return `${file.info.name}: its last entry (${iso(newest)}) is older than the window; widen since to search its older entries`;
  }
  if (until !== undefined) {
    const oldest = await oldestEntry(ctx, file);
    if (oldest !== undefined && oldest >= until) return `${file.info.name}: its first entry (${iso(oldest)}) is newer than the window; move until to search its newer entries`;
  }
  return undefined;
}

/**
 * The output field of a file sought in for `since` (scan/seek.ts): where it was read from. Counts a full read gives over
 * the whole file (lines without a time) start there, which the field and untimedWhere say.
 */
export const readFromField = z
  .object({ line: z.number(), byte: z.number() })
  .optional()
  .describe('set when the file was large and in time order and was sought in for since: read from this line (byte offset) on, every line above it being older than the window; counts of lines without a time start there');

/** The words after an untimed count: where the lines counted were (from a sought file's start line on), else none. */
export function untimedWhere(readFrom: { line: number; byte: number } | undefined): string {
  return readFrom ? ` (counted from line ${readFrom.line.toLocaleString('en-US')}, byte ${readFrom.byte.toLocaleString('en-US')}, on: the file was sought in for the window, the lines above being older)` : '';
}

/**
 * The progress message sent once a file's read has its end fixed (ScanOptions.onOpened), e.g. "searching app.log:
 * reading its 1,024 bytes": a client then knows that what is written from now on is not silently taken as the file's
 * (grewNote tells of it).
 */
export function readingMessage(verb: string, name: string, size: number): string {
  return `${verb} ${name}: reading its ${size.toLocaleString('en-US')} bytes`;
}

/**
 * The note of a file that grew while it was read (grownWhileRead): the answer holds every line of the size it had when
 * the read began, and perhaps some written since; undefined when it did not grow.
 */
export function grewNote(name: string, grew: { from: number; to: number } | undefined): string | undefined {
  if (grew === undefined) return undefined;
  const bytes = (n: number) => n.toLocaleString('en-US');
  return `${name}: the file grew while it was read (${bytes(grew.from)} bytes when the read began, ${bytes(grew.to)} at its end: it is being written): every line within its first ${bytes(grew.from)} bytes is in this answer, lines written during the read may or may not be; ask again for them`;
}

/**
 * The note of a large file read whole for a `since` window (the seek's reason: out of order, a stretch without a time…),
 * which says why the call took the time a full read takes; undefined when it was sought in or is not large.
 */
export function readWholeNote(name: string, readWhole: string | undefined): string | undefined {
  // A window that starts near the file's start is a full read's work anyway.
  if (readWhole === undefined || readWhole === WINDOW_AT_START) return undefined;
  return `${name}: read whole for the window, not sought in (${readWhole}): a seek needs its lines in time order, each with a time or under an entry that has one`;
}
