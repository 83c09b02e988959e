// Log Files tree content from the logs server's logs://files resource.
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { formatBytes } from '../../servers/shared/bytes';
import { formatRelativeTime } from './format';
import { escapeMarkdown, type NodeSpec, type Translate } from './node';

const logFileSchema = z.object({
  /** The name the logs tools accept. */
  name: z.string(),
  relativePath: z.string().optional(),
  /** The log directory it was found in (as configured). */
  dir: z.string().optional(),
  /** Absolute path, when the server gives one. */
  path: z.string().optional(),
  size: z.number().default(0),
  mtimeMs: z.number().optional(),
  modified: z.string().optional(),
  gzip: z.boolean().optional(),
  format: z.string().optional(),
  errorCount: z.number().optional(),
});

export const logFilesResource = z.object({
  files: z.array(logFileSchema),
  truncated: z.boolean().optional(),
  directories: z.array(z.unknown()).optional(),
});
export type LogFilesResource = z.infer<typeof logFilesResource>;
export type LogFile = z.infer<typeof logFileSchema>;

export function parseLogFilesResource(text: string): LogFilesResource {
  const parsed = logFilesResource.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`logs://files has an unexpected shape: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Where the file is on disk, or undefined when the listing does not say. */
export function logFilePath(file: LogFile): string | undefined {
  if (file.path && isAbsolute(file.path)) return file.path;
  if (file.dir && file.relativePath) return join(file.dir, file.relativePath);
  return undefined;
}

/** The name the logs tools take for an absolute path, from the listing; undefined when it is not a listed log file. */
export function logNameForPath(files: LogFile[], absolutePath: string, samePath: (a: string, b: string) => boolean): string | undefined {
  return files.find((file) => {
    const path = logFilePath(file);
    return path !== undefined && samePath(path, absolutePath);
  })?.name;
}

export interface LogBuildOptions {
  now: number;
  locale: string;
  t: Translate;
  /** Recent error counts by file name, when known. */
  errorCounts: ReadonlyMap<string, number>;
}

export function logFileNode(file: LogFile, options: LogBuildOptions): NodeSpec {
  const { t, now, locale } = options;
  const modified = file.mtimeMs ?? (file.modified ? Date.parse(file.modified) : NaN);
  const errors = file.errorCount ?? options.errorCounts.get(file.name);
  const parts = [formatBytes(file.size)];
  if (Number.isFinite(modified)) parts.push(formatRelativeTime(modified, now, locale));
  if (errors !== undefined) parts.push(errors === 1 ? t('1 error') : t('{0} errors', errors));
  const path = logFilePath(file);
  const tooltip = [
    `**${escapeMarkdown(file.name)}**`,
    path ? escapeMarkdown(path) : '',
    t('Size: {0}', formatBytes(file.size)),
    Number.isFinite(modified) ? t('Modified: {0}', new Date(modified).toLocaleString(locale)) : '',
    file.format ? t('Format: {0}', escapeMarkdown(file.format)) : '',
    errors !== undefined ? t('Errors in the last 24 hours: {0}', errors) : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    id: `log/${file.name}`,
    label: file.name,
    description: parts.join(' · '),
    tooltip,
    icon: errors ? 'warning' : 'output',
    iconColor: errors ? 'list.warningForeground' : undefined,
    contextValue: 'devopsLogFile',
    filePath: path,
    data: { name: file.name },
  };
}

export function logFileNodes(resource: LogFilesResource, options: LogBuildOptions): NodeSpec[] {
  return resource.files.map((file) => logFileNode(file, options));
}

/** Sum of the known error counts, for the view's badge. */
export function totalErrors(resource: LogFilesResource, errorCounts: ReadonlyMap<string, number>): number {
  return resource.files.reduce((sum, file) => sum + (file.errorCount ?? errorCounts.get(file.name) ?? 0), 0);
}
