// The deterministic error summary as chat Markdown (pure; shapes from the logs server's error_summary).
import { z } from 'zod';
import { escapeMarkdown, type Translate } from './node';
import { cutText } from '../../servers/shared/sanitize';

const groupSchema = z.object({
  template: z.string(),
  count: z.number(),
  levels: z.array(z.string()).default([]),
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
  files: z.array(z.string()).default([]),
  messages: z.array(z.object({ message: z.string(), count: z.number() })).default([]),
  examples: z.array(z.object({ file: z.string(), line: z.number(), text: z.string() })).default([]),
});

export const errorSummaryOutput = z.object({
  window: z.object({ since: z.string(), until: z.string(), hours: z.number() }).optional(),
  totalErrors: z.number(),
  groupCount: z.number().optional(),
  groups: z.array(groupSchema),
  truncated: z.boolean().default(false),
  files: z
    .array(
      z.object({
        file: z.string(),
        errors: z.number(),
        newestEntry: z.string().optional(),
        outsideWindow: z.object({ errors: z.number() }).passthrough().optional(),
        levelsUnreadable: z.boolean().optional(),
        /** Its text ends before the file does (a damaged or cut compressed file): errors past the cut are not known. */
        textCut: z.boolean().optional(),
        /** A journal unit or container (its textErrors count records, not lines). */
        source: z.string().optional(),
        /** Lines (records, in a source) without a level whose text reads as an error; `first`: their first numbers. */
        textErrors: z.object({ lines: z.number(), atLeast: z.boolean().optional(), first: z.array(z.number()).default([]) }).passthrough().optional(),
        linesWithoutLevel: z.number().optional(),
        legacyText: z.boolean().optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
  notes: z.array(z.string()).default([]),
  /** The files' notes then the notes, as a person reads them (servers/logs/tools/notes-for-people.ts); absent from an older server. */
  notesForPeople: z.array(z.string()).optional(),
});
export type ErrorSummary = z.infer<typeof errorSummaryOutput>;

export interface SummaryMarkdownOptions {
  /** Display name of the file. */
  file: string;
  t: Translate;
  locale: string;
}

/** Untrusted log text as inline Markdown that stays text: no emphasis, links, HTML or line breaks. */
const text = (value: string, max = 300) => {
  const single = value.replace(/\s+/g, ' ').trim();
  return escapeMarkdown(single.length > max ? `${cutText(single, max)}…` : single);
};

/**
 * A time for the Markdown, escaped: a locale's short date can open a line (Korean puts it first, "{0}부터 …") and
 * `26. 12. 2.` there is an ordered list to Markdown, shown as nested list numbers with wide gaps.
 */
function when(value: string | undefined, locale: string): string {
  if (!value) return '?';
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? escapeMarkdown(new Date(ms).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' })) : text(value, 40);
}

/**
 * What a summary without error groups says about `file` (its display name, escaped by the caller as
 * its medium needs). "No errors found" only when the server read the log and said nothing that
 * weakens the zero: nothing read, levels unreadable (in all or some lines), or text that is not
 * UTF-8 each make it a warning that says why the zero may be wrong (the server's notes, shown below
 * the summary, say more). Shared by the chat Markdown, the "Summarize Errors" notification and
 * @devops /errors.
 */
export function noErrorsMessage(summary: Pick<ErrorSummary, 'files'> & Partial<Pick<ErrorSummary, 'window'>>, file: string, t: Translate): { severity: 'warning' | 'info'; message: string } {
  const warning = (message: string) => ({ severity: 'warning' as const, message });
  if (summary.files.length === 0) return warning(t('No errors counted in {0}, but nothing of it could be read, so its errors are not known: the notes say why.', file));
  // break32: a cron log without levels whose `FATAL: password authentication failed` line the server found by its text
  // was headed "No error lines recognised", the line itself named only in notes pointing at a JSON field.
  const readAsErrors = textErrorLines(summary);
  if (readAsErrors) {
    const where = readAsErrors.inSource ? t('records {0}', readAsErrors.first) : t('lines {0}', readAsErrors.first);
    return warning(t('No entry of {0} has a level that reads as an error, but {1} without a level read as errors by their text ({2}): they are not counted, as their level is unknown.', file, readAsErrors.count, where));
  }
  if (summary.files.some((f) => f.textCut)) {
    return warning(t('No error lines counted in the readable part of {0}: the file is damaged or cut and its text ends early, so errors past that point are not known.', file));
  }
  if (summary.files.some((f) => f.levelsUnreadable)) {
    return warning(t('No error lines recognised in {0}: its log levels could not be read, so errors may have been missed.', file));
  }
  if (summary.files.some((f) => f.linesWithoutLevel !== undefined || f.textErrors !== undefined)) {
    return warning(t('No error lines counted in {0}, but some of its lines have no readable level, so errors among them were not counted: the notes say more.', file));
  }
  if (summary.files.some((f) => f.legacyText)) {
    return warning(t('No error lines counted in {0}, but its text is not UTF-8 (a legacy charset such as EUC-KR): words outside ASCII could not be read, so errors worded in them may have been missed.', file));
  }
  // A window (a journal unit's or container's last 24 h) that missed the log's entries, or its errors, is no "all well".
  const window = summary.window;
  if (window) {
    const older = summary.files.reduce((sum, f) => sum + (f.outsideWindow?.errors ?? 0), 0);
    if (older > 0) return warning(t('No errors in {0} in the last {1} h, but it holds {2} older error entries: the notes say when.', file, window.hours, older));
    const since = Date.parse(window.since);
    const newest = summary.files.map((f) => (f.newestEntry !== undefined ? Date.parse(f.newestEntry) : NaN));
    if (newest.length > 0 && newest.every((at) => at < since)) {
      return warning(t('No errors counted in {0}: it has no entries at all in the last {1} h, so this says nothing about it.', file, window.hours));
    }
  }
  return { severity: 'info', message: t('No errors found in {0}.', file) };
}

/** Line numbers shown of the entries that read as errors by their text (textErrorLines), over all files. */
const SHOWN_TEXT_ERROR_LINES = 5;

/**
 * The entries without a level that read as errors by their text (files[].textErrors), over every file of the summary:
 * how many ("3", "at least 40") and the first numbers ("2, 9, 14…"); with several files, each file's numbers after its
 * name ("app.log 2, 9; worker.log 14…"): line 2 of which file was not said. Undefined when there are none.
 */
export function textErrorLines(summary: Pick<ErrorSummary, 'files'>): { count: string; first: string; inSource: boolean } | undefined {
  const found = summary.files.filter((f) => (f.textErrors?.lines ?? 0) > 0);
  if (found.length === 0) return undefined;
  const lines = found.reduce((sum, f) => sum + (f.textErrors?.lines ?? 0), 0);
  let room = SHOWN_TEXT_ERROR_LINES;
  const parts: string[] = [];
  for (const f of found) {
    const numbers = (f.textErrors?.first ?? []).slice(0, room);
    if (numbers.length === 0) continue;
    room -= numbers.length;
    parts.push(found.length > 1 ? `${f.file} ${numbers.join(', ')}` : numbers.join(', '));
    if (room === 0) break;
  }
  const shownCount = SHOWN_TEXT_ERROR_LINES - room;
  const shown = parts.join('; ') + (lines > shownCount && shownCount > 0 ? '…' : '');
  return { count: `${found.some((f) => f.textErrors?.atLeast) ? '≥ ' : ''}${lines}`, first: shown || '?', inSource: found.every((f) => f.source !== undefined) };
}

/** Grouped errors with counts and times. */
export function errorSummaryMarkdown(summary: ErrorSummary, options: SummaryMarkdownOptions): string {
  const { t, locale } = options;
  const lines = [`### ${t('Error summary: {0}', text(options.file))}`, ''];
  // The server words its notes for people itself; an older server's are shown as it wrote them.
  const notes = summary.notesForPeople ?? [...summary.files.flatMap((f) => (f.note ? [f.note] : [])), ...summary.notes];
  if (summary.totalErrors === 0 || summary.groups.length === 0) {
    lines.push(`**${noErrorsMessage(summary, text(options.file), t).message}**`);
    if (summary.window) lines.push('', t('Searched from {0} to {1}.', when(summary.window.since, locale), when(summary.window.until, locale)));
  } else {
    const groups = summary.groupCount ?? summary.groups.length;
    // English needs the singular ("1 errors in 1 groups." was what a one-group file got).
    const counted =
      summary.totalErrors === 1 ? t('1 error in 1 group.') : groups === 1 ? t('{0} errors in 1 group.', summary.totalErrors) : t('{0} errors in {1} groups.', summary.totalErrors, groups);
    lines.push(counted, '');
    for (const group of summary.groups) {
      const levels = group.levels.length ? ` ${group.levels.map((l) => `\`${l.replace(/`/g, '')}\``).join(' ')}` : '';
      lines.push(`- **${group.count}×**${levels} ${text(group.template)}`);
      lines.push(`  - ${t('first {0}, last {1}', when(group.firstSeen, locale), when(group.lastSeen, locale))}`);
      const example = group.examples[0];
      if (example) lines.push(`  - ${t('line {0}:', example.line)} ${text(example.text, 240)}`);
    }
    if (summary.truncated) lines.push('', t('Only the largest groups are shown.'));
  }
  for (const note of notes) lines.push('', `> ${text(note)}`);
  return lines.join('\n');
}
