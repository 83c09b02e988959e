// Gives the `log_patterns` tool safe file access: names resolve through the same checks as every
// other tool, and lines stream in blocks (plain or gzip), yielding to the event loop between blocks.
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LogPatternsContext } from '../patterns/log-patterns';
import { UserFacingError } from '../../shared/tool-result';
import { partialKind, PartialJoiner, type SplitKind } from '../format/partials';
import { readLineBlocks } from '../io/chunks';
import { closeQuietly, type LogsContext } from './context';
import { noteDamage } from './common';

interface Resolved {
  /** The name the caller used, for notes. */
  name: string;
  gzip: boolean;
  /** Lines a container runtime split are joined (format/partials.ts), as the search engines join them. */
  split: SplitKind | undefined;
  dev: number;
  ino: number;
  mtimeMs: number;
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
      resolved.set(opened.realPath, { name: opened.info.name, gzip: opened.info.gzip, split, dev: opened.stats.dev, ino: opened.stats.ino, mtimeMs: opened.stats.mtimeMs });
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
        const notes: string[] = [];
        for await (const block of readLineBlocks(fd, info.gzip)) {
          if (signal?.aborted) return { notes };
          noteDamage(notes, name, block.damage);
          const data = block.data;
          let pos = 0;
          while (pos < data.length) {
            const nl = data.indexOf(10, pos);
            const end = nl === -1 ? data.length : nl;
            const stop = end > pos && data[end - 1] === 13 ? end - 1 : end;
            const line = data.toString('utf8', pos, stop);
            if (!(joiner ? give(joiner.push(line)) : onLine(line) !== false)) return { notes };
            pos = end + 1;
          }
          await nextTurn();
        }
        if (joiner) give(joiner.end());
        return { notes };
      } finally {
        closeSync(fd);
      }
    },
  };
}
