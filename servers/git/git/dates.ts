// Parses the date forms tools accept into exact instants, so git never has to guess
// (git's own parser silently reads nonsense as "now").
import { UserFacingError } from '../../shared/tool-result';
import { sanitizeLine } from '../../shared/sanitize';

export type DateBound = 'since' | 'until';

const UNIT_MS: Record<string, number> = {
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
};

export const DATE_HELP =
  "an ISO date or time (2024-05-01, 2024-05-01T13:00, 2024-05-01T13:00:00Z) or a relative form: 'today', 'yesterday', 'now', '3 days ago', '2 weeks ago', '1 month ago', 'last week'. Whole days are local time: a day as 'since' starts at its midnight; as 'until' it includes the whole day";

/**
 * Resolves `input` to an instant. Day-granular forms (a bare date, today, yesterday) mean the start
 * of that local day for `since` and its end for `until`.
 */
export function parseDateInput(input: string, bound: DateBound, now: Date = new Date()): Date {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  // git also writes relative forms with dots: "2.weeks.ago".
  const words = text.replace(/[._]/g, ' ').replace(/\s+/g, ' ');
  const fail = () => new UserFacingError(`${bound}: could not understand '${sanitizeLine(input, 80)}'. Use ${DATE_HELP}.`);
  if (input.trim().startsWith('-')) throw fail();

  const dayOffset = words === 'today' ? 0 : words === 'yesterday' ? -1 : undefined;
  if (dayOffset !== undefined) return dayBoundary(addDays(startOfDay(now), dayOffset), bound);
  if (words === 'now') return new Date(now.getTime());

  const relative = /^(?:(\d{1,6}|an?|one) |last )?(second|minute|hour|day|week|month|year)s?(?: ago)?$/.exec(words);
  if (relative && (words.endsWith(' ago') || words.startsWith('last '))) {
    const amount = relative[1] === undefined || /^(an?|one)$/.test(relative[1]) ? 1 : Number(relative[1]);
    return subtract(now, amount, relative[2]);
  }

  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s?(z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw fail();
    if (h === undefined) return dayBoundary(new Date(year, month - 1, day), bound);
    const hour = Number(h);
    const minute = Number(mi);
    const second = s === undefined ? 0 : Number(s);
    if (hour > 23 || minute > 59 || second > 59) throw fail();
    if (zone === undefined) return new Date(year, month - 1, day, hour, minute, second);
    const offsetMinutes = zone === 'z' ? 0 : parseOffset(zone);
    return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000);
  }
  throw fail();
}

function parseOffset(zone: string): number {
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function subtract(now: Date, amount: number, unit: string): Date {
  if (unit === 'month' || unit === 'year') {
    const result = new Date(now.getTime());
    const months = unit === 'month' ? amount : amount * 12;
    const day = result.getDate();
    result.setDate(1);
    result.setMonth(result.getMonth() - months);
    result.setDate(Math.min(day, daysInMonth(result.getFullYear(), result.getMonth() + 1)));
    return result;
  }
  return new Date(now.getTime() - amount * UNIT_MS[unit]);
}

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

function dayBoundary(dayStart: Date, bound: DateBound): Date {
  return bound === 'since' ? dayStart : new Date(addDays(dayStart, 1).getTime() - 1000);
}

function daysInMonth(year: number, month: number): number {
  return new Date(year, month, 0).getDate();
}

// git reads dates only between 1970 and 2099 (others silently become "now"): an open-ended side is
// left out, and instants beyond the range are pinned to its edges.
const GIT_MIN_DATE = new Date('1970-01-01T00:00:01Z');
const GIT_MAX_DATE = new Date('2099-12-31T23:59:59Z');

function clampForGit(date: Date): string {
  const time = Math.min(Math.max(date.getTime(), GIT_MIN_DATE.getTime()), GIT_MAX_DATE.getTime());
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Git arguments for a validated window, plus the instants for the result. */
export function dateWindowArgs(since: string | undefined, until: string | undefined, now: Date = new Date()): { args: string[]; since?: string; until?: string } {
  const args: string[] = [];
  const window: { since?: string; until?: string } = {};
  let sinceDate: Date | undefined;
  if (since !== undefined) {
    sinceDate = parseDateInput(since, 'since', now);
    window.since = sinceDate.toISOString();
    if (sinceDate > GIT_MIN_DATE) args.push(`--since=${clampForGit(sinceDate)}`);
  }
  if (until !== undefined) {
    const untilDate = parseDateInput(until, 'until', now);
    if (sinceDate && untilDate < sinceDate) throw new UserFacingError(`until (${untilDate.toISOString()}) is before since (${sinceDate.toISOString()}).`);
    window.until = untilDate.toISOString();
    if (untilDate < GIT_MAX_DATE) args.push(`--until=${clampForGit(untilDate)}`);
  }
  return { args, ...window };
}
