// Translates a resolved time window (servers/shared/time-window: since inclusive, until exclusive,
// epoch ms) into git's --since/--until, which compare whole seconds of the committer date and are
// both inclusive. Only instants we computed reach git, never the caller's text.
import type { TimeWindow } from '../../shared/time-window';

// git reads dates only between 1970 and 2099 (others silently become "now"): a side beyond the
// range is left out (it excludes nothing), and instants are pinned inside it.
const GIT_MIN_SECONDS = Date.UTC(1970, 0, 1, 0, 0, 1) / 1000;
const GIT_MAX_SECONDS = Date.UTC(2099, 11, 31, 23, 59, 59) / 1000;

/**
 * git arguments selecting commits whose committer date t (seconds) satisfies since <= t*1000 < until:
 * `--since` gets the first whole second at or after `since`, `--until` the last whole second before
 * `until` (git's --until keeps commits at that second).
 */
export function gitWindowArgs(window: TimeWindow): string[] {
  const args: string[] = [];
  if (window.since !== undefined) {
    const first = Math.ceil(window.since / 1000);
    if (first > GIT_MIN_SECONDS) args.push(`--since=${gitDate(Math.min(first, GIT_MAX_SECONDS))}`);
  }
  if (window.until !== undefined) {
    const last = Math.ceil(window.until / 1000) - 1;
    if (last < GIT_MAX_SECONDS) args.push(`--until=${gitDate(Math.max(last, GIT_MIN_SECONDS))}`);
  }
  return args;
}

function gitDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
