// Where HEAD is and how a branch relates to its upstream.
import { sanitizeLine } from '../../shared/sanitize';
import type { Repo } from './repo';

export interface HeadState {
  /** Branch name, also for an unborn branch in an empty repository; null when detached. */
  branch: string | null;
  detached: boolean;
  hash: string | null;
}

export async function currentBranch(repo: Repo): Promise<HeadState> {
  const symbolic = await repo.git(['symbolic-ref', '--quiet', '--short', 'HEAD'], { okExitCodes: [0, 1, 128] });
  const hash = await repo.head();
  if (symbolic.exitCode === 0) return { branch: sanitizeLine(symbolic.stdout.toString('utf8').trim(), 300), detached: false, hash };
  return { branch: null, detached: true, hash };
}

/** Reads `%(upstream:track,nobracket)`: "ahead 2, behind 1", "gone" or "". */
export function parseTrack(track: string): { ahead: number; behind: number } | { upstreamGone: true } {
  if (track.trim() === 'gone') return { upstreamGone: true };
  const ahead = /ahead (\d+)/.exec(track);
  const behind = /behind (\d+)/.exec(track);
  return { ahead: ahead ? Number(ahead[1]) : 0, behind: behind ? Number(behind[1]) : 0 };
}
