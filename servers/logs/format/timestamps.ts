// Timestamp forms seen in real logs, each usable anchored at a position (for header detection) or on a whole string.
import { isAsciiLetter, isDigitCode as isDigit } from './chars';
import { namesDayFirstLocale } from './levels';

export interface TimestampContext {
  /** Epoch ms the file was last written (or now): the year of year-less timestamps is chosen so they are not after it. */
  referenceTime?: number;
  /**
   * The order of this file's two-digit-year dates (shortDateOrder): year first (`17/06/09`, the default), day first
   * (`30/11/26`) or month first (`12/13/26`, the C locale's `%D`); null when the file shows no one order (no time is read).
   */
  shortOrder?: ShortDateOrder | null;
  /**
   * Dates that end in a four-digit year (`30/11/2026`, `11/30/2026`, `30-11-2026`) of this file are day first (true) or
   * month first (false), as its sample showed (yearLastOrder); null when the sample shows both (no time is read);
   * undefined when it showed neither (each date is read only when it tells its order itself: a part above 12).
   */
  yearLastDayFirst?: boolean | null;
  /**
   * Epoch ms of the file's last write, when the parser was made for a file (createLineParser's `referenceTime` given):
   * a time of day written without a date (`10:00:00.123 worker[12]: …`) is dated by it (clockEpoch). Unset, such a
   * time dates nothing.
   */
  clockReference?: number;
}

/** How far a time of day may lie after the file's last write and still be that day's (clocks a little apart). */
const CLOCK_SLACK_MS = 5 * 60_000;

const CLOCK_PARTS = /(?:(오전|午前|上午|AM|오후|午後|下午|PM) ?)?(\d{1,2}):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?: ?(?:([AaPp])\.? ?[Mm]\.?|(\u0635|\u0645)))?/;
/** The day-halves CLOCK_PARTS reads before a clock that mean the afternoon. */
const PM_BEFORE = new Set(['오후', '午後', '下午', 'PM']);

/**
 * The epoch ms of a time of day written without a date (`10:00:00.123`, `[1:05:01 PM]`), dated by the file's last write
 * (`context.clockReference`): the last such moment at or before it (within CLOCK_SLACK_MS), that day's or the day
 * before's. A program that writes no date writes a file per day or per run, so its lines lie within the day before
 * its last write; a line of an earlier day is dated a day too late, which the format's description says. Undefined
 * without a reference or for a time no clock shows.
 */
export function clockEpoch(text: string, context: TimestampContext): number | undefined {
  const reference = context.clockReference;
  if (reference === undefined) return undefined;
  const clock = clockParts(text);
  if (clock === undefined) return undefined;
  const day = new Date(reference);
  const same = clockOn(day.getFullYear(), day.getMonth(), day.getDate(), clock);
  if (same === undefined || same <= reference + CLOCK_SLACK_MS) return same;
  // The day before (Date rolls the 0th of a month back into the month before).
  const d = new Date(day.getFullYear(), day.getMonth(), day.getDate() - 1);
  return clockOn(d.getFullYear(), d.getMonth(), d.getDate(), clock);
}

/** A time of day as a clock shows it: the hour on 24 hours, minute, second and milliseconds. */
export interface ClockParts {
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/**
 * The parts of a time of day written without a date (`10:00:00.123`, `1:05:01 PM`, `오후 1:05:01`, an Arabic day mark), or undefined
 * for a text that holds none or an hour no 12-hour clock shows.
 */
export function clockParts(text: string): ClockParts | undefined {
  const m = CLOCK_PARTS.exec(text);
  if (!m) return undefined;
  let hour = Number(m[2]);
  // A day-half before the clock (`오후 3:04:05`) or after it (`3:04:05 PM`, Arabic's marks); not both.
  const before = m[1] === undefined ? undefined : PM_BEFORE.has(m[1]) ? 'p' : 'a';
  const after = m[6] ?? (m[7] === undefined ? undefined : m[7] === '\u0635' ? 'a' : 'p');
  if (before !== undefined && after !== undefined) return undefined;
  const mark = before ?? after;
  if (mark !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (mark === 'p' || mark === 'P' ? 12 : 0);
  }
  return { hour, minute: Number(m[3]), second: Number(m[4]), ms: fractionMs(m[5]) };
}

/** Epoch ms of `clock` on the local day `year`-`monthIndex`-`day` (Date's rolling: day 0 is the month before's last). */
export function clockOn(year: number, monthIndex: number, day: number, clock: ClockParts): number | undefined {
  const d = new Date(year, monthIndex, day);
  return localEpoch(d.getFullYear(), d.getMonth(), d.getDate(), clock.hour, clock.minute, clock.second, clock.ms);
}

export interface TimestampPattern {
  id: string;
  /** Matches at the current position (sticky); the pattern must not start or end with whitespace. */
  regex: RegExp;
  /**
   * Whether a timestamp of this form can start with the character code `c`: checked before the regex, since most
   * positions a header reader looks at (every word of a line without a header) start with none of them. Without it,
   * the regex is tried at every position.
   */
  startsWith?(c: number): boolean;
  /**
   * Characters the form may also start with at a line's first character (not after a `[`), where startsWith says no:
   * a form written only at a line's start whose initial elsewhere is mostly a word of text (JUL's `déc. 02, 2026`).
   */
  startsLine?(c: number): boolean;
  /**
   * The form's regex reads an AM/PM mark after its time itself (or refuses one): matchTimestampAt does not read one
   * after it again (after its zone, `Z PM`, the mark is no part of the time).
   */
  readsDayPeriod?: true;
  /**
   * A hand-written reading of the form at `start`, for the hot path: its epoch (ms) and end, exactly what the regex and
   * toEpoch give; null when the regex does not match there; undefined when the scan cannot tell (the regex decides).
   */
  scan?(line: string, start: number, context: TimestampContext): { epoch: number | undefined; end: number } | null | undefined;
  toEpoch(match: RegExpExecArray, context: TimestampContext): number | undefined;
}

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };
const DAY_MS = 86_400_000;
/** English month abbreviations as logs write them: `Nov` and, in Oracle's and some mainframes' dates, `NOV`. */
const MONTH_NAMES = Object.keys(MONTHS).flatMap((name) => [name[0].toUpperCase() + name.slice(1), name.toUpperCase()]).join('|');

/** The 24-hour hour of `hour` on a 12-hour clock with its AM/PM mark (none: already 24-hour); undefined out of range. */
function twelveHour(hour: number, mark: string | undefined): number | undefined {
  if (!mark) return hour;
  if (hour < 1 || hour > 12) return undefined;
  const pm = mark[0] === 'P' || mark[0] === 'p';
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * Locales whose month names journals and daemons write when LANG/LC_TIME is set (`dez 07` (pt), `mars 25` (fr), `Okt 12`
 * (de), `dic` (es)…), and java.util.logging's SimpleFormatter in a JVM of that locale (`déc. 02, 2026`, `out. 06, 2023`,
 * `kwi 21, 2017`, `дек. 02, 2026`). English names are read by the patterns themselves.
 */
const MONTH_LOCALES = ['pt', 'fr', 'de', 'es', 'it', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'ro', 'hu', 'tr', 'ca', 'hr', 'sk', 'sl', 'et', 'lv', 'id', 'ru', 'uk', 'el', 'sr'];

/**
 * Month names of MONTH_LOCALES, short and long, as a date writes them (format context: Russian `дек.`, `мая`) and as they
 * stand alone (`май`), lower case without a final dot, to the month index (0-11), taken from Intl (CLDR) on first use:
 * no hand-written list. A name that means different months in two locales (`lis`: October in Croatian, November in
 * Polish) is left out: an unread month gives no time, never a wrong one. Empty when the runtime has no locale data.
 * Built on first use, not at load: the formatters page in about 10 MB of ICU locale data, which every start of the logs
 * server and of each scan process would otherwise carry while most logs never need it.
 */
let localMonths: ReadonlyMap<string, number> | undefined;

function buildLocalMonths(): ReadonlyMap<string, number> {
  const months = new Map<string, number>();
  const ambiguous = new Set<string>();
  const add = (text: string | undefined, index: number) => {
    const name = text?.toLowerCase().replace(/\.$/, '');
    if (name === undefined || !/^\p{L}{3,}$/u.test(name)) return;
    const known = months.get(name);
    if (known !== undefined && known !== index) ambiguous.add(name);
    months.set(name, index);
  };
  for (const locale of MONTH_LOCALES) {
    for (const style of ['short', 'long'] as const) {
      let alone: Intl.DateTimeFormat;
      let inDate: Intl.DateTimeFormat;
      try {
        alone = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
        inDate = new Intl.DateTimeFormat(locale, { month: style, day: 'numeric', timeZone: 'UTC' });
      } catch {
        continue;
      }
      for (let index = 0; index < 12; index++) {
        const date = Date.UTC(2021, index, 15);
        add(alone.format(date), index);
        add(inDate.formatToParts(date).find((part) => part.type === 'month')?.value, index);
      }
    }
  }
  for (const name of ambiguous) months.delete(name);
  return months;
}

/** The month a name in another language means (`dez`, `déc.`, `Okt`, `mars`), 0-11; undefined when not known for sure. */
export function localizedMonth(name: string): number | undefined {
  localMonths ??= buildLocalMonths();
  return localMonths.get(name.toLowerCase().replace(/\.$/, ''));
}

/** The epoch (ms) of a `<month name> <day> <hh:mm:ss[.frac]>` date whose month is in another language; the year inferred. */
export function localizedMonthEpoch(text: string, context: TimestampContext): number | undefined {
  const m = /^(\p{L}+)\.? +(\d{1,2}) (\d\d):(\d\d):(\d\d)(?:[.,](\d+))?/u.exec(text);
  const monthIndex = m ? localizedMonth(m[1]) : undefined;
  if (!m || monthIndex === undefined) return undefined;
  return inferYear(monthIndex, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), fractionMs(m[6]), context);
}

function month(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

function fractionMs(fraction: string | undefined): number {
  if (!fraction) return 0;
  return Math.floor(Number(`0.${fraction}`) * 1000);
}

/** fractionMs of every fraction of one, two and three digits (by digit count, then value): the forms most logs write. */
const SHORT_FRACTIONS = [1, 2, 3].map((digits) => Array.from({ length: 10 ** digits }, (_, value) => fractionMs(String(value).padStart(digits, '0'))));

/** fractionMs of the digits line[start, end) (one or more digits), without building the string when there are three or fewer. */
function fractionMsAt(line: string, start: number, end: number): number {
  const digits = end - start;
  if (digits > 3) return fractionMs(line.slice(start, end));
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + line.charCodeAt(i) - 48;
  return SHORT_FRACTIONS[digits - 1][value];
}

/** Local-time epoch ms from parts, or undefined when a part is out of range. */
export function localEpoch(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number | undefined {
  if (monthIndex < 0 || monthIndex > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  // Date() rolls a day past the month's end into the next month (`2024-02-30` would be March 1st): no such day, no time.
  if (day > 28 && day > daysInMonth(year, monthIndex)) return undefined;
  // Local-time conversion is the slow part of parsing a line; lines of one minute share it (zone changes fall on minute boundaries).
  const key = (((year * 12 + monthIndex) * 32 + day) * 24 + hour) * 60 + minute;
  // Most lines fall in the minute of the line before: compared first, before the map (its keys are not small integers).
  let base = key === lastMinute.key ? lastMinute.base : minuteCache.get(key);
  if (base === undefined) {
    const date = new Date(year, monthIndex, day, hour, minute, 0, 0);
    // Date() reads years 0-99 as 19xx: Go's zero time `0001-01-01 00:00:00` is year 1, not 1901.
    if (year < 100) date.setFullYear(year);
    base = date.getTime();
    if (minuteCache.size >= 4096) minuteCache.clear();
    minuteCache.set(key, base);
  }
  lastMinute.key = key;
  lastMinute.base = base;
  return Number.isNaN(base) ? undefined : base + second * 1000 + ms;
}

/**
 * Forget the local times kept (localEpoch's minutes, readIso's last second). They hold for the process's time zone;
 * only a process that changes TZ while it runs (a test reading times in another zone) needs this, before and after.
 */
export function forgetLocalTimes(): void {
  minuteCache.clear();
  lastMinute.key = -1;
  lastIsoSecond.epoch = undefined;
  lastIsoSecond.chars = new KeptChars();
  lastCompactSecond.epoch = undefined;
  lastCompactSecond.chars = new KeptChars();
}

/** Days in the month (proleptic Gregorian, as Date counts them). */
function daysInMonth(year: number, monthIndex: number): number {
  if (monthIndex !== 1) return monthIndex === 3 || monthIndex === 5 || monthIndex === 8 || monthIndex === 10 ? 30 : 31;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

const minuteCache = new Map<number, number>();
/** The minute localEpoch read last: its key and epoch (ms, NaN when the parts make no date). */
const lastMinute = { key: -1, base: 0 };

/** The local year of the last reference asked about, valid for references in [start, end) (epoch ms). */
const referenceYear = { start: 0, end: 0, year: 0 };

/** The local year of `epoch` (ms): a Date per year-less line was a large part of parsing syslog and logcat files. */
function localYear(epoch: number): number {
  if (epoch >= referenceYear.start && epoch < referenceYear.end) return referenceYear.year;
  const year = new Date(epoch).getFullYear();
  // new Date(y, …) reads years 0..99 as 19yy: such references are not cached (an empty range).
  const cacheable = year >= 100;
  referenceYear.start = cacheable ? new Date(year, 0, 1).getTime() : 0;
  referenceYear.end = cacheable ? new Date(year + 1, 0, 1).getTime() : 0;
  referenceYear.year = year;
  return year;
}

/** For timestamps without a year (syslog, logcat): the latest year that does not put the time after the reference (plus a day of clock skew). */
export function inferYear(monthIndex: number, day: number, hour: number, minute: number, second: number, ms: number, context: TimestampContext): number | undefined {
  const reference = context.referenceTime ?? Date.now();
  const year = localYear(reference);
  const thisYear = localEpoch(year, monthIndex, day, hour, minute, second, ms);
  if (thisYear === undefined) return undefined;
  return thisYear > reference + DAY_MS ? localEpoch(year - 1, monthIndex, day, hour, minute, second, ms) : thisYear;
}

/**
 * A date whose field order is a guess (two-digit years: `30/11/26` is yy/MM/dd 2030-11-26 or dd/MM/yy 2026-11-30) is
 * kept only when it is not after the file was last written (`context.referenceTime`, a day of clock skew allowed): a
 * line cannot be logged in the future, and no time is better than one years off.
 */
function notAfterReference(epoch: number | undefined, context: TimestampContext): number | undefined {
  if (epoch === undefined || context.referenceTime === undefined) return epoch;
  return epoch > context.referenceTime + DAY_MS ? undefined : epoch;
}

/** The orders of a two-digit-year date's parts: year/month/day, day/month/year, month/day/year. */
export type ShortDateOrder = 'ymd' | 'dmy' | 'mdy';

/** A two-digit-year date's parts as written, read in `order`: [year (2000 + yy), month index, day]. */
function shortDateParts(first: number, middle: number, last: number, order: ShortDateOrder): [number, number, number] {
  if (order === 'dmy') return [2000 + last, middle - 1, first];
  if (order === 'mdy') return [2000 + last, first - 1, middle];
  return [2000 + first, middle - 1, last];
}

/** A two-digit-year date (yy-slash, yy-dash: groups 1-3 the date, 4-7 the time) in the file's order (shortDateOrder). */
function shortDateEpoch(m: RegExpExecArray, context: TimestampContext): number | undefined {
  if (context.shortOrder === null) return undefined;
  const [year, month, day] = shortDateParts(Number(m[1]), Number(m[2]), Number(m[3]), context.shortOrder ?? 'ymd');
  return notAfterReference(localEpoch(year, month, day, Number(m[4]), Number(m[5]), Number(m[6]), fractionMs(m[7])), context);
}

/** A two-digit-year date near a line's start: `17/06/09 20:10:40`, `30-11-26 13:05:01`. */
const SHORT_DATE = /(?<![\d./:-])(\d\d)([/-])(\d{1,2})\2(\d{1,2}) \d\d:\d\d:\d\d/;
/** Characters of a line looked at for its date (headers are at the start). */
const SHORT_DATE_REACH = 64;

/**
 * The order of a file's two-digit-year dates, decided once from its sample. A slashed date whose first part is 12 or
 * less may be month first, as the C locale's `%D` and en-US write it (`12/04/26 03:13:00 PM`): a middle part above 12
 * decides for it (no month is); where no first part is above 12 and no middle one either, the day/month/year, the
 * month/day/year and the year/month/day readings all stand, and while month first is possible (every date a real day
 * not after the file was written, `context.referenceTime`, its dates, times and all, in time order) the file decides
 * only when it is the one reading so: else null, no time (a guessed order was a confident date eight months off,
 * `12/04/26` read 2026-04-12). A first part above 12, or month first ruled out, leaves: then day first (`30/11/26`, as Europe writes them) or year first (`17/06/09`, Spark's
 * yy/MM/dd), the one whose newest date is nearer the reference, as a file's last lines are written shortly before it
 * is. Undefined when the sample has no such date or no reference (the year-first reading stays, and a date it would
 * put in the future gives no time).
 */
export function shortDateOrder(sample: readonly string[], context: TimestampContext): ShortDateOrder | null | undefined {
  const reference = context.referenceTime;
  if (reference === undefined) return undefined;
  const dates: { first: number; middle: number; last: number; slash: boolean; time: RegExpExecArray | null }[] = [];
  for (const line of sample) {
    const m = SHORT_DATE.exec(line.length > SHORT_DATE_REACH ? line.slice(0, SHORT_DATE_REACH) : line);
    if (!m) continue;
    dates.push({ first: Number(m[1]), middle: Number(m[3]), last: Number(m[4]), slash: m[2] === '/', time: SHORT_DATE_TIME.exec(line.slice(m.index)) });
  }
  if (dates.length === 0) return undefined;
  const possible = (order: ShortDateOrder) => dates.every(({ first, middle, last }) => possibleDay(localEpoch(...shortDateParts(first, middle, last, order)), reference));
  const monthFirstMay = dates.every((date) => date.slash && date.first <= 12);
  if (monthFirstMay && dates.some((date) => date.middle > 12)) return possible('mdy') ? 'mdy' : null;
  if (monthFirstMay && possible('mdy') && inTimeOrder(dates, 'mdy')) {
    const orders = (['mdy', 'dmy', 'ymd'] as const).filter((order) => possible(order) && inTimeOrder(dates, order));
    return orders.length === 1 ? orders[0] : null;
  }
  let yearFirst: number | undefined = -Infinity;
  let dayFirst: number | undefined = -Infinity;
  for (const { first, middle, last } of dates) {
    yearFirst = newestPossible(yearFirst, localEpoch(...shortDateParts(first, middle, last, 'ymd')), reference);
    dayFirst = newestPossible(dayFirst, localEpoch(...shortDateParts(first, middle, last, 'dmy')), reference);
  }
  if (dayFirst === undefined) return undefined;
  return yearFirst === undefined || dayFirst > yearFirst ? 'dmy' : 'ymd';
}

/** A two-digit-year date of the sample (its text), for a file whose order shortDateOrder left undecided (null). */
export function undecidedShortDate(sample: readonly string[]): string | undefined {
  for (const line of sample) {
    const m = SHORT_DATE.exec(line.length > SHORT_DATE_REACH ? line.slice(0, SHORT_DATE_REACH) : line);
    if (m) return `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]}`;
  }
  return undefined;
}

/** The time after a two-digit-year date (hour, minute, second, AM/PM) for shortDateOrder's time order. */
const SHORT_DATE_TIME = /^\S+ (\d\d):(\d\d):(\d\d)(?:[.,]\d+)?(?: ?([AaPp])\.?[Mm]\b)?/;

/**
 * Whether the dates run ascending or descending (TIME_ORDER_SLACK_MS of steps back allowed), times and all, when read
 * in `order`; a date with no readable time or no real day is out of order.
 */
function inTimeOrder(dates: readonly { first: number; middle: number; last: number; time: RegExpExecArray | null }[], order: ShortDateOrder): boolean {
  return runsOneWay(dates.map(({ first, middle, last, time }) => {
    const hour = time ? twelveHour(Number(time[1]), time[4] === undefined ? undefined : `${time[4].toUpperCase()}M`) : undefined;
    return hour === undefined ? undefined : localEpoch(...shortDateParts(first, middle, last, order), hour, Number(time![2]), Number(time![3]));
  }));
}

/**
 * Whether `epochs` (ms, in the file's order) run ascending or descending, TIME_ORDER_SLACK_MS of steps back allowed;
 * false when one is undefined (no readable time, no real day).
 */
function runsOneWay(epochs: readonly (number | undefined)[]): boolean {
  let up = true;
  let down = true;
  let before: number | undefined;
  for (const epoch of epochs) {
    if (epoch === undefined) return false;
    if (before !== undefined) {
      up &&= epoch >= before - TIME_ORDER_SLACK_MS;
      down &&= epoch <= before + TIME_ORDER_SLACK_MS;
    }
    before = epoch;
  }
  return up || down;
}

/** The newest of `newest` and `epoch`, or undefined once a date is no real day or falls after the reference. */
function newestPossible(newest: number | undefined, epoch: number | undefined, reference: number): number | undefined {
  if (newest === undefined || epoch === undefined || epoch > reference + DAY_MS) return undefined;
  return Math.max(newest, epoch);
}

/**
 * Epoch ms of a UTC wall time whose parts localEpoch has checked (year, month index 0-11, day, h, m, s up to 60, ms;
 * integers): what Date.UTC gives with the year taken as written (0-99 too). Counted in days (H. Hinnant's
 * days-from-civil, exact for every Gregorian year) instead of a Date made for each: every new second of a UTC-timed
 * file made one, about a fifth of the ISO time reading of a JSON file.
 */
export function utcEpoch(year: number, monthIndex: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  if (year < 100) {
    // As before: Date.UTC reads the year as 19xx, then the year is set (a year-0 February 29th, a day of 1900's March 1st).
    const date = new Date(Date.UTC(year, monthIndex, day, hour, minute, second, ms));
    date.setUTCFullYear(year);
    return date.getTime();
  }
  const march = monthIndex >= 2;
  const y = march ? year : year - 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (march ? monthIndex - 2 : monthIndex + 10) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146097 + dayOfEra - 719468;
  return days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

function zoned(local: number | undefined, zone: string | undefined, parts: number[]): number | undefined {
  if (local === undefined || !zone) return local;
  const utc = utcEpoch(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
  if (zone === 'Z' || zone === 'z' || zone === 'UTC' || zone === 'GMT') return utc;
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(zone);
  if (!m) return local;
  const offset = (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return m[1] === '+' ? utc - offset : utc + offset;
}

/** An IANA zone name (`Europe/Berlin`, `America/Argentina/Buenos_Aires`, `Etc/GMT+5`): an area, then one or two places. */
const IANA_ZONE = String.raw`[A-Z][a-z]+(?:/[A-Za-z][\w+-]*){1,2}(?![\w/])`;

/** Intl formatters by zone name; null for a name Intl does not know (bounded: cleared when full). */
const zoneFormatters = new Map<string, Intl.DateTimeFormat | null>();

/** The zone's offset from UTC at the instant `epoch` (ms), or undefined when Intl does not know the zone. */
function zoneOffsetMs(zone: string, epoch: number): number | undefined {
  let formatter = zoneFormatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      formatter = null;
    }
    if (zoneFormatters.size >= 64) zoneFormatters.clear();
    zoneFormatters.set(zone, formatter);
  }
  if (formatter === null) return undefined;
  const p: Record<string, number> = {};
  for (const part of formatter.formatToParts(epoch)) p[part.type] = Number(part.value);
  const wall = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second));
  if (p.year < 100) wall.setUTCFullYear(p.year);
  return wall.getTime() - (epoch - (((epoch % 1000) + 1000) % 1000));
}

/**
 * The instant a wall-clock time `parts` (year, month index, day, h, m, s, ms) names in the IANA zone `zone`, or
 * undefined when Intl does not know the zone. The offset is taken at the wall time read as UTC, then again at the
 * instant that gives, so a time near a daylight-saving change lands on the offset in force at it.
 */
function namedZoneEpoch(parts: number[], zone: string): number | undefined {
  const [y, mo, d, h, mi, s, ms] = parts;
  const date = new Date(Date.UTC(y, mo, d, h, mi, s, ms));
  if (y < 100) date.setUTCFullYear(y);
  const wall = date.getTime();
  const first = zoneOffsetMs(zone, wall);
  if (first === undefined) return undefined;
  const second = zoneOffsetMs(zone, wall - first);
  return wall - (second ?? first);
}

/**
 * Where the fraction after the seconds at `at` ends (`.`, `,` or `:` and its digits, TIME's fraction): `at` when there
 * is none, -1 when it has more digits than TIME's nine (the regex then reads no fraction: left to it).
 */
function fractionEndAt(line: string, at: number): number {
  const mark = line.charCodeAt(at);
  if (!((mark === 46 || mark === 44 || mark === 58) /* . , : */ && isDigit(line.charCodeAt(at + 1)))) return at;
  let end = at + 1;
  while (isDigit(line.charCodeAt(end))) end++;
  return end - at - 1 > 9 ? -1 : end;
}

/** The number written by the two digits at `at` (the caller has checked they are digits). */
function twoDigits(line: string, at: number): number {
  return (line.charCodeAt(at) - 48) * 10 + line.charCodeAt(at + 1) - 48;
}

function twoDigitsAt(line: string, at: number): boolean {
  return isDigit(line.charCodeAt(at)) && isDigit(line.charCodeAt(at + 1));
}

/** Whether `hh:mm:ss`'s six digits stand at their places from `at` (read one by one: this runs on every timed line). */
function clockDigitsAt(line: string, at: number): boolean {
  return twoDigitsAt(line, at) && twoDigitsAt(line, at + 3) && twoDigitsAt(line, at + 6);
}

/** Whether the characters at the given offsets from `start` are all digits. */
function digitsAt(line: string, start: number, offsets: readonly number[]): boolean {
  for (const offset of offsets) if (!isDigit(line.charCodeAt(start + offset))) return false;
  return true;
}

const TIME = String.raw`(\d\d):(\d\d):(\d\d)(?:[.,:](\d{1,9}))?`;

/**
 * What may follow an ISO time: neither a digit nor `:digit` (the time would be part of a longer number), except a
 * month-day date right after an offset written with its colon: a program that prints its own `MM-dd HH:mm:ss` behind a
 * viewer's or collector's `…+00:00` time glued to it (`2023-01-24 08:47:12.195241+00:0001-24 00:47:12 Info …`). The
 * colon-written offset has its fixed five characters, so the digits after it can only start the next field.
 */
const GLUED_DATE_OR_END = String.raw`(?:(?<=[+-]\d\d:\d\d)(?=\d\d-\d\d[ T]\d)|(?!\d|:\d))`;

// The zone may follow after a space (Serilog `+01:00`, PostgreSQL `UTC`).
// Or an AM/PM mark (a 12-hour clock, .NET's `hh:mm:ss tt`, log4net): read as 24-hour, 01:05:01 PM is twelve hours early.
const ISO_REGEX = new RegExp(String.raw`(\d{4})([-/.])(\d\d)\2(\d\d)[T _]${TIME}(?:(Z)|(?: ?([+-]\d\d:?\d\d))| (UTC|GMT)| ([AaPp]\.?[Mm]\.?)(?![A-Za-z]))?${GLUED_DATE_OR_END}`, 'y');

/**
 * ISO_REGEX with only the capture its back-reference needs: the same matches, and test() has fewer captures to record
 * (a cost of every line of a file with ISO times).
 */
const ISO_SHAPE = new RegExp(String.raw`\d{4}([-/.])\d\d\1\d\d[T _]\d\d:\d\d:\d\d(?:[.,:]\d{1,9})?(?:Z| ?[+-]\d\d:?\d\d| (?:UTC|GMT)| [AaPp]\.?[Mm]\.?(?![A-Za-z]))?${GLUED_DATE_OR_END}`, 'y');

/**
 * The iso form read without a match array: ISO_REGEX's test() says whether and where it matches, and the parts are
 * read at their fixed places (the fraction, when present, is all the digits after the seconds' mark; the zone is what
 * remains up to the end). A whole second's epoch is kept for the lines that follow (ms are added after). null: no match.
 */
function scanIso(line: string, start: number): { epoch: number | undefined; end: number } | null {
  // The 19 characters of the last second read match the regex's fixed part wherever they are written: only the rest
  // (fraction, zone, what follows) is left to read, by hand when it takes the regex's first reading.
  const sameSecond = isLastIsoSecond(line, start);
  const tail = sameSecond || isoSecondShapeAt(line, start) ? isoTailEnd(line, start + 19) : -1;
  const end = tail >= 0 ? tail : isoRegexEnd(line, start);
  return end < 0 ? null : readIso(line, start, end, sameSecond);
}

/**
 * Whether the 19 characters from `start` are ISO_SHAPE's fixed part (`yyyy-MM-dd hh:mm:ss`, the date's two separators
 * alike: `-`, `/` or `.`; `T`, `_` or a space before the time), read by characters: then isoTailEnd reads the rest as the
 * regex does, and a line of a new second needs no regex either.
 */
function isoSecondShapeAt(line: string, start: number): boolean {
  const separator = line.charCodeAt(start + 4);
  const between = line.charCodeAt(start + 10);
  return (separator === 45 || separator === 47 || separator === 46) /* - / . */ && line.charCodeAt(start + 7) === separator &&
    (between === 84 || between === 95 || between === 32) /* T _ space */ && line.charCodeAt(start + 13) === 58 && line.charCodeAt(start + 16) === 58 &&
    twoDigitsAt(line, start) && twoDigitsAt(line, start + 2) && twoDigitsAt(line, start + 5) && twoDigitsAt(line, start + 8) &&
    twoDigitsAt(line, start + 11) && twoDigitsAt(line, start + 14) && twoDigitsAt(line, start + 17);
}


/**
 * The AM/PM mark written after a time that ends at `at` (` PM`, ` am`: a 12-hour clock, as .NET's `hh:mm:ss tt` and
 * log4net write it; ` p.m.`, as CLDR's en-CA and en-AU do), or undefined. Read as 24-hour, 01:05:01 PM would be twelve
 * hours early.
 */
function twelveHourMarkAt(line: string, at: number): string | undefined {
  if (line.charCodeAt(at) !== 32) return undefined;
  const first = line.charCodeAt(at + 1) | 0x20;
  if (first !== 97 && first !== 112 /* a p */) return undefined;
  let end = at + 2;
  if (line.charCodeAt(end) === 46 /* . */) end++;
  if ((line.charCodeAt(end) | 0x20) !== 109 /* m */) return undefined;
  end++;
  // As the ISO form's regex ends a time (GLUED_DATE_OR_END): a digit or `:digit` after the mark makes it no mark; a
  // dot the mark may end with is left out when what follows it would (`PM.5` is `PM`, then `.5`).
  const endsMark = (at: number) => {
    const after = line.charCodeAt(at);
    return !(isAsciiLetter(after) || isDigit(after) || (after === 58 && isDigit(line.charCodeAt(at + 1))));
  };
  if (line.charCodeAt(end) === 46 && endsMark(end + 1)) return line.slice(at + 1, end + 1);
  return endsMark(end) && !isAsciiLetter(line.charCodeAt(end)) ? line.slice(at + 1, end) : undefined;
}

/**
 * The 12-hour marks java.util.logging's SimpleFormatter writes (`%Tp`: the locale's marker, upper-cased in its locale)
 * in the locales whose month it writes in digits or letters other than English, as the JDK's locale data has them (CLDR,
 * and the older JRE data: German `NACHM.`): Korean, Japanese, Chinese, Spanish and Catalan `P. M.`, Dutch, Norwegian and
 * Romanian `P.M.`, Swedish, Finnish, Czech, Slovenian, Hungarian, Turkish, Latvian, Ukrainian, Greek, and the AM/PM of the
 * others. A space inside a mark is a space, a no-break space or a narrow one (CLDR writes `p.\u202fm.`). Kept whole
 * here (a test holds it against Intl's, CLDR's, day periods of the month locales): the date form's regex is built at
 * load, and asking Intl then would page in its locale data for every log.
 */
const JUL_DAY_PERIODS: ReadonlyMap<string, 'am' | 'pm'> = new Map([
  ['AM', 'am'], ['PM', 'pm'], ['오전', 'am'], ['오후', 'pm'], ['午前', 'am'], ['午後', 'pm'], ['上午', 'am'], ['下午', 'pm'],
  ['VORM.', 'am'], ['NACHM.', 'pm'], ['FM', 'am'], ['EM', 'pm'], ['A. M.', 'am'], ['P. M.', 'pm'], ['A.M.', 'am'], ['P.M.', 'pm'],
  ['AP.', 'am'], ['IP.', 'pm'], ['DOP.', 'am'], ['ODP.', 'pm'], ['POP.', 'pm'], ['DE.', 'am'], ['DU.', 'pm'], ['ÖÖ', 'am'], ['ÖS', 'pm'],
  ['PRIEKŠP.', 'am'], ['PĒCP.', 'pm'], ['ДП', 'am'], ['ПП', 'pm'], ['Π.Μ.', 'am'], ['Μ.Μ.', 'pm'],
]);

/** The day periods Korean, Japanese and Chinese write before a 12-hour time (`오후 3:04:05`), as a regex alternation. */
const CJK_DAY_PERIOD_SOURCE = ['오전', '오후', '午前', '午後', '上午', '下午'].join('|');

/** JUL_DAY_PERIODS' marks as the regex reads them: dots literal, a space any of the three. */
const JUL_DAY_PERIOD_SOURCE = [...JUL_DAY_PERIODS.keys()].map((mark) => mark.replace(/\./g, '\\.').replace(/ /g, '[ \\u00a0\\u202f]')).join('|');

/** The day period a JUL_DAY_PERIODS mark read from a line means (its spaces may be no-break ones). */
export function julDayPeriod(mark: string): 'am' | 'pm' | undefined {
  return JUL_DAY_PERIODS.get(mark.replace(/[\u00a0\u202f]/g, ' '));
}

/**
 * Whether a localized JUL date may start at `start` (scan's contract: null when it cannot, undefined to let the regex
 * decide): a month of up to twelve characters, a space, a day of one or two digits and `, `. Every position of a header
 * that starts with a digit or a capital is asked (and a line's start), most fail within a few characters.
 */
function julDateShape(line: string, start: number): null | undefined {
  let space = start + 1;
  while (space < start + 12 && space < line.length && line.charCodeAt(space) !== 32) space++;
  if (line.charCodeAt(space) !== 32) return null;
  let at = space + 1;
  while (at < space + 3 && isDigit(line.charCodeAt(at))) at++;
  return at > space + 1 && line.charCodeAt(at) === 44 && line.charCodeAt(at + 1) === 32 ? undefined : null;
}

/**
 * Whether a day-first date with a month word may start at `start` (null: it cannot, the regex is not run): one or two
 * digits, a space, then a letter (any script's: a code above 127, or ASCII).
 */
function dayMonthWordShape(line: string, start: number): null | undefined {
  let at = start + 1;
  if (isDigit(line.charCodeAt(at))) at++;
  if (line.charCodeAt(at) !== 32) return null;
  const c = line.charCodeAt(at + 1);
  return c > 127 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? undefined : null;
}

/** An AM/PM mark after a time, as the ISO form reads it (`PM`, `a.m.`): no zone name is so written. */
const TWELVE_HOUR_MARK = /^[AaPp]\.?[Mm]\.?$/;

/** Local epoch of `parts` (year, month index, day, h, m, s, ms) with the hour on a 12-hour clock; undefined for hour 0 or 13+. */
function twelveHourEpoch(parts: number[], mark: string): number | undefined {
  const hour = twelveHour(parts[3], mark);
  return hour === undefined ? undefined : localEpoch(parts[0], parts[1], parts[2], hour, parts[4], parts[5], parts[6]);
}

/** Where ISO_SHAPE's match at `start` ends, or -1. */
function isoRegexEnd(line: string, start: number): number {
  ISO_SHAPE.lastIndex = start;
  return ISO_SHAPE.test(line) ? ISO_SHAPE.lastIndex : -1;
}

/**
 * Where ISO_SHAPE's match ends when its fixed part (to the seconds) is known to match and ends at `seconds`, read the
 * regex's first way: the fraction (up to nine digits), then the zone (`Z`, an offset after an optional space, ` UTC`,
 * ` GMT`) where written, then neither a digit nor `:digit`. -1 when that reading fails (the regex may back off to a
 * shorter one: it decides then).
 */
function isoTailEnd(line: string, seconds: number): number {
  const fractionEnd = fractionEndAt(line, seconds);
  if (fractionEnd < 0) return -1;
  const end = zoneEnd(line, fractionEnd);
  const next = line.charCodeAt(end);
  if (isDigit(next) && gluedDateAfterOffset(line, end)) return end;
  return isDigit(next) || (next === 58 && isDigit(line.charCodeAt(end + 1))) ? -1 : end;
}

/** Where a zone read as ISO_SHAPE reads it first ends, when it starts at `at` (`at` when there is none). */
function zoneEnd(line: string, at: number): number {
  const c = line.charCodeAt(at);
  if (c === 90 /* Z */) return at + 1;
  const sign = c === 32 && isSign(line.charCodeAt(at + 1)) ? at + 1 : isSign(c) ? at : -1;
  if (sign >= 0 && isDigit(line.charCodeAt(sign + 1)) && isDigit(line.charCodeAt(sign + 2))) {
    if (line.charCodeAt(sign + 3) === 58 && isDigit(line.charCodeAt(sign + 4)) && isDigit(line.charCodeAt(sign + 5))) return sign + 6;
    if (isDigit(line.charCodeAt(sign + 3)) && isDigit(line.charCodeAt(sign + 4))) return sign + 5;
  }
  if (c === 32 && (line.startsWith('UTC', at + 1) || line.startsWith('GMT', at + 1))) return at + 4;
  const mark = twelveHourMarkAt(line, at);
  if (mark !== undefined) return at + 1 + mark.length;
  return at;
}

/** GLUED_DATE_OR_END's exception: a colon-written offset ends at `end` and `MM-dd` and a space or `T` follow. */
function gluedDateAfterOffset(line: string, end: number): boolean {
  return line.charCodeAt(end - 3) === 58 && isSign(line.charCodeAt(end - 6)) && digitsAt(line, end, [0, 1, 3, 4, 6]) && line.charCodeAt(end + 2) === 45 &&
    (line.charCodeAt(end + 5) === 32 || line.charCodeAt(end + 5) === 84);
}

function isSign(c: number): boolean {
  return c === 43 || c === 45;
}

/** Characters a KeptChars holds at most: a time up to its seconds is shorter (a longer one is not kept). */
const MAX_KEPT_CHARS = 32;

/**
 * The characters of a time up to its seconds, as the last line of that form wrote them, kept as codes: every line of
 * the form is compared with them. Comparing codes read from the line with a typed array's took half the time of
 * startsWith with a kept slice (a slice is read through its parent string, and kept its line alive).
 */
class KeptChars {
  private readonly codes = new Uint16Array(MAX_KEPT_CHARS);
  /** Characters kept: 0 before the first time is kept (then no line holds them). */
  length = 0;

  /** Keeps `line`'s characters from `start` to `end` (none when longer than MAX_KEPT_CHARS). */
  keep(line: string, start: number, end: number): void {
    const length = end - start;
    if (length > MAX_KEPT_CHARS) {
      this.length = 0;
      return;
    }
    for (let i = 0; i < length; i++) this.codes[i] = line.charCodeAt(start + i);
    this.length = length;
  }

  /**
   * Whether `line` holds the kept characters from `start` (false when none are kept): the last first, as the seconds
   * of a time differ first and most lines of a new second stop there.
   */
  heldAt(line: string, start: number): boolean {
    const length = this.length;
    if (length === 0 || start + length > line.length) return false;
    for (let i = length - 1; i >= 0; i--) if (line.charCodeAt(start + i) !== this.codes[i]) return false;
    return true;
  }
}

/** The epoch and end of an ISO time matched from `start` to `end`; `sameSecond`: its first 19 characters are lastIsoSecond's. */
function readIso(line: string, start: number, end: number, sameSecond: boolean): { epoch: number | undefined; end: number } {
  const seconds = start + 19;
  let fractionEnd = seconds;
  const mark = line.charCodeAt(seconds);
  if (end > seconds && (mark === 46 || mark === 44 || mark === 58) /* . , : */) for (fractionEnd++; isDigit(line.charCodeAt(fractionEnd)); fractionEnd++);
  const ms = fractionEnd > seconds ? fractionMsAt(line, seconds + 1, fractionEnd) : 0;
  const zoneLength = end - fractionEnd;
  if (zoneLength > 1) {
    // An offset or a zone name: as the regex's toEpoch reads it (not kept: rare).
    const zone = line.slice(fractionEnd, end).trimStart();
    const parts = [twoDigits(line, start) * 100 + twoDigits(line, start + 2), twoDigits(line, start + 5) - 1, twoDigits(line, start + 8), twoDigits(line, start + 11), twoDigits(line, start + 14), twoDigits(line, start + 17), ms];
    if (TWELVE_HOUR_MARK.test(zone)) return { epoch: twelveHourEpoch(parts, zone), end };
    return { epoch: zoned(localEpoch(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], ms), zone, parts), end };
  }
  const utc = zoneLength === 1;
  if (lastIsoSecond.utc !== utc || !sameSecond) {
    const parts = [twoDigits(line, start) * 100 + twoDigits(line, start + 2), twoDigits(line, start + 5) - 1, twoDigits(line, start + 8), twoDigits(line, start + 11), twoDigits(line, start + 14), twoDigits(line, start + 17), 0];
    lastIsoSecond.epoch = zoned(localEpoch(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], 0), utc ? 'Z' : undefined, parts);
    lastIsoSecond.chars.keep(line, start, start + ISO_SECOND_LENGTH);
    lastIsoSecond.utc = utc;
  }
  return { epoch: lastIsoSecond.epoch === undefined ? undefined : lastIsoSecond.epoch + ms, end };
}


/**
 * The compact form's common shapes (`20171223-22:15:29:606`, `20171223T221529`): each optional separator taken where
 * it is written, a fraction of up to nine digits, then neither a digit nor `:`, the regex's first reading. Anything
 * else is left to the regex (undefined).
 */
function scanCompact(line: string, start: number): { epoch: number | undefined; end: number } | undefined {
  let at: number;
  let secondEpoch: number | undefined;
  if (isLastCompactSecond(line, start)) {
    // The same characters up to the seconds: the same reading of them (nothing before the seconds' end is read
    // beyond them), so the same second.
    at = start + lastCompactSecond.chars.length;
    secondEpoch = lastCompactSecond.epoch;
  } else {
    if (!(twoDigitsAt(line, start) && twoDigitsAt(line, start + 2) && twoDigitsAt(line, start + 4) && twoDigitsAt(line, start + 6))) return undefined;
    at = start + 8;
    const separator = line.charCodeAt(at);
    // A colon too: Zabbix's `%Y%m%d:%H%M%S.%03d` (`20251118:081245.011`).
    if (separator === 45 || separator === 84 || separator === 32 || separator === 58) at++; /* - T space : */
    if (!twoDigitsAt(line, at)) return undefined;
    const hour = twoDigits(line, at);
    at += line.charCodeAt(at + 2) === 58 ? 3 : 2;
    if (!twoDigitsAt(line, at)) return undefined;
    const minute = twoDigits(line, at);
    at += line.charCodeAt(at + 2) === 58 ? 3 : 2;
    if (!twoDigitsAt(line, at)) return undefined;
    const second = twoDigits(line, at);
    at += 2;
    const year = twoDigits(line, start) * 100 + twoDigits(line, start + 2);
    // localEpoch adds the ms to the second's epoch (no range check reads them): the second's is kept for the lines after.
    secondEpoch = localEpoch(year, twoDigits(line, start + 4) - 1, twoDigits(line, start + 6), hour, minute, second, 0);
    lastCompactSecond.chars.keep(line, start, at);
    lastCompactSecond.epoch = secondEpoch;
  }
  const fractionEnd = fractionEndAt(line, at);
  if (fractionEnd < 0) return undefined;
  const next = line.charCodeAt(fractionEnd);
  if (isDigit(next) || next === 58) return undefined;
  const ms = fractionEnd > at ? fractionMsAt(line, at + 1, fractionEnd) : 0;
  return { epoch: secondEpoch === undefined ? undefined : secondEpoch + ms, end: fractionEnd };
}

/**
 * The compact time scanCompact read last up to its seconds (none before the first) and that second's epoch (ms;
 * undefined when the parts make no date). Lines of one second, most of a busy file's, read only their fraction.
 */
const lastCompactSecond: { chars: KeptChars; epoch: number | undefined } = { chars: new KeptChars(), epoch: undefined };

/** Whether `line` holds lastCompactSecond's characters from `start`. */
function isLastCompactSecond(line: string, start: number): boolean {
  return lastCompactSecond.chars.heldAt(line, start);
}

/**
 * A scan of the year-less `MM<separator>dd hh:mm:ss` forms (separator `-`, `.` or none: logcat, Proxifier, glog): the
 * common shape, a fraction of up to nine digits, then neither a digit nor `:`, the regex's first reading. Anything
 * else is left to the regex (undefined).
 */
function monthDayScan(separator: number | undefined): NonNullable<TimestampPattern['scan']> {
  return (line, start, context) => {
    if (!twoDigitsAt(line, start)) return undefined;
    let at = start + 2;
    if (separator !== undefined) {
      if (line.charCodeAt(at) !== separator) return undefined;
      at++;
    }
    if (!twoDigitsAt(line, at) || line.charCodeAt(at + 2) !== 32 || !clockDigitsAt(line, at + 3) || line.charCodeAt(at + 5) !== 58 || line.charCodeAt(at + 8) !== 58) return undefined;
    const secondsEnd = at + 11;
    const fractionEnd = fractionEndAt(line, secondsEnd);
    const next = line.charCodeAt(fractionEnd);
    if (fractionEnd < 0 || isDigit(next) || next === 58) return undefined;
    const ms = fractionEnd > secondsEnd ? fractionMsAt(line, secondsEnd + 1, fractionEnd) : 0;
    return { epoch: inferYear(twoDigits(line, start) - 1, twoDigits(line, at), twoDigits(line, at + 3), twoDigits(line, at + 6), twoDigits(line, at + 9), ms, context), end: fractionEnd };
  };
}

/** English month abbreviations, capitalised as `%b` writes them in the C locale. */
const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * Month names as syslog writes them, keyed by their three character codes: capitalised, or lower case as some locales
 * write the same abbreviations (`sep 24 16:56:04`, a Dutch or Swedish journal); each means the English month.
 */
const SYSLOG_MONTHS = new Map(ENGLISH_MONTHS.flatMap((name, index) => [[monthKey(name, 0), index], [monthKey(name.toLowerCase(), 0), index]]));

/** First characters of SYSLOG_MONTHS (character codes). */
const SYSLOG_INITIALS = new Set(ENGLISH_MONTHS.flatMap((name) => [name.charCodeAt(0), name.toLowerCase().charCodeAt(0)]));

/** The three characters at `at` as one number (-1 when one is not ASCII: no month name then). */
function monthKey(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  return a < 128 && b < 128 && c < 128 ? (a << 16) | (b << 8) | c : -1;
}

/**
 * The syslog form's common shapes, `Jun  4 15:16:01`, a fraction of up to nine digits, a year after a space, then any
 * character but a digit or `:`. Anything else is left to the regex.
 */
function scanSyslog(line: string, start: number, context: TimestampContext): { epoch: number | undefined; end: number } | undefined {
  const last = lastSyslogSecond;
  let end: number;
  if (isLastSyslogSecond(line, start)) {
    // The same characters up to the seconds: the same reading of them (nothing before the seconds' end is read beyond them).
    end = start + last.chars.length;
  } else {
    const monthIndex = SYSLOG_MONTHS.get(monthKey(line, start));
    if (monthIndex === undefined || line.charCodeAt(start + 3) !== 32) return undefined;
    let at = start + 4;
    while (line.charCodeAt(at) === 32) at++;
    if (!isDigit(line.charCodeAt(at))) return undefined;
    const twoDigitDay = isDigit(line.charCodeAt(at + 1));
    const day = twoDigitDay ? twoDigits(line, at) : line.charCodeAt(at) - 48;
    at += twoDigitDay ? 2 : 1;
    if (line.charCodeAt(at) !== 32 || !clockDigitsAt(line, at + 1) || line.charCodeAt(at + 3) !== 58 || line.charCodeAt(at + 6) !== 58) return undefined;
    end = at + 9;
    last.chars.keep(line, start, end);
    last.reference = NaN;
    last.monthIndex = monthIndex;
    last.day = day;
    last.hour = twoDigits(line, at + 1);
    last.minute = twoDigits(line, at + 4);
    last.second = twoDigits(line, at + 7);
  }
  const { monthIndex, day, hour, minute, second } = last;
  const fractionEnd = fractionEndAt(line, end);
  if (fractionEnd < 0) return undefined;
  const ms = fractionEnd > end ? fractionMsAt(line, end + 1, fractionEnd) : 0;
  end = fractionEnd;
  let year: number | undefined;
  const next = line.charCodeAt(end);
  if (next === 32 && twoDigitsAt(line, end + 1) && twoDigitsAt(line, end + 3)) {
    const after = line.charCodeAt(end + 5);
    if (after === 58) return undefined;
    if (!isDigit(after)) {
      year = twoDigits(line, end + 1) * 100 + twoDigits(line, end + 3);
      end += 5;
    }
  } else if (next === 58 || isDigit(next)) return undefined;
  let epoch: number | undefined;
  if (year !== undefined) epoch = localEpoch(year, monthIndex, day, hour, minute, second, ms);
  else if (context.referenceTime === undefined) epoch = inferYear(monthIndex, day, hour, minute, second, ms, context);
  else epoch = inferKeptYear(context.referenceTime, ms);
  return { epoch, end };
}

/**
 * The syslog time scanSyslog read last, up to its seconds (none before the first), and its parts. Lines of one second,
 * most of a busy file's, are not read again up to there. For a year-less time, the epochs of that second (ms) in the
 * year of `reference` (an epoch ms; NaN when not read yet) and in the year before (`yearBefore`, read when first
 * needed): inferYear's two readings, kept for the lines of that second.
 */
const lastSyslogSecond = {
  chars: new KeptChars(),
  monthIndex: 0,
  day: 0,
  hour: 0,
  minute: 0,
  second: 0,
  reference: NaN,
  thisYear: undefined as number | undefined,
  yearBefore: undefined as number | undefined,
  yearBeforeRead: false,
};

/**
 * inferYear of lastSyslogSecond's parts and `ms` for `reference` (epoch ms), from the second's epochs kept for it:
 * localEpoch adds the milliseconds to the second's epoch after its checks, which read no milliseconds, so the epoch of
 * the second plus `ms` is localEpoch's own answer.
 */
function inferKeptYear(reference: number, ms: number): number | undefined {
  const last = lastSyslogSecond;
  if (last.reference !== reference) {
    last.thisYear = localEpoch(localYear(reference), last.monthIndex, last.day, last.hour, last.minute, last.second, 0);
    last.yearBeforeRead = false;
    last.reference = reference;
  }
  if (last.thisYear === undefined) return undefined;
  const thisYear = last.thisYear + ms;
  if (!(thisYear > reference + DAY_MS)) return thisYear;
  if (!last.yearBeforeRead) {
    last.yearBefore = localEpoch(localYear(reference) - 1, last.monthIndex, last.day, last.hour, last.minute, last.second, 0);
    last.yearBeforeRead = true;
  }
  return last.yearBefore === undefined ? undefined : last.yearBefore + ms;
}

/** Whether `line` holds lastSyslogSecond's characters from `start`. */
function isLastSyslogSecond(line: string, start: number): boolean {
  return lastSyslogSecond.chars.heldAt(line, start);
}


/**
 * A date ending in a four-digit year, then the time (the host's locale, as `toLocaleString()` and many .NET and C
 * programs write it): `3/30/2017, 8:23:24 AM` (en-US), `15.9.2017, 11:48:37` (de), `30/11/2026 10:00:00`,
 * `11-30-2026 10:00:00`, `29/9/2019 -- 02:03:54` (Suricata's C logger), closed by a colon maybe (`09/13/2026 16:01:35: `,
 * Unity's player log), and a day period before the time (`4/12/2026 下午 3:13:00`: zh-HK's and zh-SG's short date and
 * long time). Groups: day-or-month, separator, month-or-day, year, day period before the time, hour, minute, second,
 * fraction, AM/PM after it.
 */
const YEAR_LAST = String.raw`(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:,? | -- )(?:(${CJK_DAY_PERIOD_SOURCE}|AM|PM) )?(\d{1,2}):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?: ?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?(?!\d|:\d)`;
const YEAR_LAST_AT = new RegExp(YEAR_LAST, 'y');

/**
 * The epoch of a YEAR_LAST match in the file's order: a dotted date is day first (no locale writes month.day.year);
 * a slashed or dashed one in the order the file's sample showed (yearLastOrder), or, when it showed none, the order the
 * date shows itself (a part above 12). Undefined (no time, never a guessed one) when the order is unknown or the date
 * is no real day in it.
 */
function yearLastEpoch(m: RegExpExecArray, context: TimestampContext): number | undefined {
  const [first, second] = [Number(m[1]), Number(m[3])];
  let dayFirst: boolean | null | undefined = m[2] === '.' ? true : context.yearLastDayFirst;
  if (dayFirst === null) return undefined;
  dayFirst ??= first > 12 && second <= 12 ? true : second > 12 && first <= 12 ? false : undefined;
  if (dayFirst === undefined) return undefined;
  const hour = yearLastHour(m);
  if (hour === undefined) return undefined;
  const [day, monthNumber] = dayFirst ? [first, second] : [second, first];
  return localEpoch(Number(m[4]), monthNumber - 1, day, hour, Number(m[7]), Number(m[8]), fractionMs(m[9]));
}

/** A YEAR_LAST match's hour on a 24-hour clock, by its day period before or after the time; undefined when no such hour. */
function yearLastHour(m: RegExpExecArray): number | undefined {
  const before = m[5] === undefined ? undefined : julDayPeriod(m[5]) === 'pm' ? 'PM' : 'AM';
  return twelveHour(Number(m[6]), before ?? m[10]);
}

/** Characters of a line looked at for a date ending in a year (headers are at the start). */
const YEAR_LAST_REACH = 64;
const YEAR_LAST_SEARCH = new RegExp(String.raw`(?<![\d./:-])${YEAR_LAST}`);

/**
 * The order of a file's slashed or dashed dates that end in a four-digit year, from its sample: day first when some
 * date's first part is above 12, month first when some date's second part is, null when both (the file contradicts
 * itself: no such date gets a time). When no part is above 12 (the 1st-12th of a month, `12/01/2026`), an order that
 * would put one of the header's dates (those at the character position most sampled lines have theirs) after the file
 * was last written (`context.referenceTime`, a day of clock skew allowed) is ruled out, as shortDateOrder does: a line
 * cannot be logged in the future. Nor is one under which the header's dates, times and all, would not run in time order
 * either way (timeOrderedReading: a log is written in time order, and an event viewer exports it newest first).
 * Undefined when nothing tells
 * (each date is then read only when it tells its order itself; the others are header dates without a time).
 */
export function yearLastOrder(sample: readonly string[], context: TimestampContext = {}): boolean | null | undefined {
  let dayFirst = false;
  let monthFirst = false;
  const dates: YearLastDate[] = [];
  for (const line of sample) {
    const m = YEAR_LAST_SEARCH.exec(line.length > YEAR_LAST_REACH ? line.slice(0, YEAR_LAST_REACH) : line);
    if (!m || m[2] === '.') continue;
    const [first, second, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (first > 12) dayFirst = true;
    if (second > 12) monthFirst = true;
    dates.push({ at: m.index, field: fieldsBefore(line, m.index), first, second, year, hour: yearLastHour(m), minute: Number(m[7]), seconds: Number(m[8]) });
  }
  if (dayFirst || monthFirst) return dayFirst && monthFirst ? null : dayFirst;
  if (dates.length === 0) return undefined;
  // The language of the file's level names: java.util.logging writes them in the JVM's, and with its dates in that
  // locale's order (`3/12/2026 13:02:03` above `GRAVE: …`, es/fr/it/pt: day first).
  if (sample.some(namesDayFirstLocaleLevel)) return true;
  // Only the header's dates, where most lines have theirs: a date inside a message may lie ahead (`next run
  // scheduled for 12/05/2026`) and must not decide the order of every line's time.
  const counts = new Map<number, number>();
  for (const { at } of dates) counts.set(at, (counts.get(at) ?? 0) + 1);
  const column = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
  const reference = context.referenceTime;
  if (reference !== undefined) {
    // Whether every header date is a real day not after the reference, read day first / month first.
    let dayFirstPossible = true;
    let monthFirstPossible = true;
    for (const { at, first, second, year } of dates) {
      if (at !== column) continue;
      dayFirstPossible &&= possibleDay(localEpoch(year, second - 1, first), reference);
      monthFirstPossible &&= possibleDay(localEpoch(year, first - 1, second), reference);
    }
    if (dayFirstPossible !== monthFirstPossible) return dayFirstPossible;
  }
  // The dates in the field most lines have theirs in, counted in fields rather than characters: a CSV export's time
  // column moves with the width of the cells before it (`Error,12/4/2026 …`, `Information,12/4/2026 …`), and a date
  // inside a message (`retry at 12/1/2026 …`) must not decide the order of every line's time.
  const fields = new Map<number, number>();
  for (const { field } of dates) fields.set(field, (fields.get(field) ?? 0) + 1);
  const headerField = [...fields].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
  return timeOrderedReading(dates.filter((date) => date.field === headerField));
}

/** A header date of yearLastOrder's sample: its column, its parts as written, its time (hour on a 24-hour clock; undefined: no such hour). */
interface YearLastDate {
  at: number;
  /** Fields (runs of characters between spaces, tabs, commas, semicolons or bars) before it on its line. */
  field: number;
  first: number;
  second: number;
  year: number;
  hour: number | undefined;
  minute: number;
  seconds: number;
}

/** The fields of `line` before `end` (YearLastDate.field). */
function fieldsBefore(line: string, end: number): number {
  let fields = 0;
  let inField = false;
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    const separator = c === 32 || c === 9 || c === 44 || c === 59 || c === 124; /* space tab , ; | */
    if (!separator && !inField) fields++;
    inField = !separator;
  }
  return fields;
}

/**
 * How far a log's line may be dated before the line above it and still be in time order (ms): threads write their
 * lines a little out of order, and a day's clock change steps back an hour.
 */
const TIME_ORDER_SLACK_MS = 2 * 3600_000;

/**
 * The order (day first: true) under which a file's header dates (yearLastOrder's, no part above 12) run in time order,
 * ascending as a log is written or descending as an event viewer exports it, with TIME_ORDER_SLACK_MS of steps back;
 * undefined when both orders do (the dates differ only in one part, the common case: then nothing tells) or neither.
 * A 12-hour clock is no evidence here (en-US and en-AU both write one).
 */
function timeOrderedReading(dates: readonly YearLastDate[]): boolean | undefined {
  const inOrder = (dayFirst: boolean): boolean =>
    runsOneWay(dates.map(({ first, second, year, hour, minute, seconds }) => {
      const [day, month] = dayFirst ? [first, second] : [second, first];
      return hour === undefined ? undefined : localEpoch(year, month - 1, day, hour, minute, seconds);
    }));
  const [dayFirst, monthFirst] = [inOrder(true), inOrder(false)];
  return dayFirst === monthFirst ? undefined : dayFirst;
}

/** A line that opens with a level name and a colon (JUL's `GRAVE: …` line) in a day-first locale's language. */
const LEVEL_LINE = /^(\p{Lu}[\p{Lu}\p{Ll} ]{1,24}):\s/u;
function namesDayFirstLocaleLevel(line: string): boolean {
  const m = LEVEL_LINE.exec(line);
  return m !== null && namesDayFirstLocale(m[1]);
}

/**
 * A date of the sample ending in a four-digit year, slashed or dashed, whose parts are both 12 or less (`3/12/2026`):
 * its text, for a file whose order yearLastOrder could not tell (LineParser.undecidedDate); undefined when none.
 */
export function undecidedYearLastDate(sample: readonly string[]): string | undefined {
  for (const line of sample) {
    const m = YEAR_LAST_SEARCH.exec(line.length > YEAR_LAST_REACH ? line.slice(0, YEAR_LAST_REACH) : line);
    if (m && m[2] !== '.' && Number(m[1]) <= 12 && Number(m[3]) <= 12) return `${m[1]}${m[2]}${m[3]}${m[2]}${m[4]}`;
  }
  return undefined;
}

/** Whether the day starting at `epoch` (ms; undefined: no such day) is not after `reference` plus a day of clock skew. */
function possibleDay(epoch: number | undefined, reference: number): boolean {
  return epoch !== undefined && epoch <= reference + DAY_MS;
}

/** Where a date ending in a four-digit year (YEAR_LAST, optionally bracketed) at `position` ends, or -1: read whatever its order. */
export function yearLastDateEnd(line: string, position: number): number {
  const bracketed = line.charCodeAt(position) === 91; /* [ */
  YEAR_LAST_AT.lastIndex = bracketed ? position + 1 : position;
  const m = YEAR_LAST_AT.exec(line);
  if (!m) return -1;
  const end = YEAR_LAST_AT.lastIndex;
  if (!bracketed) return end;
  return line.charCodeAt(end) === 93 ? end + 1 : -1;
}

/**
 * A numeric date whose day and month order the file does not tell, then its time, at `position`: a date ending in a
 * four-digit year (`12/01/2026, 5:00:01 AM`, YEAR_LAST, optionally bracketed) or a two-digit-year date
 * (`12/01/26 05:00:01`: yy/MM/dd, dd/MM/yy or the C locale's `%D`, MM/dd/yy) that is a real day in some order. Where it
 * ends, or -1. Such a date still opens a header (the line's level and message follow it), read without a time: a
 * guessed order would be a confident wrong date for the 1st to 12th of every month.
 */
export function unorderedDateEnd(line: string, position: number): number {
  const end = yearLastDateEnd(line, position);
  if (end >= 0) return end;
  SHORT_DATE_AT.lastIndex = position;
  const m = SHORT_DATE_AT.exec(line);
  if (!m) return -1;
  const [a, b, c] = [Number(m[1]), Number(m[3]), Number(m[4])];
  const real = localEpoch(2000 + a, b - 1, c) !== undefined || localEpoch(2000 + c, b - 1, a) !== undefined || localEpoch(2000 + c, a - 1, b) !== undefined;
  return real ? SHORT_DATE_AT.lastIndex : -1;
}

/** A two-digit-year date in any order and its time (unorderedDateEnd): groups 1-4 the three parts and the separator. */
const SHORT_DATE_AT = new RegExp(String.raw`(\d{1,2})([/-])(\d{1,2})\2(\d{1,2}) ${TIME}(?![\d:])`, 'y');

/** Characters of an ISO time up to its seconds (`2024-01-02T03:04:05`). */
const ISO_SECOND_LENGTH = 19;
/** The ISO second readIso read last: its characters up to the seconds (none before the first), whether it was UTC, and its epoch (ms). */
const lastIsoSecond: { chars: KeptChars; utc: boolean; epoch: number | undefined } = { chars: new KeptChars(), utc: false, epoch: undefined };

/** Whether `line` holds lastIsoSecond's characters from `start`. */
function isLastIsoSecond(line: string, start: number): boolean {
  return lastIsoSecond.chars.heldAt(line, start);
}


/** Ordered most specific first: the first that matches at a position wins. */
export const TIMESTAMP_PATTERNS: TimestampPattern[] = [
  {
    // 2015-10-18 18:01:47,978 / 2016-09-28T04:30:30.123Z / 2017-05-16 00:00:00.008+02:00 / 2020/01/01 12:00:00 / 2005.06.03 10:00:00
    id: 'iso',
    readsDayPeriod: true,
    startsWith: isDigit,
    scan: scanIso,
    regex: ISO_REGEX,
    toEpoch: (m) => {
      const parts = [Number(m[1]), Number(m[3]) - 1, Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7]), fractionMs(m[8])];
      if (m[12]) return twelveHourEpoch(parts, m[12]);
      const zone = m[9] ?? m[10] ?? (m[11] ? 'Z' : undefined);
      return zoned(localEpoch(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]), zone, parts);
    },
  },
  {
    // 2005-06-03-15.42.50.675872 (dotted time after a dash)
    id: 'iso-dotted',
    startsWith: isDigit,
    regex: /(\d{4})-(\d\d)-(\d\d)-(\d\d)\.(\d\d)\.(\d\d)(?:\.(\d{1,9}))?(?![\d.])/y,
    toEpoch: (m) => localEpoch(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), fractionMs(m[7])),
  },
  {
    // 2017-6-23 08:13:01 / 2017/6/3 8:13:01 (year first, month, day or hour not padded: Node's and .NET's short forms)
    id: 'iso-unpadded',
    readsDayPeriod: true,
    startsWith: isDigit,
    // With AM/PM after it (`2026-12-04 3:13:00 PM`, `2026-12-04 3:13:00 p.m.`: a year-first short date and a 12-hour
    // long time, as en-CA's): read as a 24-hour time, every afternoon line was twelve hours early.
    regex: new RegExp(String.raw`(\d{4})([-/])(\d{1,2})\2(\d{1,2})[T ](\d{1,2}):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?![\d:])(?: ?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?`, 'y'),
    toEpoch: (m) => {
      const hour = twelveHour(Number(m[5]), m[9]);
      return hour === undefined ? undefined : localEpoch(Number(m[1]), Number(m[3]) - 1, Number(m[4]), hour, Number(m[6]), Number(m[7]), fractionMs(m[8]));
    },
  },
  {
    // Sun Dec 04 04:47:44 2005 (ctime; Apache error log) and Java's Date.toString() with its zone before the year, Mon
    // Nov 30 10:00:00 UTC 2026: UTC/GMT are read as such; other zone names (EST, CET…) name no single offset, so the time
    // is read as local time, as a time without a zone is.
    id: 'ctime',
    startsWith: (c) => c === 77 || c === 84 || c === 87 || c === 70 || c === 83 /* M T W F S */,
    regex: new RegExp(String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]* ([A-Z][a-z]{2}) +(\d{1,2}) ${TIME}(?: ([A-Z]{3,5}))? (\d{4})(?!\d)`, 'y'),
    toEpoch: (m) => {
      const mo = month(m[1]);
      if (mo === undefined) return undefined;
      const parts = [Number(m[8]), mo, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), fractionMs(m[6])];
      return zoned(localEpoch(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]), m[7], parts);
    },
  },
  {
    // 10/Oct/2000:13:55:36 -0700 (common/combined access log) and 30/Nov/2026 10:00:02 (Django's runserver: a space)
    id: 'clf',
    startsWith: isDigit,
    regex: /(\d\d)\/([A-Z][a-z]{2})\/(\d{4})[: ](\d\d):(\d\d):(\d\d)(?: ([+-]\d{4}))?/y,
    toEpoch: (m) => {
      const mo = month(m[2]);
      if (mo === undefined) return undefined;
      const parts = [Number(m[3]), mo, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), 0];
      return zoned(localEpoch(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]), m[7], parts);
    },
  },
  {
    // 01 Jun 2024 12:30:45.123 (Redis), 30-Nov-2026 10:00:00.123 (Tomcat's catalina.out, Oracle's DD-MON-YYYY), and PHP's
    // error_log, which writes the zone after it by name: 30-Nov-2026 10:00:00 UTC / 30-Nov-2026 10:00:00 Europe/Berlin
    id: 'day-month-year',
    startsWith: isDigit,
    regex: new RegExp(String.raw`(\d{1,2})([ -])(${MONTH_NAMES})\2(\d{4}) ${TIME}(?![\d:])(?: (UTC|GMT|${IANA_ZONE}))?`, 'y'),
    toEpoch: (m) => {
      const parts = [Number(m[4]), month(m[3]) as number, Number(m[1]), Number(m[5]), Number(m[6]), Number(m[7]), fractionMs(m[8])];
      const local = localEpoch(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
      if (m[9] === 'UTC' || m[9] === 'GMT' || local === undefined || !m[9]) return zoned(local, m[9], parts);
      return namedZoneEpoch(parts, m[9]) ?? local;
    },
  },
  {
    // May 26, 2023 @ 21:36:34.108 (Kibana's Discover, `MMM D, YYYY @ HH:mm:ss.SSS`, its rows copied out with the
    // document's own line glued after the milliseconds: `…34.108[Fri May 26 …`, `…48.0002020-05-06 …`): always three
    // digits of fraction, so that digits glued after them are the next field's.
    id: 'month-day-comma-year-at',
    startsWith: (c) => SYSLOG_INITIALS.has(c),
    regex: new RegExp(String.raw`(${MONTH_NAMES}) (\d{1,2}), (\d{4}) @ (\d\d):(\d\d):(\d\d)\.(\d{3})(?!:)`, 'y'),
    toEpoch: (m) => localEpoch(Number(m[3]), month(m[1]) as number, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]), fractionMs(m[7])),
  },
  {
    // Nov 30, 2026 10:00:00 AM (java.util.logging's SimpleFormatter: the level is on the next line), Nov 30, 2026 1:05:01
    // PM, and the 24-hour Nov 30, 2026 13:05:01
    id: 'month-day-comma-year',
    startsWith: (c) => SYSLOG_INITIALS.has(c),
    regex: new RegExp(String.raw`(${MONTH_NAMES}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?: ([AaPp][Mm])(?![A-Za-z]))?(?![\d:])`, 'y'),
    toEpoch: (m) => {
      const hour = twelveHour(Number(m[4]), m[8]);
      return hour === undefined ? undefined : localEpoch(Number(m[3]), month(m[1]) as number, Number(m[2]), hour, Number(m[5]), Number(m[6]), fractionMs(m[7]));
    },
  },
  {
    // java.util.logging's SimpleFormatter date (`%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp`) in another locale: the
    // month as the JDK's locale data abbreviates it (`6월`, `6月`, `Dez.`) and its 12-hour mark upper-cased
    // (JUL_DAY_PERIODS): 6월 17, 2019 3:04:05 오후. The mark is required: a 12-hour clock read without it is 12 hours off.
    id: 'month-day-comma-year-localized',
    // A month in digits (`6월`, `6月`: Korean, Japanese, Chinese) or a capitalised name (`Dez.`, `Juni`) anywhere; one in
    // lower case (`déc.`, `dic`: French, Spanish, Italian…) only at the line's start, where SimpleFormatter writes the
    // date: elsewhere a lower-case word is text or a thread's name, and asking each would cost every line of every log.
    startsWith: (c) => isDigit(c) || (c >= 65 && c <= 90),
    startsLine: (c) => c >= 97 && c <= 122,
    scan: julDateShape,
    regex: new RegExp(String.raw`(\d{1,2}[월月]|\p{L}{3,}\.?) (\d{1,2}), (\d{4}) (\d{1,2}):(\d\d):(\d\d) (${JUL_DAY_PERIOD_SOURCE})(?![\p{L}\d])`, 'uy'),
    toEpoch: (m) => {
      const monthIndex = /^\d/.test(m[1]) ? Number.parseInt(m[1], 10) - 1 : localizedMonth(m[1]);
      const hour = Number(m[4]);
      if (monthIndex === undefined || hour < 1 || hour > 12) return undefined;
      return localEpoch(Number(m[3]), monthIndex, Number(m[2]), (hour % 12) + (julDayPeriod(m[7]) === 'pm' ? 12 : 0), Number(m[5]), Number(m[6]));
    },
  },
  {
    // A date in the order day, month, year with the month named in another language, then a 24-hour time: Java's medium
    // date-time format in a day-first locale (`DateFormat.getDateTimeInstance()`: `2 déc. 2026 13:02:03`, `2 déc. 2026,
    // 13:02:03` with the JDK's CLDR data), which java.util.logging's SimpleFormatter wrote before Java 7 (`{0,date}
    // {0,time}`), its level on the next line. A time followed by a 12-hour mark is no 24-hour time and is left unread.
    id: 'day-month-year-localized',
    readsDayPeriod: true,
    startsWith: isDigit,
    scan: dayMonthWordShape,
    regex: new RegExp(String.raw`(\d{1,2}) (\p{L}{3,}\.?) (\d{4}),? (\d{1,2}):(\d\d):(\d\d)(?![\d:])(?! ?(?:[AaPp]\.? ?[Mm]\.?|${JUL_DAY_PERIOD_SOURCE})(?![\p{L}\d]))`, 'uy'),
    toEpoch: (m) => {
      const monthIndex = localizedMonth(m[2]);
      const hour = Number(m[4]);
      if (monthIndex === undefined || hour > 23) return undefined;
      return localEpoch(Number(m[3]), monthIndex, Number(m[1]), hour, Number(m[5]), Number(m[6]));
    },
  },
  {
    // Mon, 30 Nov 2026 10:00:00 GMT (RFC 1123: HTTP dates, JavaScript's toUTCString) and RFC 2822's +0000 (mail)
    id: 'rfc1123',
    startsWith: (c) => c === 77 || c === 84 || c === 87 || c === 70 || c === 83 /* M T W F S */,
    regex: new RegExp(String.raw`(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (${MONTH_NAMES}) (\d{4}) ${TIME}(?: (?:(GMT|UTC|Z)|([+-]\d{4})))?(?![\d:])`, 'y'),
    toEpoch: (m) => {
      const parts = [Number(m[3]), month(m[2]) as number, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]), fractionMs(m[7])];
      return zoned(localEpoch(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]), m[8] ? 'Z' : m[9], parts);
    },
  },
  {
    // [2023-11-21, 00:00:19 UTC] (Airflow's task logs: a comma between date and time)
    id: 'iso-comma',
    startsWith: isDigit,
    regex: new RegExp(String.raw`(\d{4})-(\d\d)-(\d\d), ${TIME}(?:(Z)|(?: ?([+-]\d\d:?\d\d))| (UTC|GMT))?(?![\d:])`, 'y'),
    toEpoch: (m) => {
      const parts = [Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), fractionMs(m[7])];
      return zoned(localEpoch(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]), m[8] ?? m[9] ?? (m[10] ? 'Z' : undefined), parts);
    },
  },
  {
    // 3/30/2017, 8:23:24 AM / 15.9.2017, 11:48:37 / 30/11/2026 10:00:00 (a four-digit year last: the host's locale)
    id: 'year-last',
    readsDayPeriod: true,
    startsWith: isDigit,
    regex: YEAR_LAST_AT,
    toEpoch: yearLastEpoch,
  },
  {
    // 25 Jan 20:25:10 (day, month name, time; year inferred: Node-RED's console, Redis 2's log)
    id: 'day-month-time',
    startsWith: isDigit,
    regex: new RegExp(String.raw`(\d{1,2}) (${MONTH_NAMES}) ${TIME}(?![\d:])`, 'y'),
    toEpoch: (m, context) => inferYear(month(m[2]) as number, Number(m[1]), Number(m[3]), Number(m[4]), Number(m[5]), fractionMs(m[6]), context),
  },
  {
    // Jun 14 15:16:01 (syslog; year inferred) and Jun 14 15:16:01 2005
    id: 'syslog',
    startsWith: (c) => SYSLOG_INITIALS.has(c),
    scan: scanSyslog,
    regex: new RegExp(String.raw`(${ENGLISH_MONTHS.join('|')}|${ENGLISH_MONTHS.join('|').toLowerCase()}) +(\d{1,2}) ${TIME}(?: (\d{4})(?!\d))?(?![\d:])`, 'y'),
    toEpoch: (m, context) => {
      const mo = month(m[1]) as number;
      const args = [Number(m[3]), Number(m[4]), Number(m[5]), fractionMs(m[6])] as const;
      return m[7] ? localEpoch(Number(m[7]), mo, Number(m[2]), ...args) : inferYear(mo, Number(m[2]), ...args, context);
    },
  },
  {
    // 03-17 16:13:38.811 (Android logcat; year inferred)
    id: 'month-day',
    startsWith: isDigit,
    scan: monthDayScan(45 /* - */),
    regex: new RegExp(String.raw`(\d\d)-(\d\d) ${TIME}(?![\d:])`, 'y'),
    toEpoch: (m, context) => inferYear(Number(m[1]) - 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), fractionMs(m[6]), context),
  },
  {
    // 17/06/09 20:10:40 (yy/MM/dd)
    id: 'yy-slash',
    startsWith: isDigit,
    regex: new RegExp(String.raw`(\d\d)/(\d\d)/(\d\d) ${TIME}(?![\d:])`, 'y'),
    toEpoch: (m, context) => shortDateEpoch(m, context),
  },
  {
    // 17-3-10 23:39:31.5 / 21-09-12 09:38:14 (yy-M-d, month and day padded or not: NLog's and .NET's short dates). Only
    // with a time after it: a dashed triple alone is a version (`1-2-3`) or a range, and the year is read first as ISO
    // writes it; a month or day out of range is no date.
    id: 'yy-dash',
    startsWith: isDigit,
    regex: new RegExp(String.raw`(\d\d)-(\d{1,2})-(\d{1,2}) ${TIME}(?![\d:])`, 'y'),
    toEpoch: (m, context) => shortDateEpoch(m, context),
  },
  {
    // 20171223-22:15:29:606 / 20171223T221529 / 20251118:081245.011
    id: 'compact',
    startsWith: isDigit,
    scan: scanCompact,
    regex: /(\d{4})(\d\d)(\d\d)[-T :]?(\d\d):?(\d\d):?(\d\d)(?:[.,:](\d{1,9}))?(?![\d:])/y,
    toEpoch: (m) => localEpoch(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), fractionMs(m[7])),
  },
  {
    // 081109 203615 (yyMMdd HHmmss)
    id: 'yymmdd',
    startsWith: isDigit,
    regex: /(\d\d)(\d\d)(\d\d) (\d\d)(\d\d)(\d\d)(?![\d:])/y,
    toEpoch: (m) => localEpoch(2000 + Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])),
  },
  {
    // 180221 12:25:37.326791 (yyMMdd, then the time: CockroachDB's klog-like header writes it after the level letter)
    id: 'yymmdd-time',
    startsWith: isDigit,
    regex: new RegExp(String.raw`(\d\d)(\d\d)(\d\d) ${TIME}(?![\d:])`, 'y'),
    toEpoch: (m) => localEpoch(2000 + Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), fractionMs(m[7])),
  },
  {
    // 10.30 16:49:06 (MM.dd; year inferred)
    id: 'month-day-dotted',
    startsWith: isDigit,
    scan: monthDayScan(46 /* . */),
    regex: new RegExp(String.raw`(\d\d)\.(\d\d) ${TIME}(?![\d:])`, 'y'),
    toEpoch: (m, context) => inferYear(Number(m[1]) - 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), fractionMs(m[6]), context),
  },
  {
    // 1120 09:00:01.123456 (MMdd; glog and klog write it right after the level letter; year inferred)
    id: 'month-day-compact',
    startsWith: isDigit,
    scan: monthDayScan(undefined),
    regex: new RegExp(String.raw`(\d\d)(\d\d) ${TIME}(?![\d:])`, 'y'),
    toEpoch: (m, context) => inferYear(Number(m[1]) - 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), fractionMs(m[6]), context),
  },
  {
    // 2026-12-03 오전 1:52:34 (.NET's DateTime.ToString() under ko-KR: `yyyy-MM-dd tt h:mm:ss`), 2026/12/03 午後 3:04:05,
    // and 2026. 12. 3. 오후 3:04:05 (Java's default date-time format under ko-KR): a day period before a 12-hour time.
    // Read as a date on its own (below) it was midnight: "errors in the last hour" left out every entry (break30).
    // The same with `AM`/`PM` (2026. 11. 28. AM 1:00:01): JavaScript's toLocaleString('ko-KR') where the runtime's ICU
    // has the Korean date pattern but not its day periods (found by break40 on Node 20 with ICU 78); unread, the line
    // had no time and its clock was taken for a time of day without a date.
    id: 'date-day-period-time',
    readsDayPeriod: true,
    startsWith: isDigit,
    regex: new RegExp(String.raw`(\d{4})(?:([-/])(\d{1,2})\2(\d{1,2})|\. (\d{1,2})\. (\d{1,2})\.) (${CJK_DAY_PERIOD_SOURCE}|AM|PM) (\d{1,2}):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?![\d:])`, 'uy'),
    toEpoch: (m) => {
      const hour = Number(m[8]);
      if (hour < 1 || hour > 12) return undefined;
      const pm = julDayPeriod(m[7]) === 'pm';
      return localEpoch(Number(m[1]), Number(m[3] ?? m[5]) - 1, Number(m[4] ?? m[6]), (hour % 12) + (pm ? 12 : 0), Number(m[9]), Number(m[10]), fractionMs(m[11]));
    },
  },
  {
    // 2026년 12월 3일 10:00:00 (Korean), 2026年12月3日 10:00:00 (Japanese, Chinese), with a Korean weekday and a day
    // period before a 12-hour time (`2026년 12월 3일 목요일 오후 3:04:05`, PowerShell's Get-Date under ko-KR), and
    // 2026. 12. 3. 15:04:05 (Korean's dotted date before a 24-hour time), and the time in hour, minute and second words
    // (`2026년 11월 28일 오후 3시 4분 5초`, `2026年11月28日 15時04分05秒`, `2026年11月28日 15时04分05秒`): a date written with the year, month and day
    // words or dots of CJK locales, as a program's date pattern or a long date format prints it there. Unread, such a
    // file had no time on any line.
    id: 'cjk-date-time',
    readsDayPeriod: true,
    startsWith: isDigit,
    regex: new RegExp(String.raw`(\d{4})(?:[년年] ?(\d{1,2})[월月] ?(\d{1,2})[일日]|\. (\d{1,2})\. (\d{1,2})\.) (?:[월화수목금토일]요일 )?(?:(${CJK_DAY_PERIOD_SOURCE}) ?)?(\d{1,2})(?::(\d\d):(\d\d)(?:[.,](\d{1,9}))?|[시時时] ?(\d{1,2})[분分] ?(\d{1,2})[초秒])(?![\d:])(?: ?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?`, 'uy'),
    toEpoch: (m) => {
      let hour = Number(m[7]);
      if (m[6] !== undefined) {
        if (hour < 1 || hour > 12) return undefined;
        hour = (hour % 12) + (julDayPeriod(m[6]) === 'pm' ? 12 : 0);
      } else if (m[13] !== undefined) {
        // AM/PM after the time (`2026. 12. 4. 3:13:00 PM`): as wrong read as a 24-hour time as a day period before it.
        const twelve = twelveHour(hour, m[13]);
        if (twelve === undefined) return undefined;
        hour = twelve;
      }
      const [minute, second] = m[8] === undefined ? [m[11], m[12]] : [m[8], m[9]];
      if (Number(minute) > 59 || Number(second) > 59) return undefined;
      return localEpoch(Number(m[1]), Number(m[2] ?? m[4]) - 1, Number(m[3] ?? m[5]), hour, Number(minute), Number(second), fractionMs(m[10]));
    },
  },
  {
    // 2026/12/03 - 04:40:00 (Gin's access log: Go's `2006/01/02 - 15:04:05`): a dash between the date and the time. Read
    // as a date on its own (below) every request of the day was midnight, and a window of the last hours left it out.
    id: 'date-dash-time',
    startsWith: isDigit,
    regex: new RegExp(String.raw`(\d{4})([-/.])(\d\d)\2(\d\d) - ${TIME}(?![\d:])`, 'y'),
    toEpoch: (m) => localEpoch(Number(m[1]), Number(m[3]) - 1, Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7]), fractionMs(m[8])),
  },
  {
    // 2005.06.03 / 2005-06-03 (a date on its own)
    id: 'date',
    startsWith: isDigit,
    regex: /(\d{4})([-/.])(\d\d)\2(\d\d)(?![\d:.\-/])/y,
    toEpoch: (m) => localEpoch(Number(m[1]), Number(m[3]) - 1, Number(m[4])),
  },
  {
    // 1117838570 / 1117838570.123 (epoch seconds) and 1445144423722 (epoch millis), 2000..2100 only
    id: 'epoch',
    startsWith: isDigit,
    // A `:` may follow when a space does (`1530826284: New connection …`, Mosquitto): not a time's `12:30`. Nor a
    // letter: ten digits glued to letters are a hex id (`1832770766a5e1d`), not a time.
    regex: /(\d{10}|\d{13})(?:\.(\d{1,9}))?(?![\dA-Za-z]|:\S)/y,
    toEpoch: (m) => {
      const value = m[1].length === 13 ? Number(m[1]) : Number(m[1]) * 1000 + fractionMs(m[2]);
      return value >= 946_684_800_000 && value < 4_102_444_800_000 ? value : undefined;
    },
  },
];

/**
 * TIMESTAMP_PATTERNS that can start with each ASCII character code (their startsWith says yes, or they have none), in
 * their order. Whether a form may start with a character depends on the character alone, so the forms left out would
 * each have been rejected by matchTimestampAt's own first test: reading only these gives the same first match, without
 * asking every form (a bracketed thread name or a logger is asked for a time on every line).
 */
const PATTERNS_BY_INITIAL: readonly (readonly TimestampPattern[])[] = Array.from({ length: 128 }, (_, c) => TIMESTAMP_PATTERNS.filter((pattern) => !pattern.startsWith || pattern.startsWith(c)));

/** PATTERNS_BY_INITIAL at a line's first character: with the forms whose startsLine says yes. */
const PATTERNS_BY_LINE_INITIAL: readonly (readonly TimestampPattern[])[] = Array.from({ length: 128 }, (_, c) =>
  TIMESTAMP_PATTERNS.filter((pattern) => !pattern.startsWith || pattern.startsWith(c) || pattern.startsLine?.(c)));

/**
 * The TIMESTAMP_PATTERNS that may match at `position` of `line` (where matchTimestampAt reads: after a `[` there), in
 * order: all of them unless that character is ASCII.
 */
export function timestampPatternsAt(line: string, position: number): readonly TimestampPattern[] {
  const at = line.charCodeAt(position) === 91 /* [ */ ? position + 1 : position;
  const c = line.charCodeAt(at);
  return c < 128 ? (at === 0 ? PATTERNS_BY_LINE_INITIAL : PATTERNS_BY_INITIAL)[c] : TIMESTAMP_PATTERNS;
}

const ANCHORED = TIMESTAMP_PATTERNS.map((pattern) => ({ pattern, regex: new RegExp(`^(?:${pattern.regex.source})$`, pattern.regex.unicode ? 'u' : '') }));

/**
 * Parses a timestamp in any known form (ISO 8601, syslog, logcat, yyMMdd HHmmss, ctime, CLF, epoch seconds or millis, …).
 * Returns epoch ms, or undefined. Times without a zone are local time.
 */
export function parseTimestamp(text: string, context: TimestampContext = {}): number | undefined {
  let value = text.trim();
  if (value.startsWith('[') && value.endsWith(']')) value = value.slice(1, -1).trim();
  if (value.length === 0 || value.length > 64) return undefined;
  for (const { pattern, regex } of ANCHORED) {
    // A scan that reads the whole text gives the anchored regex's answer (the same pattern tried in the same order).
    const scanned = pattern.scan?.(value, 0, context);
    if (scanned && scanned.end === value.length) {
      if (scanned.epoch !== undefined) return scanned.epoch;
      continue;
    }
    const match = regex.exec(value);
    if (match) {
      const epoch = pattern.toEpoch(match, context);
      if (epoch !== undefined) return epoch;
    }
  }
  // A form that reads no AM/PM itself, with one after (as matchTimestampAt reads it in a line).
  const marked = TRAILING_MARK.exec(value);
  const epoch = marked === null ? undefined : parseTimestamp(marked[1], context);
  return epoch === undefined ? undefined : onTwelveHourClock(epoch, marked![2]);
}

/**
 * The epoch (ms) of `text` when it is one ISO time and nothing else (`2026-01-05T08:00:00.137Z`, a JSON record's time
 * field), as parseTimestamp reads it; undefined when it is not so or gives no epoch (parseTimestamp then decides). The
 * ISO form is parseTimestamp's first, and a text opening with a digit and matched to its end has nothing to trim: the
 * same answer without its general loop (a cost of every JSON record).
 */
export function isoTextEpoch(text: string): number | undefined {
  if (!isDigit(text.charCodeAt(0))) return undefined;
  if (isLastIsoSecond(text, 0) && lastIsoSecond.epoch !== undefined) {
    // The second readIso read last, then a fraction and `Z` or nothing, as readIso would read them (no object made).
    const fractionEnd = fractionEndAt(text, ISO_SECOND_LENGTH);
    const zoneLength = text.length - fractionEnd;
    if (fractionEnd >= 0 && (zoneLength === 0 || (zoneLength === 1 && text.charCodeAt(fractionEnd) === 90 /* Z */)) && lastIsoSecond.utc === (zoneLength === 1)) {
      return lastIsoSecond.epoch + (fractionEnd > ISO_SECOND_LENGTH ? fractionMsAt(text, ISO_SECOND_LENGTH + 1, fractionEnd) : 0);
    }
  }
  const scanned = scanIso(text, 0);
  return scanned !== null && scanned.end === text.length ? scanned.epoch : undefined;
}

/** Numeric epoch values from JSON fields: seconds (with fraction) or millis, told apart by magnitude. */
export function epochFromNumber(value: number): number | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  if (value < 1e11) return Math.round(value * 1000);
  if (value < 1e14) return Math.round(value);
  if (value < 1e17) return Math.round(value / 1000); // micros
  return Math.round(value / 1e6); // nanos
}

/** Matches a timestamp at `position` (optionally in square brackets); returns its epoch and end. */
export function matchTimestampAt(line: string, position: number, pattern: TimestampPattern, context: TimestampContext): { epoch: number | undefined; end: number } | undefined {
  let start = position;
  const bracketed = line.charCodeAt(position) === 91; /* [ */
  if (bracketed) start++;
  if (pattern.startsWith && !pattern.startsWith(line.charCodeAt(start)) && !(start === 0 && pattern.startsLine?.(line.charCodeAt(0)))) return undefined;
  let found = pattern.scan?.(line, start, context);
  if (found === null) return undefined;
  if (!found) {
    pattern.regex.lastIndex = start;
    const match = pattern.regex.exec(line);
    if (!match) return undefined;
    found = { epoch: pattern.toEpoch(match, context), end: start + match[0].length };
  }
  // A 12-hour clock's mark after a form that reads none itself (`04 Dec 2026 03:13:00 PM`): only a space and `a`/`p`
  // are looked at on the common path.
  if (!pattern.readsDayPeriod && line.charCodeAt(found.end) === 32 && ((line.charCodeAt(found.end + 1) | 0x20) === 97 || (line.charCodeAt(found.end + 1) | 0x20) === 112)) found = withDayPeriodAfter(line, found);
  if (!bracketed) return found;
  if (line.charCodeAt(found.end) !== 93 /* ] */) return undefined;
  found.end++;
  return found;
}

/**
 * `found` (a time read as on a 24-hour clock, ending where an AM/PM mark is written: twelveHourMarkAt) with its hour
 * on the 12-hour clock the mark names and its end after the mark; `found` itself when its hour, 0 or 13 and over, is
 * none of a 12-hour clock's, or no mark follows. Read as 24-hour, every afternoon line was twelve hours early.
 */
function withDayPeriodAfter(line: string, found: { epoch: number | undefined; end: number }): { epoch: number | undefined; end: number } {
  const mark = twelveHourMarkAt(line, found.end);
  if (mark === undefined || found.epoch === undefined) return found;
  const epoch = onTwelveHourClock(found.epoch, mark);
  return epoch === undefined ? found : { epoch, end: found.end + 1 + mark.length };
}

/** `epoch` (ms, read as on a 24-hour clock) with its local hour read on the 12-hour clock `mark` (`PM`, `a.m.`) names; undefined for an hour 0 or 13 and over. */
function onTwelveHourClock(epoch: number, mark: string): number | undefined {
  const date = new Date(epoch);
  const hour = twelveHour(date.getHours(), mark);
  if (hour === undefined) return undefined;
  // Set as a local hour: across a change of the clocks, twelve hours later is not 12 × 3600 s later.
  date.setHours(hour);
  return date.getTime();
}

/** A text that ends in an AM/PM mark after a digit: the text before it, and the mark. */
const TRAILING_MARK = /^(.*\d) ([AaPp]\.?[Mm]\.?)$/;
