// The template log_patterns gives each line of a made-up file: the whole pass (format, header columns, miner), in-process.
import { minePatterns } from '../../servers/logs/patterns/log-patterns';

/** The templates mined from `lines`, one per line (in order); `referenceTime` (epoch ms) dates year-less times. */
export async function templatesOf(lines: string[], referenceTime: number): Promise<string[]> {
  const { miner } = await minePatterns(async (onLine) => lines.forEach((line) => onLine(line)), { window: {}, trackLines: true, referenceTime });
  const byLine = new Map<number, string>();
  for (const template of miner.templates()) for (const n of template.lineNumbers ?? []) byLine.set(n, template.template);
  return lines.map((_, i) => byLine.get(i + 1) as string);
}
