// Gives the `log_patterns` tool safe file access: names resolve through the same checks as every
// other tool, and lines stream in blocks (plain or gzip), yielding to the event loop between blocks. A source's
// records stream the same way, as the lines of a log of its kind.
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import type { LogPatternsContext } from '../patterns/log-patterns';
import { UserFacingError } from '../../shared/tool-result';
import { partialKind, PartialJoiner, type SplitKind } from '../format/partials';
import { codingOf, type FileCoding } from '../io/charset';
import { forEachLine } from '../io/chunks';
import { assertNotRewrittenInPlace, readStart } from '../io/in-place';
import type { TimeWindow } from '../../shared/time-window';
import { closeQuietly, type LogsContext } from './context';
import { noteDamage, noteLegacyText, noteRotation } from './common';
import { envelopeOf } from './source-lines';
import { sourceOfRecordLine } from '../io/record-batches';
import type { SourceRef } from './sources';

interface Resolved extends FileCoding {
  /** The name the caller used, for notes. */
  name: string;
  /** Lines a container runtime split are joined (format/partials.ts), as the search engines join them. */
  split: SplitKind | undefined;
  dev: number;
  ino: number;
  mtimeMs: number;
  /** What the tools say of its text when it is not UTF-8 (noteLegacyText), learned when it was opened. */
  charsetNotes: string[];
}

export function logPatternsContext(ctx: LogsContext): LogPatternsContext {
  const resolved = new Map<string, Resolved>();
  return {
    async resolveFile(name) {
      const opened = await ctx.open(name);
      let split: SplitKind | undefined;
      try {
        split = partialKind(await ctx.parserOf(opened));
      } finally {
        await closeQuietly(opened.handle);
      }
      if (resolved.size > 1000) resolved.clear();
      const charsetNotes: string[] = [];
      noteLegacyText(charsetNotes, opened);
      resolved.set(opened.realPath, { name: opened.info.name, ...codingOf(opened.info), split, dev: opened.stats.dev, ino: opened.stats.ino, mtimeMs: opened.stats.mtimeMs, charsetNotes });
      return opened.realPath;
    },
    async referenceTime(path) {
      return resolved.get(path)?.mtimeMs;
    },
    async readLines(path, onLine, signal) {
      const info = resolved.get(path);
      const name = info?.name ?? path;
      if (!info) throw new UserFacingError('file was not resolved first');
      // Joined lines keep the file's numbering: a run's later parts come as empty lines, which are not mined.
      const joiner = info.split ? new PartialJoiner(info.split) : undefined;
      const give = (lines: string[]) => lines.every((line) => onLine(line) !== false);
      const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      try {
        const stats = fstatSync(fd);
        if (!stats.isFile() || stats.dev !== info.dev || stats.ino !== info.ino) throw new UserFacingError('the file changed while being read; try again');
        const notes: string[] = [...info.charsetNotes];
        const onDamage = (damage: string) => noteDamage(notes, name, damage);
        const start = readStart(fd);
        const whole = await forEachLine(fd, info, (line) => (joiner ? give(joiner.push(line)) : onLine(line) !== false), { signal, onDamage });
        if (!whole) return { notes };
        assertNotRewrittenInPlace(fd, { ...info, size: stats.size }, start);
        if (joiner) give(joiner.end());
        await noteRotation(notes, name, { realPath: path, dev: info.dev, ino: info.ino });
        return { notes };
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * The `log_patterns` context of one source: its records written as the envelopes format/ reads (source-lines.ts), the
 * window pushed down to the source (`log_patterns` applies it again to the parsed times). `onProgress` hears the
 * listing a first read makes (the lines read are the tool's own progress).
 */
export function sourcePatternsContext(ctx: LogsContext, source: SourceRef, window: TimeWindow, onProgress?: (message: string) => void): LogPatternsContext {
  return {
    async resolveFile(name) {
      if (name !== source.name) throw new UserFacingError(`not the source being read: ${name}`);
      return name;
    },
    async readLines(_name, onLine, signal) {
      const records = ctx.sources.read(source.name, { since: window.since, until: window.until, signal, ...(onProgress ? { onProgress } : {}) })[Symbol.asyncIterator]();
      try {
        for (let step = await records.next(); !step.done; step = await records.next()) {
          if (signal?.aborted || onLine(envelopeOf(step.value, source.kind)) === false) return;
        }
      } finally {
        await records.return?.();
      }
    },
  };
}

/**
 * `reader` narrowed to the records of one `service` in a file of record batches (a record's source is its service, as
 * search_logs reads it): the miner sees that service's records only, numbered 1, 2, … among themselves, and
 * `filePosition` turns such a number back into the record's position in the file (1-based). Positions are kept only
 * when `keepPositions` (the call asked for line numbers), 8 bytes per record of the service.
 */
export function serviceOnly(reader: LogPatternsContext, service: string, keepPositions: boolean): { context: LogPatternsContext; filePosition: (n: number) => number } {
  const positions: number[] = [];
  return {
    context: {
      resolveFile: (name) => reader.resolveFile(name),
      ...(reader.referenceTime ? { referenceTime: (path: string) => reader.referenceTime!(path) } : {}),
      readLines(path, onLine, signal) {
        let position = 0;
        return reader.readLines(
          path,
          (line) => {
            position++;
            if (sourceOfRecordLine(line) !== service) return true;
            if (keepPositions) positions.push(position);
            return onLine(line);
          },
          signal,
        );
      },
    },
    filePosition: (n) => positions[n - 1] ?? n,
  };
}

/** How an example ends when it was cut: the miner's ellipsis, or servers/shared/sanitize's "… [N chars cut]". */
const CUT_MARK = /…(?: \[\d+ chars cut\])?$/;
/** The start of the envelopes envelopeOf writes, whose first field is the record's text. */
const ENVELOPE_START = /^\{"(?:MESSAGE|log)":"/;

/**
 * An example line of a source's template: the record's text again instead of its envelope. An example cut to the
 * example length (a huge record) keeps its cut mark after the part of the text it holds.
 */
export function exampleText(example: string): string {
  try {
    const json: unknown = JSON.parse(example);
    if (json && typeof json === 'object') {
      const text = (json as Record<string, unknown>).MESSAGE ?? (json as Record<string, unknown>).log;
      if (typeof text === 'string') return text;
    }
  } catch {
    return cutEnvelopeText(example) ?? example;
  }
  return example;
}

/** The text a cut envelope holds, with the cut mark, or undefined when `example` is not one. */
function cutEnvelopeText(example: string): string | undefined {
  const start = ENVELOPE_START.exec(example);
  const mark = CUT_MARK.exec(example);
  if (!start || !mark) return undefined;
  let body = example.slice(start[0].length, mark.index);
  // The text ends at its first unescaped quote (the envelope's next fields follow); a cut escape is dropped.
  const close = /(?:^|[^\\])(?:\\\\)*"/.exec(body);
  if (close) body = body.slice(0, close.index + close[0].length - 1);
  body = body.replace(/(?<!\\)((?:\\\\)*)\\(?:u[0-9a-fA-F]{0,3})?$/, '$1');
  try {
    return `${JSON.parse(`"${body}"`) as string}${mark[0]}`;
  } catch {
    return undefined;
  }
}
