// Compiled header readers: for a learned header of a common layout, a reader of that layout's lines written out for it
// (no per-field dispatch), which hands every line it cannot read exactly as header.ts parseWithHeader does back to it.
import type { LearnedHeader } from './header';
import type { TimestampContext } from './timestamps';
import type { ParsedLine } from './types';

/** A compiled reader: a line's reading, or undefined when the general reader (parseWithHeader) must read it. */
export type CompiledReader = (line: string) => ParsedLine | undefined;

/**
 * The compiled reader of `header`'s layout, or undefined when it has none (the general reader reads every line).
 * `reads`: counts the lines the reader read itself (the shadow-compare harness, scripts/shadow-header.ts).
 */
export function compileHeaderReader(_header: LearnedHeader, _context: TimestampContext, _reads?: { lines: number }): CompiledReader | undefined {
  return undefined;
}
