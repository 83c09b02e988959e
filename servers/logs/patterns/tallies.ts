// Error lines folded by masked message. The scan process sends these to the server instead of the lines themselves,
// so the server's heap sees a handful of objects per block rather than every error line.
import type { Level } from '../format/types';
import { maskMessage } from './masking';
import type { AcceptedLine } from '../search/types';

/** Lines of a block that share one masked message. */
export interface MessageTally {
  masked: string;
  /** The message of the first such line: the one the template miner is given. */
  message: string;
  count: number;
  /** In order of first appearance. */
  levels: Level[];
  firstSeen?: number;
  lastSeen?: number;
  /** The first EXAMPLES_PER_MESSAGE lines, in line order. */
  examples: { line: number; text: string }[];
}

/** A template never shows more examples than this, so no message needs to keep more. */
export const EXAMPLES_PER_MESSAGE = 3;

/** One line as a tally of its own. */
export function tallyOf(entry: AcceptedLine, masked = maskMessage(entry.message)): MessageTally {
  return {
    masked,
    message: entry.message,
    count: 1,
    levels: entry.level ? [entry.level] : [],
    firstSeen: entry.timestamp,
    lastSeen: entry.timestamp,
    examples: [{ line: entry.line, text: entry.text }],
  };
}

/** Folds lines into tallies, in order of each masked message's first line. */
export class MessageTallies {
  private readonly byMasked = new Map<string, MessageTally>();

  add(entry: AcceptedLine): void {
    const masked = maskMessage(entry.message);
    const tally = this.byMasked.get(masked);
    if (!tally) {
      this.byMasked.set(masked, tallyOf(entry, masked));
      return;
    }
    tally.count++;
    if (entry.level && !tally.levels.includes(entry.level)) tally.levels.push(entry.level);
    if (entry.timestamp !== undefined) {
      if (tally.firstSeen === undefined || entry.timestamp < tally.firstSeen) tally.firstSeen = entry.timestamp;
      if (tally.lastSeen === undefined || entry.timestamp > tally.lastSeen) tally.lastSeen = entry.timestamp;
    }
    if (tally.examples.length < EXAMPLES_PER_MESSAGE) tally.examples.push({ line: entry.line, text: entry.text });
  }

  get size(): number {
    return this.byMasked.size;
  }

  /** The tallies so far, emptying the collection. */
  drain(): MessageTally[] {
    const tallies = [...this.byMasked.values()];
    this.byMasked.clear();
    return tallies;
  }
}
