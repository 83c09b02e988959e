// A log rotated while it is read (logrotate's `create`: app.log renamed app.log.1, a new app.log started). The reader
// keeps its open descriptor, so the lines it reads are those of the renamed file; named after the old name, a match's
// line number then points into the new file, which holds other lines. Which file a path names now is told by its
// device and inode, as the descriptor's were when it was opened.
import { promises as fsp, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file as opened: its real path and the identity its descriptor had (fs.Stats dev and ino). */
export interface OpenedIdentity {
  realPath: string;
  /**
   * The path it was named by, links not resolved (`logs/current.log`, a link to the day's file): what is checked, so that
   * a link pointed at the next file while it was read counts as a rotation. realPath when not given.
   */
  namedPath?: string;
  dev: number;
  ino: number;
}

/**
 * The name (a basename) `file` goes by now in its folder when it was renamed there since it was opened; undefined when
 * it is not found there (moved away, or deleted) or the folder cannot be read. Reads the folder once, synchronously
 * (the scan process's caller has nothing else to do meanwhile).
 */
export function renamedTo(file: OpenedIdentity): string | undefined {
  const folder = dirname(file.realPath);
  try {
    for (const name of readdirSync(folder)) {
      const stats = statSync(join(folder, name), { throwIfNoEntry: false });
      if (stats && stats.isFile() && stats.ino === file.ino && stats.dev === file.dev) return name;
    }
  } catch {
    // the folder cannot be read: nothing to name
  }
  return undefined;
}

/** What became of an opened file's path: `renamed` to a name beside it, or `gone` (moved away or deleted). */
export type Rotation = { renamed: string } | { gone: true };

/**
 * Whether `file`'s path still names the file that was opened (one stat); when it does not, what became of it (one read
 * of its folder). Undefined when it still does.
 */
export async function rotationOf(file: OpenedIdentity): Promise<Rotation | undefined> {
  const now = await fsp.stat(file.namedPath ?? file.realPath).catch(() => undefined);
  if (now && now.dev === file.dev && now.ino === file.ino) return undefined;
  const renamed = renamedTo(file);
  if (renamed === undefined) return { gone: true };
  // Still under its own name: the link it was named by points at another file now (break32).
  if (renamed === basename(file.realPath)) return file.namedPath !== undefined && file.namedPath !== file.realPath ? { renamed } : { gone: true };
  return { renamed };
}
