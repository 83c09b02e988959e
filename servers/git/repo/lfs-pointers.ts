// Git LFS pointer files. A repository using Git LFS commits, in place of each large file, a small text file naming it
// (git-lfs/docs/spec.md): `version https://git-lfs.github.com/spec/v1`, then `oid sha256:<64 hex>` and `size <bytes>`,
// one `key value` line each. The file itself lives on an LFS server and is never in git. Read as git holds them, blame
// listed the three pointer lines as the file's content, and a diff of a 40 MB model counted "2 added, 2 deleted".
import type { Repo } from './repo';

/** The object a pointer names: its SHA-256 (64 hex digits, without `sha256:`) and size in bytes. */
export interface LfsPointer {
  oid: string;
  size: number;
}

/** The spec's limit: a blob of this many bytes or more is no pointer. */
export const MAX_POINTER_BYTES = 1024;

/** The spec's version lines: v1, and the names git-lfs still reads as v1 (the pre-release Hawser's, the alpha git-media's). */
const VERSIONS = new Set(['https://git-lfs.github.com/spec/v1', 'https://hawser.github.com/spec/v1', 'http://git-media.io/v/2']);

/**
 * The pointer a blob's bytes are, or undefined when they are anything else. Strict as the spec: under
 * MAX_POINTER_BYTES, UTF-8 `key value` lines each ended by `\n`, keys of `[a-z0-9.-]`, `version` first and known, the
 * other keys sorted, `oid sha256:<64 hex>` and `size <digits>` present (extension keys `ext-…` may follow). A line may
 * end `\r\n`: a pointer committed through a checkout that wrote CRLF (core.autocrlf on Windows) is still one to git-lfs,
 * whose reader drops the `\r`. A text file that only quotes a pointer (a README showing one, with other lines) is not
 * taken for one.
 */
export function parseLfsPointer(bytes: Buffer): LfsPointer | undefined {
  if (bytes.length === 0 || bytes.length >= MAX_POINTER_BYTES || bytes[bytes.length - 1] !== 0x0a) return undefined;
  const lines = bytes
    .toString('utf8')
    .slice(0, -1)
    .split('\n')
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const values = new Map<string, string>();
  let previous = '';
  for (const [index, line] of lines.entries()) {
    const match = /^([a-z0-9.-]+) ([^\r\n]+)$/.exec(line);
    if (!match) return undefined;
    const [, key, value] = match;
    if (index === 0 ? key !== 'version' || !VERSIONS.has(value) : key === 'version' || key <= previous) return undefined;
    if (index > 0) previous = key;
    values.set(key, value);
  }
  const oid = /^sha256:([0-9a-f]{64})$/.exec(values.get('oid') ?? '')?.[1];
  const size = values.get('size') ?? '';
  if (!oid || !/^\d{1,16}$/.test(size)) return undefined;
  return { oid, size: Number(size) };
}

/** The pointers on each side of one changed path (absent on a side where the path is no pointer, or not there). */
export interface LfsChange {
  before?: LfsPointer;
  after?: LfsPointer;
}

const ZERO_HASH = /^0+$/;

/**
 * The paths that are LFS pointers on either side of a comparison of commits `from` and `to` (under `pathArgs`, `--`
 * and an optional path), by the path numstat lists (the new one of a rename). Blobs are sized first
 * (`cat-file --batch-check`) and only those small enough to be a pointer are read. Empty when git fails: the counts
 * then stand as git gives them, as before.
 */
export async function lfsChanges(repo: Repo, from: string, to: string, pathArgs: readonly string[]): Promise<Map<string, LfsChange>> {
  const changes = new Map<string, LfsChange>();
  const raw = await repo
    .git(['diff', '--raw', '-z', '-M', '--no-abbrev', '--ignore-submodules=none', from, to, ...pathArgs], { maxBytes: 16 * 1024 * 1024, okExitCodes: [0, 128] })
    .catch(() => undefined);
  if (raw?.exitCode !== 0) return changes;
  // `:<mode> <mode> <hash> <hash> <status>` NUL `<path>` NUL, and a second path after a rename or copy (status R or C).
  const entries: Array<{ path: string; before?: string; after?: string }> = [];
  const fields = raw.stdout.toString('utf8').split('\0');
  for (let i = 0; i + 1 < fields.length; ) {
    const [, , oldHash, newHash, status = ''] = fields[i].replace(/^:/, '').split(' ');
    const twoPaths = /^[RC]/.test(status);
    const path = fields[i + (twoPaths ? 2 : 1)];
    i += twoPaths ? 3 : 2;
    if (path === undefined) break;
    const blob = (hash: string | undefined) => (hash && !ZERO_HASH.test(hash) ? hash : undefined);
    entries.push({ path, before: blob(oldHash), after: blob(newHash) });
  }
  // cat-file stops at a blob the repository lacks (a partial clone's): then no path is taken for a pointer.
  const pointers = await readPointers(repo, entries.flatMap((e) => [e.before, e.after]).filter((h): h is string => h !== undefined)).catch(() => new Map<string, LfsPointer>());
  for (const entry of entries) {
    const before = entry.before === undefined ? undefined : pointers.get(entry.before);
    const after = entry.after === undefined ? undefined : pointers.get(entry.after);
    if (before || after) changes.set(entry.path, { ...(before ? { before } : {}), ...(after ? { after } : {}) });
  }
  return changes;
}

/**
 * The LFS pointers among `paths` (exact, relative to the root) as `commit` holds them, by path: one `git ls-tree` for
 * their blobs, then readPointers. A path the commit does not hold (deleted since), or that is no pointer, is absent.
 * Empty when git fails.
 */
export async function lfsPointersAt(repo: Repo, commit: string, paths: readonly string[]): Promise<Map<string, LfsPointer>> {
  const found = new Map<string, LfsPointer>();
  if (paths.length === 0) return found;
  const wanted = new Set(paths);
  const listed = await repo
    .git(['ls-tree', '-z', '--full-tree', commit, '--', ...paths], { okExitCodes: [0, 128], maxBytes: 4 * 1024 * 1024 })
    .catch(() => undefined);
  if (listed?.exitCode !== 0) return found;
  const blobs = new Map<string, string[]>();
  for (const record of listed.stdout.toString('utf8').split('\0')) {
    // "<mode> SP blob SP <object> TAB <name>"; ls-tree matches folders by prefix, so only the exact names count.
    const match = /^\d{6} blob ([0-9a-f]{40,64})\t([\s\S]*)$/.exec(record);
    if (match && wanted.has(match[2])) blobs.set(match[1], [...(blobs.get(match[1]) ?? []), match[2]]);
  }
  const pointers = await readPointers(repo, [...blobs.keys()]).catch(() => new Map<string, LfsPointer>());
  for (const [hash, pointer] of pointers) for (const path of blobs.get(hash) ?? []) found.set(path, pointer);
  return found;
}

/** Which of the blobs `hashes` are pointers: sized by one `cat-file --batch-check`, the small ones read by one `--batch`. */
async function readPointers(repo: Repo, hashes: readonly string[]): Promise<Map<string, LfsPointer>> {
  const pointers = new Map<string, LfsPointer>();
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return pointers;
  const sized = await repo.git(['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], { input: Buffer.from(`${unique.join('\n')}\n`), maxBytes: unique.length * 200 + 1024 });
  const small = sized.stdout
    .toString('utf8')
    .split('\n')
    .map((line) => line.split(' '))
    .filter(([, type, size]) => type === 'blob' && Number(size) < MAX_POINTER_BYTES)
    .map(([hash]) => hash);
  if (small.length === 0) return pointers;
  const read = await repo.git(['cat-file', '--batch'], { input: Buffer.from(`${small.join('\n')}\n`), maxBytes: small.length * (MAX_POINTER_BYTES + 200) });
  // `<hash> blob <size>` LF, the blob's bytes, LF; in the order asked.
  const out = read.stdout;
  let at = 0;
  while (at < out.length) {
    const lineEnd = out.indexOf(0x0a, at);
    if (lineEnd < 0) break;
    const [hash, , size] = out.subarray(at, lineEnd).toString('utf8').split(' ');
    const length = Number(size);
    if (!Number.isInteger(length)) break;
    const pointer = parseLfsPointer(out.subarray(lineEnd + 1, lineEnd + 1 + length));
    if (pointer) pointers.set(hash, pointer);
    at = lineEnd + 1 + length + 1;
  }
  return pointers;
}

/** A pointer for people: `sha256:4d7a2146… (12,345 bytes)`. */
export function describePointer(pointer: LfsPointer): string {
  return `sha256:${pointer.oid.slice(0, 12)}… (${pointer.size.toLocaleString('en-US')} bytes)`;
}

/** The note for the LFS files among the listed ones: their counted lines (and patch) are the pointer, not the file. */
export function lfsNote(changes: ReadonlyMap<string, LfsChange>): string | undefined {
  if (changes.size === 0) return undefined;
  const side = (pointer: LfsPointer | undefined) => (pointer ? describePointer(pointer) : 'none');
  const named = [...changes].slice(0, 3).map(([path, change]) => `${JSON.stringify(path)} (${side(change.before)} to ${side(change.after)})`);
  const more = changes.size > 3 ? ` and ${changes.size - 3} more` : '';
  const which = changes.size === 1 ? 'is a Git LFS file' : 'are Git LFS files';
  return `${named.join(', ')}${more} ${which} (lfs: true): git holds only a pointer naming the stored object (its sha256 oid and size), so the counted lines and any patch lines are that pointer, not the file's content, which is on the LFS server.`;
}
