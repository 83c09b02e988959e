// Which log file "/errors <file>" means: the text after the command matched against the logs
// server's listing (logs://files) by the tools' name, the path relative to its log directory, the
// absolute path, or the bare file name. No `vscode` import.
import { basename } from 'node:path';
import { logFilePath, type LogFile } from '../views/log-items';

/** What the user typed, without surrounding quotes or backticks (people paste `app.log` or "my file.log"). */
export function cleanFileArgument(text: string): string {
  return text.trim().replace(/^(["'`])(.*)\1$/s, '$2').trim();
}

/**
 * The listed files `query` names, best kind of match first: an exact tool name, relative path or
 * absolute path wins over a bare-file-name match (which may be ambiguous: several `app.log`).
 * `samePath` compares absolute paths the way the platform does (case on Windows and macOS).
 */
export function matchLogFiles(files: readonly LogFile[], query: string, samePath: (a: string, b: string) => boolean): LogFile[] {
  const wanted = cleanFileArgument(query).replace(/\\/g, '/');
  if (!wanted) return [];
  const exact = files.filter((file) => {
    const path = logFilePath(file);
    return file.name === wanted || file.relativePath?.replace(/\\/g, '/') === wanted || (path !== undefined && samePath(path, wanted));
  });
  if (exact.length > 0) return exact;
  const name = basename(wanted);
  return files.filter((file) => basename((file.relativePath ?? file.name).replace(/\\/g, '/')) === name);
}
