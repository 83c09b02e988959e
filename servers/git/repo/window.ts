// Translates a resolved time window (servers/shared/time-window: since inclusive, until exclusive,
// epoch ms) into git's --since/--until, which compare whole seconds of the committer date and are
// both inclusive. Only instants we computed reach git, never the caller's text.
import type { TimeWindow } from '../../shared/time-window';
import type { Repo } from './repo';

/**
 * How git is told where the window starts. Plain `--since` stops walking a line of history at its first commit older
 * than the date: one commit made on a machine whose clock was behind (or an old commit cherry-picked with its date
 * kept by a tool) hides every commit below it, even those inside the window, and "what changed this week" comes back
 * short. `--since-as-filter` (git 2.38) visits every commit and only filters; older git has only `--since`.
 */
export type SinceFlag = '--since' | '--since-as-filter';

// git reads dates only between 1970 and 2099 (others silently become "now"): a side beyond the
// range is left out (it excludes nothing), and instants are pinned inside it.
const GIT_MIN_SECONDS = Date.UTC(1970, 0, 1, 0, 0, 1) / 1000;
const GIT_MAX_SECONDS = Date.UTC(2099, 11, 31, 23, 59, 59) / 1000;

/**
 * git arguments selecting commits whose committer date t (seconds) satisfies since <= t*1000 < until:
 * `--since` gets the first whole second at or after `since`, `--until` the last whole second before
 * `until` (git's --until keeps commits at that second).
 */
export function gitWindowArgs(window: TimeWindow, sinceFlag: SinceFlag = '--since-as-filter'): string[] {
  const args: string[] = [];
  if (window.since !== undefined) {
    const first = Math.ceil(window.since / 1000);
    if (first > GIT_MIN_SECONDS) args.push(`${sinceFlag}=${gitDate(Math.min(first, GIT_MAX_SECONDS))}`);
  }
  if (window.until !== undefined) {
    const last = Math.ceil(window.until / 1000) - 1;
    if (last < GIT_MAX_SECONDS) args.push(`--until=${gitDate(Math.max(last, GIT_MIN_SECONDS))}`);
  }
  return args;
}

/** gitWindowArgs with the since flag the installed git understands (asked once per process). */
export async function repoWindowArgs(repo: Repo, window: TimeWindow): Promise<string[]> {
  if (window.since === undefined) return gitWindowArgs(window);
  return gitWindowArgs(window, await sinceFlagOf(repo));
}

let sinceFlagCache: Promise<SinceFlag> | undefined;

function sinceFlagOf(repo: Repo): Promise<SinceFlag> {
  sinceFlagCache ??= repo.git(['--version']).then(
    (r) => sinceFlagForVersion(r.stdout.toString('utf8')),
    () => {
      sinceFlagCache = undefined; // a cancelled or failed call says nothing about git: ask again next time
      return '--since' as const;
    },
  );
  return sinceFlagCache;
}

/** The since flag for `git --version` output ("git version 2.39.5", "git version 2.45.1.windows.1"). */
export function sinceFlagForVersion(versionText: string): SinceFlag {
  const match = /(\d+)\.(\d+)/.exec(versionText);
  if (!match) return '--since';
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 2 || (major === 2 && minor >= 38) ? '--since-as-filter' : '--since';
}

/**
 * git arguments selecting the commits whose committer date git misreads: one before 1970 is stored as negative
 * seconds, which git reads as a time past its range, so `--until` always leaves it out and a window over 1969 listed
 * nothing. Those commits are the ones git dates after its last readable second (with `--since-as-filter`, which
 * visits every commit); git older than 2.38 stops walking at the first older commit, so there the window's own
 * arguments are dropped and every commit is read (the caller keeps those without a readable time). Needed only when
 * the window may hold a date before 1970 (`since` absent or before it) and has an `until`.
 */
export async function misreadDateArgs(repo: Repo, window: TimeWindow): Promise<string[] | undefined> {
  if (window.until === undefined || (window.since !== undefined && window.since >= GIT_MIN_SECONDS * 1000)) return undefined;
  return (await sinceFlagOf(repo)) === '--since-as-filter' ? [`--since-as-filter=${gitDate(GIT_MAX_SECONDS)}`] : [];
}

function gitDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
