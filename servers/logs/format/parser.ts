// The line parser for one file: its format detected (format/detect.ts) from the head's sample lines (io/head.ts).
import { sampleLines } from '../io/head';
import { createLineParser } from './detect';
import type { LineParser } from './types';

/** `head`/`complete` as io/head.ts readHead returns them; `mtimeMs` dates year-less timestamps. */
export function parserFor(head: Buffer, complete: boolean, mtimeMs: number): LineParser {
  return createLineParser(sampleLines(head, complete), { referenceTime: mtimeMs });
}
