// The scan process's memory of the formats it learned: a warm scan process serves job after job on the same few files,
// and learning a format from a file's head (format/parser.ts) costs about 60 ms of a 1 GiB search that ripgrep itself
// does in 100–200 ms.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { FileIndex } from '../format/clock-days';
import { parserFor, readFileIndex, withFileIndex } from '../format/parser';
import type { LineParser } from '../format/types';
import type { FileHead } from '../io/head';
import type { ScanTarget } from '../search/types';

/** Parsers kept (a few files searched in turn; a parser holds no lines, only what it learned). */
const MAX_PARSERS = 8;

/**
 * parserFor with a memory: the same head (its bytes, whether it is the whole file) and the same reference time give
 * the very parser learned before, so an answer cannot depend on whether the process was warm. The key is everything
 * parserFor reads, the bytes by their SHA-256; a growing file (new mtime) or a rewritten head is learned again.
 */
export class ParserCache {
  private readonly parsers = new LRUCache<string, LineParser>({ max: MAX_PARSERS });
  /** Per file version, what readFileIndex read; `days` absent when it read nothing to tell (a W3C file of one block), not read again. */
  private readonly days = new LRUCache<string, { days?: FileIndex }>({ max: MAX_PARSERS });

  parserFor(head: FileHead, mtimeMs: number): LineParser {
    const key = `${createHash('sha256').update(head.data).digest('base64')}\0${head.complete}\0${mtimeMs}`;
    const known = this.parsers.get(key);
    if (known) return known;
    const parser = parserFor(head.data, head.complete, mtimeMs);
    this.parsers.set(key, parser);
    return parser;
  }

  /**
   * `parser` dated by the days of the file open as `fd` (format/parser.ts readFileIndex), read once per file version
   * (its path, size and last write): the server's readers read the same days from the same version.
   */
  async dated(parser: LineParser, fd: number, target: ScanTarget): Promise<LineParser> {
    if (parser.indexedBy === undefined) return parser;
    const key = `${target.realPath}\0${target.size}\0${target.mtimeMs}\0${target.legacyCharset ?? ''}`;
    let read = this.days.get(key);
    if (read === undefined) {
      const days = await readFileIndex(fd, target, parser);
      read = days === undefined ? {} : { days };
      this.days.set(key, read);
    }
    return withFileIndex(parser, read.days);
  }
}
