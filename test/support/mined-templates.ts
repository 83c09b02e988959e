// The template log_patterns gives each line of a made-up file: the whole pass (format, header columns, miner), in-process.
import assert from 'node:assert/strict';
import { minePatterns } from '../../servers/logs/patterns/log-patterns';
import { TemplateMiner } from '../../servers/logs/patterns/miner';

/** The templates mined from `lines`, one per line (in order); `referenceTime` (epoch ms) dates year-less times. */
export async function templatesOf(lines: string[], referenceTime: number): Promise<string[]> {
  const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true, referenceTime });
  const byLine = new Map<number, string>();
  for (const template of miner.templates()) for (const n of template.lineNumbers ?? []) byLine.set(n, template.template);
  return lines.map((_, i) => byLine.get(i + 1) as string);
}

/** The listed template of each message, mined by the miner alone (the messages are bare: no header to learn). */
export function minedAlone(messages: string[]): string[] {
  const miner = new TemplateMiner();
  const ids = messages.map((message) => miner.add(message));
  const text = new Map(miner.templates().map((t) => [t.id, t.template]));
  return ids.map((id) => text.get(miner.finalId(id)) ?? '?');
}

/** The lines at `indexes` share one template, and no other line has it. */
export function assertOneEvent(templates: string[], indexes: number[], what: string): void {
  const template = templates[indexes[0]];
  for (const i of indexes) assert.equal(templates[i], template, `${what}: line ${i + 1} is '${templates[i]}', not '${template}'`);
  templates.forEach((other, i) => assert.ok(indexes.includes(i) || other !== template, `${what}: line ${i + 1} joined '${template}'`));
}

/** Each line at `indexes` has a template of its own. */
export function assertApart(templates: string[], indexes: number[], what: string): void {
  const seen = new Set(indexes.map((i) => templates[i]));
  assert.equal(seen.size, indexes.length, `${what}: ${indexes.map((i) => templates[i]).join(' | ')}`);
}
