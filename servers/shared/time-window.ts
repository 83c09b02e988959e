// The one time-input grammar of every tool of every server, and the one window rule: `since` is
// inclusive, `until` is exclusive. Parsing is done here, never by a tool (and never by git, whose
// own parser silently reads nonsense as "now").
import { z } from 'zod';
import { sanitizeLine } from './sanitize';
import { type TimeWindow } from './time-rule';
import { UserFacingError } from './tool-result';
import { isoInLocalZone } from './local-time';

export { isoInLocalZone } from './local-time';

export { inWindow, type TimeWindow } from './time-rule';

/** Which side of a window an input is for: it decides what a whole day means. */
export type TimeBound = 'since' | 'until';

/** The window rule, in words every tool description repeats. */
export const WINDOW_RULE =
  '`since` is inclusive (an entry at exactly that instant is included) and `until` is exclusive (an entry at exactly that instant is left out); ' +
  'a whole day (2024-05-01, today, yesterday), week (this week, last week) or month (this month, last month) as `until` includes all of it';

/** The accepted forms, in words (error messages and tool descriptions). */
export const TIME_FORMS =
  "ISO 8601 (2024-05-01, 2024-05-01T13:00, 2024-05-01T13:00:00.250Z, 2024-05-01 13:00+09:00), 'now', 'today', 'yesterday', " +
  "'this week' and 'last week' (calendar weeks from Monday 00:00: last week is the one before this one, not the last 7 days), 'this month' and 'last month' (calendar months), " +
  "the same in Korean ('지금', '오늘', '어제', '이번 주', '지난주', '이번 달', '지난달'), " +
  "'2 hours ago', '3 days ago', '2 weeks ago', '1 week ago' and '지난 일주일' (the last 7 days), '1 month ago', git's '2.weeks.ago', the short ages '90s', '30m', '2h', '7d', '1w', " +
  'or epoch digits (9 to 11 digits: seconds, e.g. 1714557600; 12 to 16 digits: milliseconds, e.g. 1714557600000). ' +
  'Times without a zone and whole days are local time';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Fixed-length units; months and years are calendar steps (see `stepBack`). */
const UNIT_MS: Record<string, number> = { second: SECOND, minute: MINUTE, hour: HOUR, day: DAY, week: 7 * DAY };

/** Short age units as the logs tools always took them ("2h", "30 min"); "m" is minutes, never months. */
const SHORT_UNITS: Record<string, string> = {
  s: 'second', sec: 'second', secs: 'second',
  m: 'minute', min: 'minute', mins: 'minute',
  h: 'hour', hr: 'hour', hrs: 'hour',
  d: 'day',
  w: 'week',
};

/**
 * Digit strings of 9 to 16 digits: below 1e11 (up to 11 digits) they are epoch seconds (1e11 s is the year 5138),
 * from 1e11 on epoch milliseconds (1e11 ms is March 1973). Fewer than 9 digits is refused: such a
 * number is more likely a year or a date without dashes (2024, 20240501) than an instant in 1970.
 */
const EPOCH = /^\d{9,16}$/;
const EPOCH_SECONDS_BELOW = 1e11;

// "last week" and "last month" are calendar spans (WORDS), not a step back: "last" steps back only smaller units and years.
const RELATIVE_LONG = /^(?:(\d{1,6}(?:\.\d+)?|an?|one) |last )(second|minute|hour|day|week|month|year)s?( ago)?$/;
const RELATIVE_SHORT = /^(\d{1,9}(?:\.\d+)?) ?(s|secs?|m|mins?|h|hrs?|d|w)( ago)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)? ?(z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Resolves one time input to epoch ms. `now` anchors relative forms and day words; local time is the
 * process's time zone. A whole day (bare date, "today", "yesterday") is the start of that local day
 * as `since` and the start of the next local day as `until`, so that `until` (exclusive) still
 * covers the day. Throws a UserFacingError naming `bound` and listing the accepted forms.
 */
export function parseTimePoint(input: string, bound: TimeBound, now: number | Date = Date.now(), field: string = bound): number {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const value = parseWords(text, bound, nowMs) ?? parseIso(text, bound) ?? parseEpoch(text);
  if (value === undefined || !Number.isFinite(value) || Number.isNaN(new Date(value).getTime())) {
    throw new UserFacingError(`${field}: cannot read "${sanitizeLine(input, 80)}" as a time (could not understand it). Use ${TIME_FORMS}.`);
  }
  return value;
}

/**
 * Resolves both sides of a window (either may be absent or empty). Throws a UserFacingError when a
 * side is unreadable or when `until` is not after `since` (the window would be empty).
 */
export function resolveWindow(input: { since?: string; until?: string }, now: number | Date = Date.now()): TimeWindow {
  const window: TimeWindow = {};
  if (input.since !== undefined && input.since.trim() !== '') window.since = parseTimePoint(input.since, 'since', now);
  if (input.until !== undefined && input.until.trim() !== '') window.until = parseTimePoint(input.until, 'until', now);
  if (window.since !== undefined && window.until !== undefined && window.until <= window.since) {
    // Both as written and as read: a whole day as `until` is read as the next midnight, so the instants alone showed the
    // person a date they never wrote (until "2026-12-04" shown as 2026-12-05T00:00).
    const side = (name: TimeBound, text: string, ms: number) => `${name} "${sanitizeLine(text.trim(), 80)}" (read as ${isoInLocalZone(ms)})`;
    throw new UserFacingError(
      `${side('until', input.until ?? '', window.until)} is not after ${side('since', input.since ?? '', window.since)}: the window would be empty.`,
    );
  }
  return window;
}

/**
 * The window as ISO 8601 strings (for results), sides left out when open, in the process's local zone: "today" asked in
 * Seoul reads `2026-12-01T00:00:00.000+09:00`, the same zone commit dates and the question are in, rather than an
 * instant of the day before in UTC that a model then has to convert.
 */
export function windowToIso(window: TimeWindow): { since?: string; until?: string } {
  return {
    ...(window.since === undefined ? {} : { since: isoInLocalZone(window.since) }),
    ...(window.until === undefined ? {} : { until: isoInLocalZone(window.until) }),
  };
}

/** Input fields for tools that take a window; `subject` names what is filtered ("commits", "lines"). */
export function timeFields(subject = 'entries') {
  return {
    since: z.string().max(64).optional().describe(`Only ${subject} at or after this time (inclusive). Accepts ${TIME_FORMS}.`),
    until: z.string().max(64).optional().describe(`Only ${subject} before this time (exclusive; a whole day such as 2024-05-01 or 'today' includes that day). Same forms as since.`),
  };
}

/** The generic `since` field (see `timeFields` for a subject-specific description). */
export const sinceField = timeFields().since;
/** The generic `until` field. */
export const untilField = timeFields().until;

/**
 * Day, week and month words in the languages users ask in (the extension's users write Korean as often as English): the
 * same spans as the English words, never a guess at a phrase. Korean writes a space in "이번 주" and "지난 주" or not.
 * "last week" is the calendar week before this one, as "지난주" is (what "what changed last week" and "지난주 커밋" ask
 * for; git itself reads "last week" as 7 days back, and was read so here, so that the two languages differed): the last
 * 7 days are "1 week ago", "7d" or "지난 일주일". Likewise "last month" and "지난달".
 */
const WORDS: Record<string, 'now' | 'today' | 'yesterday' | 'this week' | 'last week' | 'this month' | 'last month' | 'past week'> = {
  now: 'now',
  today: 'today',
  yesterday: 'yesterday',
  'this week': 'this week',
  'last week': 'last week',
  'this month': 'this month',
  'last month': 'last month',
  지금: 'now',
  오늘: 'today',
  어제: 'yesterday',
  '이번 주': 'this week',
  이번주: 'this week',
  '지난 주': 'last week',
  지난주: 'last week',
  '이번 달': 'this month',
  이번달: 'this month',
  '지난 달': 'last month',
  지난달: 'last month',
  '지난 일주일': 'past week',
  '지난 일주일간': 'past week',
};

function parseWords(text: string, bound: TimeBound, now: number): number | undefined {
  const word = WORDS[text];
  if (word === 'now') return now;
  if (word === 'today') return dayBound(startOfLocalDay(now, 0), bound);
  if (word === 'yesterday') return dayBound(startOfLocalDay(now, -1), bound);
  if (word === 'this week') return weekBound(startOfLocalWeek(now), bound);
  if (word === 'last week') return weekBound(startOfLocalDay(startOfLocalWeek(now), -7), bound);
  if (word === 'this month') return monthBound(startOfLocalMonth(now, 0), bound);
  if (word === 'last month') return monthBound(startOfLocalMonth(now, -1), bound);
  if (word === 'past week') return now - UNIT_MS.week;
  // git also writes relative forms with dots: "2.weeks.ago".
  const words = /^[a-z0-9]+(?:\.[a-z0-9]+)+$/.test(text) && text.endsWith('.ago') ? text.replace(/\./g, ' ') : text;
  const long = RELATIVE_LONG.exec(words);
  // "3 days" alone is refused (it could mean a duration from anywhere); "last week" needs no "ago".
  if (long && (long[3] !== undefined || words.startsWith('last '))) {
    const amount = long[1] === undefined || /^(an?|one)$/.test(long[1]) ? 1 : Number(long[1]);
    return stepBack(now, amount, long[2]);
  }
  const short = RELATIVE_SHORT.exec(words);
  if (short) return now - Number(short[1]) * UNIT_MS[SHORT_UNITS[short[2]]];
  return undefined;
}

function parseIso(text: string, bound: TimeBound): number | undefined {
  const iso = ISO.exec(text);
  if (!iso) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = iso;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // Date() reads years below 100 as 19xx; no tool has data from the first millennium anyway.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (h === undefined) return dayBound(new Date(year, month - 1, day).getTime(), bound);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  if (zone === undefined) return new Date(year, month - 1, day, hour, minute, second, ms).getTime();
  const offset = zone === 'z' ? 0 : zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * MINUTE;
}

function parseEpoch(text: string): number | undefined {
  if (!EPOCH.test(text)) return undefined;
  const value = Number(text);
  return value < EPOCH_SECONDS_BELOW ? value * SECOND : value;
}

/** "+09:00", "+0900", "-01" as minutes east of UTC; undefined when out of range. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const digits = zone.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
  if (hours > 14 || minutes > 59) return undefined;
  return (digits.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** `amount` units before `now`; months and years step the calendar and clamp at month ends (Mar 31 - 1 month = Feb 29). */
function stepBack(now: number, amount: number, unit: string): number | undefined {
  if (unit !== 'month' && unit !== 'year') return now - amount * UNIT_MS[unit];
  if (!Number.isInteger(amount)) return undefined;
  const result = new Date(now);
  const months = unit === 'month' ? amount : amount * 12;
  const day = result.getDate();
  result.setDate(1);
  result.setMonth(result.getMonth() - months);
  result.setDate(Math.min(day, daysInMonth(result.getFullYear(), result.getMonth() + 1)));
  return result.getTime();
}

function startOfLocalDay(ms: number, dayOffset: number): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + dayOffset).getTime();
}

/**
 * The start of the local week holding `ms`: Monday 00:00, as ISO 8601 counts weeks (and as Korea, Europe and most of
 * the world do; a result always prints the resolved instant, so a reader who starts weeks on Sunday sees the span).
 */
function startOfLocalWeek(ms: number): number {
  const date = new Date(ms);
  const sinceMonday = (date.getDay() + 6) % 7;
  return startOfLocalDay(ms, -sinceMonday);
}

/** A whole week as one side of a window: its start for `since`, the next week's start for `until`. */
function weekBound(weekStart: number, bound: TimeBound): number {
  return bound === 'since' ? weekStart : startOfLocalDay(weekStart, 7);
}

/** The start of the local month `monthOffset` months from the one holding `ms` (-1: the month before). */
function startOfLocalMonth(ms: number, monthOffset: number): number {
  const date = new Date(ms);
  return new Date(date.getFullYear(), date.getMonth() + monthOffset, 1).getTime();
}

/** A whole month as one side of a window: its start for `since`, the next month's start for `until`. */
function monthBound(monthStart: number, bound: TimeBound): number {
  return bound === 'since' ? monthStart : startOfLocalMonth(monthStart, 1);
}

/** A whole day as one side of a window: its start for `since`, the next day's start for `until`. */
function dayBound(dayStart: number, bound: TimeBound): number {
  return bound === 'since' ? dayStart : startOfLocalDay(dayStart, 1);
}

function daysInMonth(year: number, month: number): number {
  return new Date(year, month, 0).getDate();
}

/** Slack for a clock a little ahead of this machine's before a `since` counts as in the future (ms). */
const FUTURE_SINCE_SLACK_MS = 5 * MINUTE;

/**
 * A note when the window starts after `now` (epoch ms): nothing can have been written in it yet, so an empty answer
 * is the window's doing, not the data's. Without it a `since` of a mistyped year (2027 for 2026) or a day word read
 * the wrong way answered "0 matches" with a note per file that its entries are older than the window, which reads as
 * "nothing happened". Undefined for a window that starts now or earlier (a window ending before it starts is refused
 * by resolveWindow).
 */
export function futureWindowNote(window: TimeWindow, now: number = Date.now()): string | undefined {
  if (window.since === undefined || window.since <= now + FUTURE_SINCE_SLACK_MS) return undefined;
  // The clock's reading is left out: two calls a moment apart (the seek and the scan of one question) must say the same.
  return `the window starts in the future (since ${isoInLocalZone(window.since)}, after this server's clock): nothing can have been written in it yet unless a clock is ahead; check since (the year, a day word)`;
}
