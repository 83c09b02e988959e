// Files git opens from the working tree, the git folder and the paths config names, checked before git reads them.
// git opens them blindly: one that is not a regular file (a FIFO waits for a writer forever, /dev/zero never ends) keeps
// a read-only call busy until its time limit, and a huge .mailmap takes git minutes to load (its list insert is
// quadratic: 400,000 lines took 48 s). A repository is not trusted to be well-formed, so each such file is found here
// once per call (a few stat() calls) and git is kept from it: the .mailmap is switched off, and a call that would read
// attributes or ignore rules from an unsafe file is refused with what to fix, instead of waiting for the time limit.
import { isUtf8 } from 'node:buffer';
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, sep } from 'node:path';
import { formatBytes } from '../../shared/bytes';
import { UserFacingError } from '../../shared/tool-result';

/** What git reads the file for. */
export type UnsafeRole = 'mailmap' | 'attributes' | 'ignore' | 'config';

/**
 * A file git would open for `role` that it must not: `path` as git would open it, `why` a phrase ("a FIFO (named
 * pipe)"), `namedBy` what names it when that is not plain ("include.path in /repo/.git/config").
 */
export interface UnsafeFile {
  role: UnsafeRole;
  path: string;
  why: string;
  namedBy?: string;
}

/**
 * Sizes beyond which a file is not read. A real .mailmap is at most some thousands of lines (Linux's: 60 KB); git's load
 * time grows with the square of its lines (100,000 lines: 1.4 s; 400,000: 48 s). Attribute and ignore files are
 * matched line by line against every path; git itself ignores attribute files over 100 MB.
 */
const MAX_BYTES: Record<Exclude<UnsafeRole, 'config'>, number> = { mailmap: 1024 * 1024, attributes: 16 * 1024 * 1024, ignore: 16 * 1024 * 1024 };

/** The paths config names for each role (`git config --type=path`: `~` expanded), when set. */
export interface ConfiguredFiles {
  mailmap?: string;
  attributes?: string;
  ignore?: string;
}

/**
 * The unsafe files among those git opens at the top of a working tree `root` with git folder `commonDir` (where info/
 * lives; the main repository's for a linked worktree) and the files config names (`configured`, else git's defaults
 * under XDG_CONFIG_HOME). Symlinks are followed: git 2.32+ refuses a symlinked in-tree .mailmap/.gitattributes/.gitignore,
 * older git reads its target. Files in subfolders are not looked for here: guardedCall checks the .gitattributes along
 * the paths a call names, and repo.ts those in the folders a listing gives (folderCheckFor): of the compared paths, and
 * of the tracked files before a status.
 */
export function findUnsafeFiles(root: string, commonDir: string, configured: ConfiguredFiles, env: NodeJS.ProcessEnv = process.env): UnsafeFile[] {
  const xdg = env.XDG_CONFIG_HOME || (env.HOME ? join(env.HOME, '.config') : undefined);
  const candidates: Array<[keyof typeof MAX_BYTES, string | undefined]> = [
    ['mailmap', join(root, '.mailmap')],
    ['mailmap', configured.mailmap],
    ['attributes', join(root, '.gitattributes')],
    ['attributes', join(commonDir, 'info', 'attributes')],
    ['attributes', configured.attributes ?? (xdg && join(xdg, 'git', 'attributes'))],
    ['ignore', join(root, '.gitignore')],
    ['ignore', join(commonDir, 'info', 'exclude')],
    ['ignore', configured.ignore ?? (xdg && join(xdg, 'git', 'ignore'))],
  ];
  const unsafe: UnsafeFile[] = [];
  for (const [role, path] of candidates) {
    if (!path) continue;
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      continue; // missing (or a dangling link): git skips it too
    }
    const why = unsafeBecause(stats, MAX_BYTES[role]);
    if (why) unsafe.push({ role, path, why });
  }
  return unsafe;
}

/**
 * Why git must not read the file at `path` (a phrase: "a FIFO (named pipe), which …"), or undefined when it may: it is
 * missing, a folder, or a regular file of at most `maxBytes`. Links are followed, as git follows them.
 */
export function unsafeFileReason(path: string, maxBytes: number): string | undefined {
  try {
    return unsafeBecause(statSync(path), maxBytes);
  } catch {
    return undefined; // missing (or a dangling link): git skips it, or fails at once
  }
}

function unsafeBecause(stats: Stats, maxBytes: number): string | undefined {
  if (stats.isFIFO()) return 'a FIFO (named pipe), which git would wait on for ever';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device, which git would read without end';
  if (stats.isSocket()) return 'a socket, not a file';
  if (stats.isDirectory()) return undefined; // git's open or read fails at once and it goes on
  if (stats.size > maxBytes) return `${formatBytes(stats.size)}, far larger than any real one (over ${formatBytes(maxBytes)}), which git would take minutes to load`;
  return undefined;
}

/** Refused git call: it would read `file`. */
export class UnsafeFileError extends UserFacingError {
  constructor(readonly file: UnsafeFile) {
    const namedBy = file.namedBy === undefined ? '' : `, named by ${file.namedBy}`;
    super(`this needs git to read ${file.path} (${ROLE_TEXT[file.role]}${namedBy}), which is ${file.why}; remove it or make it a regular file of sensible size, then ask again.`);
    this.name = 'UnsafeFileError';
  }
}

const ROLE_TEXT: Record<UnsafeRole, string> = {
  mailmap: 'the .mailmap, which git blame always reads',
  attributes: 'attributes, which git reads whenever it compares file contents',
  ignore: 'ignore rules, which git reads when it lists untracked files',
  config: "the repository's config, which git reads on every call",
};

/** Config that keeps git from every mailmap (log's default use, mailmap.file, mailmap.blob). */
const NO_MAILMAP: Array<[string, string]> = [
  ['log.mailmap', 'false'],
  ['mailmap.file', ''],
  ['mailmap.blob', ''],
];

/** Mapped-identity placeholders of --format (%aN: author name through the .mailmap) and their raw forms. */
const MAPPED_PLACEHOLDER = /%([ac])([NEL])/g;

/**
 * `args` made safe to run with `unsafe` files: with an unsafe mailmap, format placeholders that read it (%aN, %aE, %aL
 * and the committer's) become the recorded ones and config switches the mailmap off; a call that still reads an unsafe
 * file (blame reads the mailmap whatever it is told; comparing contents reads attributes; listing untracked files,
 * ignore rules) throws UnsafeFileError. With `root` (the top of the working tree), a call that compares the contents
 * of paths it names (after `--`) is also refused when a .gitattributes in a folder along them is unsafe: git reads the
 * one of every folder from the top down to each path it compares. Unchanged when nothing is unsafe.
 */
export function guardedCall(args: readonly string[], unsafe: readonly UnsafeFile[], root?: string): { args: readonly string[]; config: Array<[string, string]> } {
  const along = root !== undefined && readsAttributes(args) ? unsafeAttributesAlong(root, args) : undefined;
  if (along) throw new UnsafeFileError(along);
  if (unsafe.length === 0) return { args, config: [] };
  const hit = (role: UnsafeRole) => unsafe.find((f) => f.role === role);
  const mailmap = hit('mailmap');
  if (mailmap && args[0] === 'blame') throw new UnsafeFileError(mailmap);
  const attributes = hit('attributes');
  if (attributes && readsAttributes(args)) throw new UnsafeFileError(attributes);
  const ignore = hit('ignore');
  if (ignore && readsIgnoreRules(args)) throw new UnsafeFileError(ignore);
  if (!mailmap) return { args, config: [] };
  const rewritten = args.map((arg) => (/^--(format|pretty)=/.test(arg) ? arg.replace(MAPPED_PLACEHOLDER, (_, who: string, what: string) => `%${who}${what.toLowerCase()}`) : arg));
  return { args: rewritten, config: NO_MAILMAP };
}

/** The note for a result read with the .mailmap switched off, when it was. */
export function mailmapSkippedNote(unsafe: readonly UnsafeFile[]): string | undefined {
  const mailmap = unsafe.find((f) => f.role === 'mailmap');
  if (!mailmap) return undefined;
  return `Names and emails are as recorded in the commits, not through the .mailmap: ${mailmap.path} is ${mailmap.why}, so it was not read.`;
}

/** Subcommands that always compare contents (and so read attributes). */
const CONTENT_COMMANDS = new Set(['blame', 'status', 'diff', 'diff-tree', 'diff-index', 'diff-files', 'check-attr', 'archive']);
/**
 * Subcommands that read ignore rules: those that list or act on untracked files. Comparing tracked files (diff,
 * diff-files, diff-index, blame) and listing the index (ls-files without its ignore options) never read them.
 */
const IGNORE_COMMANDS = new Set(['status', 'check-ignore', 'clean', 'add']);
/** ls-files options that read ignore rules (untracked or ignored files, exclude patterns). */
const LS_FILES_IGNORING = /^(-o|--others|-i|--ignored|--exclude-standard|--exclude(-from|-per-directory)?(=.*)?|-x.*|-X.*|--directory)$/;
/** `git status` options that leave untracked files out, and with them the ignore rules. */
const NO_UNTRACKED = /^(-uno|--untracked-files=no)$/;
/** log/show options that print a diff (rename detection, included, reads contents). */
const DIFF_OUTPUT = /^(-p|-u|--patch|--numstat|--shortstat|--stat(=.*)?|--dirstat.*|--summary|--name-only|--name-status|--raw|-M.*|-C.*|--find-renames.*|--find-copies.*|--follow|--check)$/;

/** `args` up to `--`: what follows is paths, whatever they look like. */
function beforePaths(args: readonly string[]): readonly string[] {
  const end = args.indexOf('--');
  return end < 0 ? args : args.slice(0, end);
}

function readsIgnoreRules(all: readonly string[]): boolean {
  const args = beforePaths(all);
  const [command, ...options] = args;
  if (command === 'ls-files') return options.some((a) => LS_FILES_IGNORING.test(a));
  if (command === 'status') return !options.some((a) => NO_UNTRACKED.test(a));
  return IGNORE_COMMANDS.has(command);
}

/** Most paths after `--` whose folders are looked at: a call naming more is not one this server makes. */
const PATHS_CHECKED = 64;

/**
 * The first unsafe .gitattributes in a folder along the paths `args` names after `--` (relative to `root`, as the git
 * tools pass them), below the top (the top's own is found with the other files once per call). A comparison that names
 * no path, or a folder with more below it, is checked by folders over the paths it compares (comparedPathsListing).
 */
function unsafeAttributesAlong(root: string, args: readonly string[]): UnsafeFile | undefined {
  const end = args.indexOf('--');
  if (end < 0) return undefined;
  const folders = new Set<string>();
  for (const path of args.slice(end + 1, end + 1 + PATHS_CHECKED)) {
    const parts = path.split('/').filter((part) => part !== '' && part !== '.');
    // Every folder from the first level down to the path itself (a folder path names its own .gitattributes too).
    for (let depth = 1; depth <= parts.length; depth++) folders.add(parts.slice(0, depth).join('/'));
  }
  return unsafeFolderFile(root, folders);
}

/** The file git opens in a folder of the working tree for each role. */
const FOLDER_FILE = { attributes: '.gitattributes', ignore: '.gitignore' } as const;

/** The first unsafe `<root>/<folder>/.gitattributes` (or .gitignore, by `role`) among `folders` (relative to `root`, '/' between names). */
function unsafeFolderFile(root: string, folders: Iterable<string>, role: keyof typeof FOLDER_FILE = 'attributes'): UnsafeFile | undefined {
  for (const folder of folders) {
    const path = join(root, folder, FOLDER_FILE[role]);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      continue;
    }
    const why = unsafeBecause(stats, MAX_BYTES[role]);
    if (why) return { role, path, why };
  }
  return undefined;
}

/** Options of diff/log/show that make git read contents (and so attributes) or print more than paths. */
const CONTENT_OPTIONS = /^(-p|-u|--patch|--patch-with-(stat|raw)|--numstat|--shortstat|--stat(=.*)?|--dirstat.*|--summary|--name-status|--raw|-M.*|-C.*|--find-renames.*|--find-copies.*|--check|--format=.*|--pretty(=.*)?|-z)$/;
/** The comparing commands a listing can stand in for. */
const LISTABLE = new Set(['diff', 'show', 'log']);
/** Output options that make diff/log/show read the contents of what they compare. */
const CONTENT_OUTPUT = /^(-p|-u|--patch|--patch-with-(stat|raw)|--numstat|--shortstat|--stat(=.*)?|--dirstat.*|--check)$/;
/** Output options without contents: with one of them (and none of CONTENT_OUTPUT) diff and show print no patch. */
const NAMES_OUTPUT = /^(-s|--no-patch|--name-only|--name-status|--raw|--summary)$/;

/** Whether diff/log/show with `options` (before `--`) reads contents: diff and show print a patch when told nothing else. */
function comparesContents(command: string, options: readonly string[]): boolean {
  if (options.some((a) => CONTENT_OUTPUT.test(a))) return true;
  return (command === 'diff' || command === 'show') && !options.some((a) => NAMES_OUTPUT.test(a));
}

/**
 * The git call that lists, without reading a file's contents or attributes, every path the call `args` would compare:
 * the same revisions and paths with `--name-only --no-renames -z` (renames as their two paths) instead of the
 * patch or counts. Undefined for a call that reads no contents, or is not diff, show or log. Checked with strace:
 * git opens `<folder>/.gitattributes` in the working tree for the folder of every path it compares, between commits
 * too (a tree diff reads the working tree's attributes), and the name-only listing opens none.
 */
export function comparedPathsListing(args: readonly string[]): string[] | undefined {
  const [command] = args;
  const end = args.indexOf('--');
  const given = (end < 0 ? args : args.slice(0, end)).slice(1);
  if (!LISTABLE.has(command) || !comparesContents(command, given)) return undefined;
  const options = given.filter((arg) => !CONTENT_OPTIONS.test(arg));
  const paths = end < 0 ? [] : args.slice(end);
  return [command, '--name-only', '--no-renames', '-z', ...(command === 'diff' ? [] : ['--format=']), ...options, ...paths];
}

/**
 * A listing to run before the call `args`, and the file git would open in the folder of each path it lists (and in
 * the folders above, below the top): for a comparison, the .gitattributes along the compared paths
 * (comparedPathsListing); for a status that lists untracked files, the .gitignore of every folder of a tracked file,
 * from the index (`ls-files`, which reads neither): git walks those folders and opens each one's .gitignore, even a
 * FIFO one, an untracked entry itself whose ignore rules git reads, and the .gitignore of the untracked folders
 * in them and below (unsafeFolderFileForListing). Undefined when the call opens no such files.
 */
export function folderCheckFor(args: readonly string[]): { listing: string[]; role: 'attributes' | 'ignore' } | undefined {
  const compared = comparedPathsListing(args);
  if (compared) return { listing: compared, role: 'attributes' };
  if (args[0] === 'status' && readsIgnoreRules(args)) return { listing: ['ls-files', '-z'], role: 'ignore' };
  return undefined;
}

/**
 * Which of `folders` (relative to the top, '/' between names) the repository's ignore rules ignore: git status does
 * not walk an ignored folder, nor open its .gitignore. Asking git reads the .gitignore files of the folders above them,
 * which are checked first.
 */
export type IgnoredFolders = (folders: readonly string[]) => Promise<ReadonlySet<string>>;

/** Levels of untracked folders below a tracked one looked into for their .gitignore. */
const UNTRACKED_DEPTH = 8;

/**
 * The first unsafe file of `role` (see folderCheckFor) in the folder of a path `listing` (its output: paths ended by
 * NUL, commits apart by a line break) names, or in a folder above it, below the top. Whatever the listing's size, each
 * folder is looked at once. For ignore rules, the untracked folders in those (and theirs, UNTRACKED_DEPTH levels down)
 * too, but for those `ignored` says git ignores: git status opens the .gitignore of an untracked folder it looks into,
 * and of the folders inside it on its way to a file, but never walks an ignored one (a FIFO .gitignore in `build/`,
 * ignored, keeps no status waiting, and one in `new/sub/` of an untracked `new/` does).
 */
export async function unsafeFolderFileForListing(
  root: string,
  /** git's output: as bytes, the folders whose names are not UTF-8 are looked into by their bytes too. */
  listing: string | Buffer,
  role: 'attributes' | 'ignore',
  ignored: IgnoredFolders = async () => new Set(),
  /** Stops the walk between levels (its answer is no longer needed): undefined is returned then. */
  signal?: AbortSignal,
): Promise<UnsafeFile | undefined> {
  if (typeof listing !== 'string') {
    const unsafe = unsafeInUndecodableFolders(root, listing, role);
    if (unsafe) return unsafe;
  }
  const folders = new Set<string>();
  for (const entry of (typeof listing === 'string' ? listing : listing.toString('utf8')).split('\0')) {
    const parts = entry.replace(/^\n+/, '').split('/');
    for (let depth = 1; depth < parts.length; depth++) folders.add(parts.slice(0, depth).join('/'));
  }
  if (role !== 'ignore') return unsafeFolderFile(root, folders, role);
  const budget = { read: 0 };
  // The top's own .gitignore is found with the other files once per call: here its folder is only read.
  let walk = readFolders(root, ['', ...folders], folders, budget, new Set(['']));
  for (let depth = 0; ; depth++) {
    if (walk.unsafe || depth === UNTRACKED_DEPTH || walk.found.length === 0) return walk.unsafe;
    // A folder in another repository's checkout (a submodule's) is not asked: one such path fails git check-ignore's
    // whole answer (`Pathspec 'sub/lib' is in submodule 'sub'`), and this repository's rules do not reach it. It is
    // looked into, as when git cannot tell.
    const inRepository = walk.inRepository;
    const skipped = await ignored(walk.found.filter((folder) => !inRepository.has(folder)));
    if (signal?.aborted) return undefined;
    walk = readFolders(root, walk.found.filter((folder) => !skipped.has(folder)), folders, budget, new Set(), inRepository);
  }
}

/** Most folders read for untracked folders in them: git's own walk reads them all, this one stops here. */
const FOLDERS_READ = 20_000;

/**
 * Reads each of `parents` (relative to `root`; '' the top) once: the first whose .gitignore is unsafe (`unsafe`; not
 * asked of those in `unchecked`), and the folders in them that hold no tracked file (not in `tracked`: untracked, or
 * ignored: telling needs the ignore rules, which unsafeFolderFileForListing asks). One readdir a folder tells both:
 * the .gitignore is looked at (stat, through a link) only where the folder lists one, where a stat of every folder's
 * .gitignore, most of them absent, had doubled the file system calls of a status beside 10,000 untracked folders. At
 * most FOLDERS_READ folders are read in all (`budget` counts them across calls); past that a parent's .gitignore is
 * still looked at, its folders are not listed. `inRepository`: the folders of `found` that lie in another repository's
 * checkout (a folder listing `.git`, a submodule's or a nested clone's, or one below such a folder, as `nested` says of
 * `parents`).
 */
function readFolders(
  root: string,
  parents: Iterable<string>,
  tracked: ReadonlySet<string>,
  budget: { read: number },
  unchecked: ReadonlySet<string> = new Set(),
  nested: ReadonlySet<string> = new Set(),
): { unsafe?: UnsafeFile; found: string[]; inRepository: Set<string> } {
  const found: string[] = [];
  const inRepository = new Set<string>();
  for (const folder of parents) {
    if (++budget.read > FOLDERS_READ) {
      const unsafe = unchecked.has(folder) ? undefined : unsafeFolderFile(root, [folder], 'ignore');
      if (unsafe) return { unsafe, found, inRepository };
      continue;
    }
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    const repository = folder !== '' && (nested.has(folder) || entries.some((entry) => entry.name === '.git'));
    if (entries.some((entry) => entry.isDirectory() && entry.name.includes('\uFFFD'))) {
      const unsafe = unsafeUnderUndecodable(join(root, folder), budget);
      if (unsafe) return { unsafe, found, inRepository };
    }
    for (const entry of entries) {
      if (entry.name === FOLDER_FILE.ignore && !unchecked.has(folder)) {
        const unsafe = unsafeFolderFile(root, [folder], 'ignore');
        if (unsafe) return { unsafe, found, inRepository };
      }
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== '.git' && !tracked.has(path)) {
        found.push(path);
        if (repository) inRepository.add(path);
      }
    }
  }
  return { found, inRepository };
}

const GITIGNORE_NAME = Buffer.from(FOLDER_FILE.ignore);
const DOT_GIT_NAME = Buffer.from('.git');
const SEPARATOR = Buffer.from(sep);

/**
 * The first unsafe .gitignore in a folder of `parent` (a path) whose name is not UTF-8, or below it, UNTRACKED_DEPTH
 * levels down. readdir gives such a name as a string with U+FFFD in it, which reaches no folder: a FIFO .gitignore
 * there was never seen, and git_status waited on it for its time limit and then said to narrow the request. Walked by
 * the names' bytes, every folder looked into (check-ignore cannot be given a name the walk cannot write), at most
 * FOLDERS_READ folders in all (`budget`).
 */
function unsafeUnderUndecodable(parent: string, budget: { read: number }): UnsafeFile | undefined {
  return unsafeBelow(Buffer.from(parent), budget, (name) => !isUtf8(name));
}

/** The first unsafe .gitignore in the folders of `top` whose names `take` takes, or below them (UNTRACKED_DEPTH levels). */
function unsafeBelow(top: Buffer, budget: { read: number }, take: (name: Buffer) => boolean): UnsafeFile | undefined {
  let level: Buffer[];
  try {
    level = readdirSync(top, { withFileTypes: true, encoding: 'buffer' })
      .filter((entry) => entry.isDirectory() && !entry.name.equals(DOT_GIT_NAME) && take(entry.name))
      .map((entry) => Buffer.concat([top, SEPARATOR, entry.name]));
  } catch {
    return undefined;
  }
  for (let depth = 0; depth < UNTRACKED_DEPTH && level.length > 0; depth++) {
    const next: Buffer[] = [];
    for (const folder of level) {
      if (++budget.read > FOLDERS_READ) return undefined;
      let entries: Dirent<Buffer>[];
      try {
        entries = readdirSync(folder, { withFileTypes: true, encoding: 'buffer' });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const path = Buffer.concat([folder, SEPARATOR, entry.name]);
        if (entry.name.equals(GITIGNORE_NAME)) {
          let stats: Stats;
          try {
            stats = statSync(path);
          } catch {
            continue;
          }
          const why = unsafeBecause(stats, MAX_BYTES.ignore);
          if (why) return { role: 'ignore', path: bytesPathText(path), why };
        } else if (entry.isDirectory() && !entry.name.equals(DOT_GIT_NAME)) next.push(path);
      }
    }
    level = next;
  }
  return undefined;
}

/**
 * The first unsafe file of `role` in a folder of a path `listing` (git's bytes) names whose name is not UTF-8. Read as
 * text such a name has U+FFFD where its bytes were, which reaches no folder: a FIFO .gitattributes in a tracked folder
 * named in Latin-1 was never seen, and a comparison of whole commits waited on it for git's time limit. Looked up by
 * the name's bytes; for ignore rules the folders below are walked too (unsafeUnderUndecodable's way: git cannot be
 * asked which of them it ignores, so all are looked into).
 */
function unsafeInUndecodableFolders(root: string, listing: Buffer, role: 'attributes' | 'ignore'): UnsafeFile | undefined {
  const seen = new Set<string>();
  const budget = { read: 0 };
  const top = Buffer.from(root);
  let start = 0;
  while (start < listing.length) {
    let end = listing.indexOf(0, start);
    if (end < 0) end = listing.length;
    let entry = listing.subarray(start, end);
    start = end + 1;
    while (entry[0] === 0x0a) entry = entry.subarray(1);
    for (let slash = entry.indexOf(0x2f); slash > 0; slash = entry.indexOf(0x2f, slash + 1)) {
      const folder = entry.subarray(0, slash);
      if (isUtf8(folder)) continue;
      const key = folder.toString('latin1');
      if (seen.has(key)) continue;
      seen.add(key);
      const path = Buffer.concat([top, SEPARATOR, folder]);
      const file = Buffer.concat([path, SEPARATOR, Buffer.from(FOLDER_FILE[role])]);
      try {
        const why = unsafeBecause(statSync(file), MAX_BYTES[role]);
        if (why) return { role, path: bytesPathText(file), why };
      } catch {
        // No such file: nothing to open.
      }
      if (role === 'ignore') {
        const below = unsafeBelow(path, budget, () => true);
        if (below) return below;
      }
    }
  }
  return undefined;
}

/**
 * A path's bytes as text: its UTF-8 as it is, each byte that is not part of UTF-8 written `\xNN` (how the file system
 * has the name, where U+FFFD would lose which byte it was).
 */
export function bytesPathText(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    const piece = length > 0 ? bytes.subarray(i, i + length) : undefined;
    if (piece && piece.length === length && isUtf8(piece)) {
      out += piece.toString('utf8');
      i += length;
    } else {
      out += `\\x${lead.toString(16).toUpperCase().padStart(2, '0')}`;
      i += 1;
    }
  }
  return out;
}

function readsAttributes(all: readonly string[]): boolean {
  const args = beforePaths(all);
  const [command] = args;
  if (CONTENT_COMMANDS.has(command)) return true;
  if (command === 'show' && !args.some((a) => a === '-s' || a === '--no-patch')) return true; // show prints a patch by default
  if (command === 'log' || command === 'show' || command === 'whatchanged') return args.some((a) => DIFF_OUTPUT.test(a));
  return false;
}
