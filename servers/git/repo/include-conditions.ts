// Whether git would follow an `includeIf.<condition>.path` of a repository's config, decided without running git.
// Only `gitdir:` and `gitdir/i:` depend on nothing but the repository's git dir, so only they are evaluated (git's
// config.c include_by_gitdir, with the glob rules its documentation gives); `onbranch:` (HEAD, which a FIFO could stand
// for), `hasconfig:` (every other config file) and any condition not known here are left to git.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

/**
 * The answer for one condition: `holds` when git would read the include, `false` when it would not, or `unknown` with
 * the reason git's answer cannot be known here (the caller then treats the include as read, since a wrong "no" would let
 * git wait on a FIFO).
 */
export type ConditionAnswer = { holds: boolean } | { unknown: string };

/**
 * `condition`: the text between `includeIf.` and `.path` (`gitdir:~/work/`, `onbranch:main`). `gitDir`: the
 * repository's git dir as git sees it (`/repo/.git`, or `.git/worktrees/<name>` for a linked worktree). `configFile`:
 * the absolute path of the config file holding the include (a `./` pattern is relative to its folder). `home`: the
 * HOME git would expand `~/` with (undefined: unset). Never throws.
 */
export function includeConditionHolds(condition: string, gitDir: string, configFile: string, home: string | undefined): ConditionAnswer {
  const gitdir = /^gitdir(\/i)?:(.*)$/s.exec(condition);
  if (!gitdir) {
    const kind = /^([a-z/]+):/i.exec(condition)?.[1];
    if (kind === 'onbranch') return { unknown: 'an onbranch: condition depends on the checked-out branch, which only git reads safely' };
    if (kind === 'hasconfig') return { unknown: "a hasconfig: condition depends on every other config file's remotes" };
    return { unknown: `the condition "${condition}" is not one this server evaluates` };
  }
  const pattern = gitDirPattern(gitdir[2], configFile, home);
  if ('unknown' in pattern) return pattern;
  const regex = new RegExp(`^${pattern.source}$`, gitdir[1] ? 'is' : 's');
  // git matches the git dir's real path first, then (a symlinked ~/work) its absolute path as given.
  const candidates = [realPath(gitDir), resolve(gitDir)].filter((p): p is string => p !== undefined);
  return { holds: candidates.some((p) => regex.test(p)) };
}

/**
 * A gitdir: pattern as a regular expression source, prepared as git prepares it: `~/` from HOME and `./` from the
 * including file's folder (both literal), `**\/` before a pattern that is not absolute, `**` after one ending in `/`.
 * Unknown for what this translation does not cover exactly (bracket classes, backslash escapes, `~user/`).
 */
function gitDirPattern(text: string, configFile: string, home: string | undefined): { source: string } | { unknown: string } {
  let literal = '';
  let glob = text;
  if (glob.startsWith('~/')) {
    if (!home) return { unknown: 'a gitdir: condition starting with ~/ while HOME is not set' };
    literal = home.replace(/\/+$/, '');
    glob = glob.slice(1);
  } else if (glob.startsWith('~')) {
    return { unknown: `the gitdir: condition "${text}" names another user's home` };
  } else if (glob.startsWith('./')) {
    literal = dirname(configFile);
    glob = glob.slice(1);
  }
  if (!isAbsolute(literal + glob)) glob = `**/${glob}`;
  if (glob.endsWith('/')) glob += '**';
  if (/[[\\]/.test(glob)) return { unknown: `the gitdir: condition "${text}" uses a bracket class or an escape` };
  return { source: escapeRegex(literal) + globSource(glob) };
}

/** wildmatch with WM_PATHNAME: `*` and `?` stop at `/`; `**` between slashes (or at an end) crosses them. */
function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      let j = i;
      while (glob[j] === '*') j++;
      const atEnd = j === glob.length || glob[j] === '/';
      if (atStart && atEnd) {
        // `**/` matches no folder or any number; a final `**` matches everything below.
        if (glob[j] === '/') {
          out += '(?:.*/)?';
          i = j;
        } else {
          out += '.*';
          i = j - 1;
        }
        continue;
      }
      out += '[^/]*';
      i = j - 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += escapeRegex(c);
  }
  return out;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
