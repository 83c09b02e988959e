// Groups error lines by message template (the log-intelligence miner, which masks numbers, ids, IPs and paths),
// keeping the masked message variants, files, and examples of each. Memory is bounded by the template cap.
import { TemplateMiner, type Level } from './intelligence';
import { maskMessage } from './masking';
import { sanitizeLine } from '../shared/sanitize';

export const MAX_GROUPS = 5000;
const EXAMPLES = 3;
const VARIANTS = 5;

export interface ErrorExample {
  file: string;
  line: number;
  text: string;
}

export interface ErrorGroup {
  template: string;
  count: number;
  levels: Level[];
  firstSeen?: number;
  lastSeen?: number;
  files: string[];
  /** The most frequent masked messages within the template, with counts. */
  messages: { message: string; count: number }[];
  examples: ErrorExample[];
}

interface Extra {
  files: string[];
  variants: Map<string, number>;
  examples: ErrorExample[];
}

export class ErrorGrouper {
  private readonly miner = new TemplateMiner({ maxTemplates: MAX_GROUPS, maxExamples: 0 });
  private readonly extras = new Map<number, Extra>();
  total = 0;

  add(file: string, entry: { line: number; text: string; message: string; level?: Level; timestamp?: number }): void {
    this.total++;
    const id = this.miner.add(entry.message, { level: entry.level, timestamp: entry.timestamp, line: entry.text });
    let extra = this.extras.get(id);
    if (!extra) {
      extra = { files: [], variants: new Map(), examples: [] };
      this.extras.set(id, extra);
    }
    if (!extra.files.includes(file) && extra.files.length < 20) extra.files.push(file);
    const masked = maskMessage(entry.message);
    const seen = extra.variants.get(masked);
    if (seen !== undefined) extra.variants.set(masked, seen + 1);
    else if (extra.variants.size < VARIANTS * 4) extra.variants.set(masked, 1);
    if (extra.examples.length < EXAMPLES) extra.examples.push({ file, line: entry.line, text: sanitizeLine(entry.text, 500) });
  }

  get capped(): boolean {
    return this.miner.capped;
  }

  get groupCount(): number {
    return this.miner.templateCount;
  }

  /** Largest groups first. */
  sorted(): ErrorGroup[] {
    return this.miner.templates().map((t) => {
      const extra = this.extras.get(t.id) ?? { files: [], variants: new Map<string, number>(), examples: [] };
      const levels = (Object.keys(t.levels) as Level[]).filter((l) => (t.levels[l] ?? 0) > 0);
      return {
        template: sanitizeLine(t.template, 1000),
        count: t.count,
        levels,
        firstSeen: t.firstSeen,
        lastSeen: t.lastSeen,
        files: extra.files,
        messages: [...extra.variants.entries()].sort((a, b) => b[1] - a[1]).slice(0, VARIANTS).map(([message, count]) => ({ message: sanitizeLine(message, 500), count })),
        examples: extra.examples,
      };
    });
  }
}
