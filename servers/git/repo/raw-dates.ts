// Dates git cannot format. git keeps a commit's times as unsigned seconds: a date before 1970 (history imported from
// older systems, or written with `git hash-object`) is stored as a negative number, which git's formats do not read:
// %aI then prints itself ("%aI") and `git log` shows 1970-01-01. The commit object still holds the true seconds and zone,
// so for those few commits the date is read from it here.
import type { Repo } from './repo';

/** A formatted date git could not produce: anything but an ISO 8601 date with an offset. */
export function isUnformattedDate(text: string): boolean {
  return !/^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/.test(text);
}

/**
 * ISO 8601 in the commit's own zone from the raw `<seconds> <±hhmm>` of an author or committer line (seconds may be
 * negative); undefined when the text is not of that shape.
 */
export function isoFromRawDate(raw: string): string | undefined {
  const match = /^(-?\d{1,15}) ([+-])(\d{2})(\d{2})$/.exec(raw.trim());
  if (!match) return undefined;
  const [, seconds, sign, hours, minutes] = match;
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  const shifted = new Date(Number(seconds) * 1000 + offsetMinutes * 60_000);
  if (Number.isNaN(shifted.getTime())) return undefined;
  return `${shifted.toISOString().slice(0, 19)}${sign}${hours}:${minutes}`;
}

/** The author and committer dates of commit `hash` read from its object (ISO 8601, each only when readable). */
export async function rawCommitDates(repo: Repo, hash: string): Promise<{ author?: string; committer?: string }> {
  const object = await repo.git(['cat-file', 'commit', hash], { okExitCodes: [0, 128], maxBytes: 64 * 1024 });
  const header = object.stdout.toString('utf8').split('\n\n', 1)[0];
  const dateOf = (role: string) => {
    // "author Name <email> <seconds> <zone>": the date follows the last '>' (a name cannot hold one).
    const line = header.split('\n').find((l) => l.startsWith(`${role} `));
    return line === undefined ? undefined : isoFromRawDate(line.slice(line.lastIndexOf('>') + 1));
  };
  return { author: dateOf('author'), committer: dateOf('committer') };
}

/**
 * `commits` with each date git printed unformatted replaced by the one read from the commit object (left as it was when
 * that is unreadable too). One `git cat-file` per such commit; none for the others.
 */
export async function withRawDates<T extends { hash: string; date: string; committerDate: string }>(repo: Repo, commits: T[]): Promise<T[]> {
  return Promise.all(
    commits.map(async (commit) => {
      if (!isUnformattedDate(commit.date) && !isUnformattedDate(commit.committerDate)) return commit;
      const raw = await rawCommitDates(repo, commit.hash);
      return {
        ...commit,
        ...(isUnformattedDate(commit.date) && raw.author ? { date: raw.author } : {}),
        ...(isUnformattedDate(commit.committerDate) && raw.committer ? { committerDate: raw.committer } : {}),
      };
    }),
  );
}

/**
 * `commits` each with a committer time: the ones git printed none for (NaN: a date before 1970) get the time read from
 * the commit object, or keep NaN when that is unreadable too. One `git cat-file` per such commit; none for the others.
 */
export async function withRawCommitTimes<T extends { committedAtMs?: number }>(repo: Repo, commits: T[], hashOf: (commit: T) => string): Promise<T[]> {
  return Promise.all(
    commits.map(async (timed) => {
      if (!Number.isNaN(timed.committedAtMs)) return timed;
      const { committer } = await rawCommitDates(repo, hashOf(timed));
      return committer === undefined ? timed : { ...timed, committedAtMs: Date.parse(committer) };
    }),
  );
}
