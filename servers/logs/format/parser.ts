// The line parser for one file: detected from its first lines (format/detect.ts).
import { createLineParser } from './detect';
import type { LineParser } from './types';

export const SAMPLE_BYTES = 64 * 1024;
export const SAMPLE_LINES = 300;

/** Splits the first bytes of a file into sample lines (CR stripped, the possibly cut last line dropped). */
export function sampleLines(head: Buffer, complete: boolean): string[] {
  const text = head.toString('utf8');
  const lines = text.split('\n');
  if (!complete && lines.length > 1) lines.pop();
  return lines.slice(0, SAMPLE_LINES).map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

export function parserFor(head: Buffer, complete: boolean, mtimeMs: number): LineParser {
  return createLineParser(sampleLines(head, complete), { referenceTime: mtimeMs });
}
