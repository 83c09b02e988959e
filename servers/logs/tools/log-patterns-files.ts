// Gives the `log_patterns` tool safe file access: names resolve through the same checks as every
// other tool, and lines stream in blocks (plain or gzip), yielding to the event loop between blocks. A source's
// records stream the same way, as the lines of a log of its kind.
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LogPatternsContext } from '../patterns/log-patterns';
import { UserFacingError } from '../../shared/tool-result';
import { readLineBlocks } from '../io/chunks';
import type { TimeWindow } from '../../shared/time-window';
import { closeQuietly, type LogsContext } from './context';
import { envelopeOf } from './source-lines';
import type { SourceRef } from './sources';

interface Resolved {
  gzip: boolean;
  dev: number;
  ino: number;
  mtimeMs: number;
}

export function logPatternsContext(ctx: LogsContext): LogPatternsContext {
  const resolved = new Map<string, Resolved>();
  return {
    async resolveFile(name) {
      const opened = await ctx.open(name);
      await closeQuietly(opened.handle);
      if (resolved.size > 1000) resolved.clear();
      resolved.set(opened.realPath, { gzip: opened.info.gzip, dev: opened.stats.dev, ino: opened.stats.ino, mtimeMs: opened.stats.mtimeMs });
      return opened.realPath;
    },
    async referenceTime(path) {
      return resolved.get(path)?.mtimeMs;
    },
    async readLines(path, onLine, signal) {
      const info = resolved.get(path);
      if (!info) throw new UserFacingError('file was not resolved first');
      const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
      try {
        const stats = fstatSync(fd);
        if (!stats.isFile() || stats.dev !== info.dev || stats.ino !== info.ino) throw new UserFacingError('the file changed while being read; try again');
        for await (const block of readLineBlocks(fd, info.gzip)) {
          if (signal?.aborted) return;
          const data = block.data;
          let pos = 0;
          while (pos < data.length) {
            const nl = data.indexOf(10, pos);
            const end = nl === -1 ? data.length : nl;
            const stop = end > pos && data[end - 1] === 13 ? end - 1 : end;
            if (onLine(data.toString('utf8', pos, stop)) === false) return;
            pos = end + 1;
          }
          await nextTurn();
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}

/**
 * The `log_patterns` context of one source: its records written as the envelopes format/ reads (source-lines.ts), the
 * window pushed down to the source (`log_patterns` applies it again to the parsed times).
 */
export function sourcePatternsContext(ctx: LogsContext, source: SourceRef, window: TimeWindow): LogPatternsContext {
  return {
    async resolveFile(name) {
      if (name !== source.name) throw new UserFacingError(`not the source being read: ${name}`);
      return name;
    },
    async readLines(_name, onLine, signal) {
      const records = ctx.sources.read(source.name, { since: window.since, until: window.until, signal })[Symbol.asyncIterator]();
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

/** An example line of a source's template: the record's text again instead of its envelope (when the envelope is whole). */
export function exampleText(example: string): string {
  try {
    const json: unknown = JSON.parse(example);
    if (json && typeof json === 'object') {
      const text = (json as Record<string, unknown>).MESSAGE ?? (json as Record<string, unknown>).log;
      if (typeof text === 'string') return text;
    }
  } catch {
    // cut to the example length: shown as it is
  }
  return example;
}
