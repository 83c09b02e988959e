// The day of each line of a log whose lines carry a time of day and no date (`12:04:33.120 ERROR …`). Its lines say
// nothing of their day, but the file does: a log is appended to, so its clock runs forward, and where it goes back by
// more than lines written out of order do (io/time-seek.ts DEFAULT_SLACK_MS), midnight was passed. Counting those
// turns down the file and anchoring the last line on the day of the file's last write (or on the date its name
// carries) dates every line by its own day. Dating by the last write alone put a three-day log's every line on its
// last day: `since: 1h` found ERRORs of two days ago (rev27c), and a head-only check could not see turns past it.
import { basename } from 'node:path';
import { DEFAULT_SLACK_MS } from '../io/time-seek';
import { clockOn, clockParts, type ClockParts } from './timestamps';
import type { FileIndex } from './types';

// FileIndex lives in types.ts (the parser's types hold it; a type import from here made an import cycle).
export type { FileIndex } from './types';

/** A turn of the clock back found down the file: the line it is at and how far back it went (ms). */
interface Turn {
  line: number;
  backMs: number;
}

/** How far a last line's time may lie after the file's last write and still be that write's (clocks a little apart). */
const WRITE_SLACK_MS = 5 * 60_000;

/** Milliseconds since midnight that `clock` shows. */
function msOfDay({ hour, minute, second, ms }: ClockParts): number {
  return ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/** `YYYY-MM-DD` of a local date. */
function dayText(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The local Date at midnight of `day` (`YYYY-MM-DD`) plus `shift` days. */
function dayDate(day: string, shift = 0): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + shift);
}

/**
 * Minutes the local clock goes back in the course of `day` (the end of summer time: the hour from 02:00 lived
 * twice), 0 on any other day. From the zone's offsets at the day's two midnights.
 */
function fallBackMinutes(day: Date): number {
  const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
  return Math.max(0, next.getTimezoneOffset() - day.getTimezoneOffset());
}

/** A date written in a file's name (`app-2026-11-28.log`, `app.log.20261128`, `2026_11_28.txt`), `YYYY-MM-DD`; the last one. */
export function dateInName(name: string): string | undefined {
  let found: string | undefined;
  for (const m of basename(name).matchAll(/(?<!\d)((?:19|20)\d\d)([-_.]?)(\d\d)\2(\d\d)(?!\d)/g)) {
    const [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const date = new Date(year, month - 1, day);
    if (date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day) found = dayText(date);
  }
  return found;
}

/**
 * Counts, down a file's lines in order, where its clock turns back past midnight. `clockOf` gives a line's time of day
 * as its parser dates it (LineParser.clockOf), undefined for a line without one.
 */
export class ClockDayCounter {
  private lines = 0;
  private before: number | undefined;
  private last: ClockParts | undefined;
  private readonly turns: Turn[] = [];

  constructor(private readonly clockOf: (line: string) => string | undefined) {}

  /** The next line of the file (without its newline). */
  push(line: string): void {
    this.lines++;
    const text = this.clockOf(line);
    const clock = text === undefined ? undefined : clockParts(text);
    if (clock === undefined) return;
    const at = msOfDay(clock);
    if (this.before !== undefined && at < this.before - DEFAULT_SLACK_MS) this.turns.push({ line: this.lines, backMs: this.before - at });
    this.before = at;
    this.last = clock;
  }

  /**
   * The days, anchored by the file's last write (`mtimeMs`) or by the date in `name`. The last write dates the last
   * line when that line's time of day is at or before the write's (within WRITE_SLACK_MS, across midnight too): a
   * later time means the file was copied or touched after its lines were written, and the write says nothing of their
   * day. A date in the name then dates it; so it does when the write is not the day of that date or the day before it
   * (logrotate's dateext names the day of the rotation, which follows the last write).
   */
  finish(mtimeMs: number, name: string): FileIndex {
    const days: FileIndex = { lines: this.lines, dayStarts: [] };
    if (this.last === undefined) return days;
    const written = new Date(mtimeMs);
    const onWriteDay = clockOn(written.getFullYear(), written.getMonth(), written.getDate(), this.last);
    const dayBefore = clockOn(written.getFullYear(), written.getMonth(), written.getDate() - 1, this.last);
    let byWrite: string | undefined;
    if (onWriteDay !== undefined && onWriteDay <= mtimeMs + WRITE_SLACK_MS) byWrite = dayText(written);
    else if (dayBefore !== undefined && dayBefore <= mtimeMs + WRITE_SLACK_MS && mtimeMs - dayBefore <= WRITE_SLACK_MS) byWrite = dayText(dayDate(dayText(written), -1));
    const named = dateInName(name);
    const nameFits = named !== undefined && byWrite !== undefined && (byWrite === named || byWrite === dayText(dayDate(named, -1)));
    if (byWrite !== undefined && (named === undefined || nameFits)) {
      days.lastDay = byWrite;
      days.by = 'write';
    } else if (named !== undefined) {
      days.lastDay = named;
      days.by = 'name';
    } else {
      const last = `${String(this.last.hour).padStart(2, '0')}:${String(this.last.minute).padStart(2, '0')}:${String(this.last.second).padStart(2, '0')}`;
      days.doubt = `its last line's time of day (${last}) is later than its last write (${written.toISOString()} UTC, ${dayText(written)} here): it was copied or touched after its lines were written, so their days are not known`;
      return days;
    }
    // From the last line up: each turn opens a day, the day before the one below it, but for the clock set back at
    // the end of summer time on the day below (by that hour at most, with the slack).
    let below = dayDate(days.lastDay);
    const starts: number[] = [];
    for (let i = this.turns.length - 1; i >= 0; i--) {
      const { line, backMs } = this.turns[i];
      const back = fallBackMinutes(below);
      if (back > 0 && backMs <= back * 60_000 + DEFAULT_SLACK_MS) continue;
      starts.push(line);
      below = new Date(below.getFullYear(), below.getMonth(), below.getDate() - 1);
    }
    days.dayStarts = starts.reverse();
    return days;
  }
}

/**
 * Epoch ms of the time of day `clock` on line `at` (1-based) of the file `days` describes: on the last line's day,
 * less a day for each day start below `at`. Undefined when the days are not known, for a text that is no time of
 * day, and for a line whose number is not given (`at` undefined) in a file of more than one day: no time rather than
 * a wrong one. A line past `days.lines` (the file grew since) is on the last line's day.
 */
export function clockDayEpoch(clock: string, days: FileIndex, at: number | undefined): number | undefined {
  if (days.lastDay === undefined) return undefined;
  if (at === undefined && days.dayStarts.length > 0) return undefined;
  const parts = clockParts(clock);
  if (parts === undefined) return undefined;
  const later = at === undefined ? 0 : daysAfter(days.dayStarts, at);
  const day = dayDate(days.lastDay, -later);
  return clockOn(day.getFullYear(), day.getMonth(), day.getDate(), parts);
}

/** How many of the ascending `starts` are above line `at`'s number (> at): the days between its day and the last. */
function daysAfter(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] <= at) low = mid + 1;
    else high = mid;
  }
  return starts.length - low;
}

/** The line number (1-based) of the `back`-th line from the end (0: the last) of the file `days` describes. */
export function lineFromEnd(days: FileIndex | undefined, back: number): number | undefined {
  return days === undefined ? undefined : days.lines - back;
}

