// Groups error lines first by message with variable parts masked (numbers, hex ids, UUIDs, IPs, paths), then joins
// those messages by template (the log-intelligence miner). One pass; memory bounded by the number of distinct
// masked messages (capped) and templates.
import { TemplateMiner } from './intelligence/miner';
import type { Level } from './intelligence/types';
import { maskMessage } from './masking';
import { sanitizeLine } from '../shared/sanitize';

export const MAX_GROUPS = 5000;
/** Distinct masked messages kept; later new ones are counted into their template only. */
const MAX_MESSAGES = 20_000;
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

interface MessageGroup {
  template: number;
  count: number;
}

interface TemplateGroup {
  count: number;
  levels: Level[];
  firstSeen?: number;
  lastSeen?: number;
  files: string[];
  examples: ErrorExample[];
  messages: Map<string, MessageGroup>;
}

export class ErrorGrouper {
  private readonly miner = new TemplateMiner({ maxTemplates: MAX_GROUPS, maxExamples: 0 });
  private readonly byMessage = new Map<string, MessageGroup>();
  private readonly byTemplate = new Map<number, TemplateGroup>();
  total = 0;

  add(file: string, entry: { line: number; text: string; message: string; level?: Level; timestamp?: number }): void {
    this.total++;
    const masked = maskMessage(entry.message);
    let message = this.byMessage.get(masked);
    let templateId: number;
    if (message) templateId = message.template;
    else {
      templateId = this.miner.add(entry.message);
      if (this.byMessage.size < MAX_MESSAGES) {
        message = { template: templateId, count: 0 };
        this.byMessage.set(masked, message);
      }
    }
    if (message) message.count++;
    let group = this.byTemplate.get(templateId);
    if (!group) {
      group = { count: 0, levels: [], files: [], examples: [], messages: new Map() };
      this.byTemplate.set(templateId, group);
    }
    group.count++;
    if (message && !group.messages.has(masked)) group.messages.set(masked, message);
    if (entry.level && !group.levels.includes(entry.level)) group.levels.push(entry.level);
    if (!group.files.includes(file) && group.files.length < 20) group.files.push(file);
    if (entry.timestamp !== undefined) {
      if (group.firstSeen === undefined || entry.timestamp < group.firstSeen) group.firstSeen = entry.timestamp;
      if (group.lastSeen === undefined || entry.timestamp > group.lastSeen) group.lastSeen = entry.timestamp;
    }
    if (group.examples.length < EXAMPLES) group.examples.push({ file, line: entry.line, text: sanitizeLine(entry.text, 500) });
  }

  get capped(): boolean {
    return this.miner.capped || this.byMessage.size >= MAX_MESSAGES;
  }

  /** Largest groups first. */
  sorted(): ErrorGroup[] {
    const templates = new Map(this.miner.templates().map((t) => [t.id, t.template]));
    return [...this.byTemplate.entries()]
      .map(([id, g]) => ({
        template: sanitizeLine(templates.get(id) ?? '<*>', 1000),
        count: g.count,
        levels: g.levels,
        firstSeen: g.firstSeen,
        lastSeen: g.lastSeen,
        files: g.files,
        messages: [...g.messages.entries()]
          .sort((a, b) => b[1].count - a[1].count)
          .slice(0, VARIANTS)
          .map(([message, m]) => ({ message: sanitizeLine(message, 500), count: m.count })),
        examples: g.examples,
      }))
      .sort((a, b) => b.count - a.count || (b.lastSeen ?? 0) - (a.lastSeen ?? 0));
  }
}
