// Groups error lines first by message with variable parts masked (numbers, hex ids, UUIDs, IPs, paths), then joins
// those messages by template (the log-intelligence miner). One pass; memory bounded by the number of distinct
// masked messages (capped) and templates.
import { learnMessageColumns, type MessageColumns } from './columns';
import { DEFAULT_MINER_OPTIONS, TemplateMiner, type TemplateMinerOptions } from './miner';
import type { Level } from '../format/types';
import { sanitizeLine } from '../../shared/sanitize';
import { EXAMPLES_PER_MESSAGE, type MessageTally } from './tallies';

export const MAX_GROUPS = 5000;
/** Distinct masked messages kept; later new ones are counted into their template only. */
const MAX_MESSAGES = 20_000;
const EXAMPLES = EXAMPLES_PER_MESSAGE;
const VARIANTS = 5;
/** Lines of a file its header columns are learned from (the error lines' own statistics). */
const COLUMN_SAMPLE = 200;

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

/**
 * A file's header columns (columns.ts), learned from the messages of its first COLUMN_SAMPLE lines (a tally's message
 * stands for each of its lines: they differ only in masked values); its tallies wait in `pending` until then.
 */
interface FileLayout {
  columns?: MessageColumns;
  sample: string[];
  pending: MessageTally[][];
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
  private readonly miner: TemplateMiner;
  private readonly columnShare: number;
  private readonly byMessage = new Map<string, MessageGroup>();
  private readonly byTemplate = new Map<number, TemplateGroup>();
  private readonly layouts = new Map<string, FileLayout>();
  total = 0;

  constructor(options: TemplateMinerOptions = {}) {
    this.miner = new TemplateMiner({ ...options, maxTemplates: MAX_GROUPS, maxExamples: 0 });
    this.columnShare = options.headerColumnShare ?? DEFAULT_MINER_OPTIONS.headerColumnShare;
  }

  /**
   * Lines folded by masked message (a block's worth from the scan process), in order of first appearance: the same
   * groups, counts and examples as adding the lines one by one. `total` counts them at once; they are grouped once
   * the file's header columns are learned, or when the groups are read.
   */
  addTallies(file: string, tallies: MessageTally[]): void {
    for (const tally of tallies) this.total += tally.count;
    let layout = this.layouts.get(file);
    if (!layout) {
      layout = { sample: [], pending: [] };
      this.layouts.set(file, layout);
    }
    if (layout.columns) {
      this.group(file, tallies, layout.columns);
      return;
    }
    layout.pending.push(tallies);
    for (const tally of tallies) for (let n = 0; n < tally.count && layout.sample.length < COLUMN_SAMPLE; n++) layout.sample.push(tally.message);
    if (layout.sample.length >= COLUMN_SAMPLE) this.settle(file, layout);
  }

  /** Learns the file's columns from its sample so far and groups the tallies that waited for them. */
  private settle(file: string, layout: FileLayout): void {
    const columns = learnMessageColumns(layout.sample, { share: this.columnShare });
    layout.columns = columns;
    layout.sample = [];
    for (const tallies of layout.pending.splice(0)) this.group(file, tallies, columns);
  }

  private settleAll(): void {
    for (const [file, layout] of this.layouts) if (!layout.columns) this.settle(file, layout);
  }

  /** Joins tallies to their templates (the message without the file's header columns is what is mined). */
  private group(file: string, tallies: MessageTally[], columns: MessageColumns): void {
    const newExamples = new Map<TemplateGroup, ErrorExample[]>();
    for (const tally of tallies) {
      let message = this.byMessage.get(tally.masked);
      let templateId: number;
      if (message) templateId = message.template;
      else {
        templateId = this.miner.add(columns.strip(tally.message));
        if (this.byMessage.size < MAX_MESSAGES) {
          message = { template: templateId, count: 0 };
          this.byMessage.set(tally.masked, message);
        }
      }
      if (message) message.count += tally.count;
      let group = this.byTemplate.get(templateId);
      if (!group) {
        group = { count: 0, levels: [], files: [], examples: [], messages: new Map() };
        this.byTemplate.set(templateId, group);
      }
      group.count += tally.count;
      if (message && !group.messages.has(tally.masked)) group.messages.set(tally.masked, message);
      for (const level of tally.levels) if (!group.levels.includes(level)) group.levels.push(level);
      if (!group.files.includes(file) && group.files.length < 20) group.files.push(file);
      if (tally.firstSeen !== undefined && (group.firstSeen === undefined || tally.firstSeen < group.firstSeen)) group.firstSeen = tally.firstSeen;
      if (tally.lastSeen !== undefined && (group.lastSeen === undefined || tally.lastSeen > group.lastSeen)) group.lastSeen = tally.lastSeen;
      if (group.examples.length < EXAMPLES) {
        const pending = newExamples.get(group) ?? [];
        newExamples.set(group, pending);
        for (const example of tally.examples) pending.push({ file, line: example.line, text: example.text });
      }
    }
    // A template's examples are its first lines; within a batch, its messages' lines interleave.
    for (const [group, examples] of newExamples) {
      examples.sort((a, b) => a.line - b.line);
      for (const example of examples.slice(0, EXAMPLES - group.examples.length)) group.examples.push({ ...example, text: sanitizeLine(example.text, 500) });
    }
  }

  get capped(): boolean {
    this.settleAll();
    return this.miner.capped || this.byMessage.size >= MAX_MESSAGES;
  }

  /** Largest groups first. */
  sorted(): ErrorGroup[] {
    this.settleAll();
    const templates = new Map(this.miner.templates().map((t) => [t.id, t.template]));
    return [...this.mergedGroups().entries()]
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

  /** The groups by the template the miner finally lists (it merges templates whose differing word is a variable). */
  private mergedGroups(): Map<number, TemplateGroup> {
    const merged = new Map<number, TemplateGroup>();
    for (const [id, group] of this.byTemplate) {
      const finalId = this.miner.finalId(id);
      const into = merged.get(finalId);
      if (!into) {
        merged.set(finalId, { ...group, levels: [...group.levels], files: [...group.files], examples: [...group.examples], messages: new Map(group.messages) });
        continue;
      }
      into.count += group.count;
      for (const level of group.levels) if (!into.levels.includes(level)) into.levels.push(level);
      for (const file of group.files) if (!into.files.includes(file) && into.files.length < 20) into.files.push(file);
      if (group.firstSeen !== undefined && (into.firstSeen === undefined || group.firstSeen < into.firstSeen)) into.firstSeen = group.firstSeen;
      if (group.lastSeen !== undefined && (into.lastSeen === undefined || group.lastSeen > into.lastSeen)) into.lastSeen = group.lastSeen;
      into.examples = [...into.examples, ...group.examples].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line).slice(0, EXAMPLES);
      for (const [message, m] of group.messages) if (!into.messages.has(message)) into.messages.set(message, m);
    }
    return merged;
  }
}
