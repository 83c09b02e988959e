// The deterministic error summary as chat Markdown (pure; shapes from the logs server's error_summary).
import { z } from 'zod';
import { escapeMarkdown, type Translate } from './node';

const groupSchema = z.object({
  template: z.string().optional(),
  message: z.string().optional(),
  count: z.number(),
  level: z.string().optional(),
  firstSeen: z.string().nullable().optional(),
  lastSeen: z.string().nullable().optional(),
  example: z.string().optional(),
  examples: z.array(z.string()).optional(),
});

export const errorSummaryOutput = z.object({
  file: z.string().optional(),
  totalErrors: z.number(),
  groups: z.array(groupSchema),
  truncated: z.boolean().optional(),
});
export type ErrorSummary = z.infer<typeof errorSummaryOutput>;

export interface SummaryMarkdownOptions {
  /** Display name of the file. */
  file: string;
  t: Translate;
  locale: string;
}

const cell = (text: string) => escapeMarkdown(text).replace(/\r?\n/g, ' ');

function when(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' }) : cell(value);
}

/** Grouped errors with counts and times; untrusted log text is escaped so that it stays text. */
export function errorSummaryMarkdown(summary: ErrorSummary, options: SummaryMarkdownOptions): string {
  const { t, locale } = options;
  const title = `### ${t('Error summary: {0}', cell(options.file))}`;
  if (summary.totalErrors === 0 || summary.groups.length === 0) {
    return [title, '', t('No errors found in {0}.', cell(options.file))].join('\n');
  }
  const lines = [
    title,
    '',
    t('{0} errors in {1} groups.', summary.totalErrors, summary.groups.length),
    '',
    `| ${t('Count')} | ${t('Level')} | ${t('Error')} | ${t('First seen')} | ${t('Last seen')} |`,
    '|---:|---|---|---|---|',
  ];
  for (const group of summary.groups) {
    const text = group.template ?? group.message ?? group.example ?? group.examples?.[0] ?? '';
    lines.push(`| ${group.count} | ${cell(group.level ?? '')} | ${cell(text.slice(0, 300))} | ${when(group.firstSeen, locale)} | ${when(group.lastSeen, locale)} |`);
  }
  if (summary.truncated) lines.push('', t('Only the largest groups are shown.'));
  return lines.join('\n');
}
