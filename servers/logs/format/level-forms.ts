// Level fields written in a program's own shape rather than as a level word between separators: logrus's terminal
// layout (`ERRO[0001]`), the X server's message-type marks (`(EE)`), `dmesg -x`'s facility and level (`kern  :err   :`),
// an object log's module and type before the level (`[723127a0] main input debug:`), and a level with the time of
// day in one bracket (`[Info  - 3:49:35 PM]`, an editor's output channel).
// Each is read at one header position; a first-character check keeps the positions of ordinary text cheap.
import { normalizeLevel } from './levels';
import { parseTimestamp, type TimestampContext } from './timestamps';
import type { Level } from './types';

/** Which shape a level field had (the file's format is named after it). */
export type LevelForm = 'glued-bracket' | 'thread-level' | 'paren-mark' | 'facility' | 'raw-priority' | 'erlang-report' | 'object-level' | 'level-clock';

export interface LevelFormMatch {
  form: LevelForm;
  /** Index just after the field. */
  end: number;
  level: Level;
  /** Epoch ms, when the field holds a wall-clock time (logrus's full timestamp). */
  epoch?: number;
  /** The syslog facility (`dmesg -x`); an object log's module and object type (`main input`). */
  component?: string;
}

/**
 * logrus's TextFormatter on a terminal (or with ForceColors, colors stripped): the level upper-cased and cut to four
 * letters, glued to a bracket holding seconds since the program started (`INFO[0042]`) or, with FullTimestamp, its
 * time (`ERRO[2018-02-02T09:23:05.575578120-02:00]`). Whole level words glued the same way are read too, and a level
 * glued to the thread's id and more ids (`VERBOSE[15558][C-000009fa]`, `NOTICE[2225]:`: Asterisk's thread and call),
 * which no word of prose is written as; a colon may close it.
 */
const GLUED_BRACKET_LEVEL_AT = /(TRACE?|DEBUG?|VERBOSE|INFO|NOTICE|WARN(?:ING)?|ERROR?|FATAL?|PANIC?)\[([^\]\s][^\]]{0,63})\]((?:\[[^\]\s][^\]]{0,63}\])*)(?::(?=\s))?(?=\s|$)/y;
const GLUED_LEVELS: Record<string, Level> = { TRAC: 'TRACE', DEBU: 'DEBUG', ERRO: 'ERROR', FATA: 'FATAL', PANI: 'FATAL' };
/** Seconds since start (`0000`, `12.5`): no wall-clock time. */
const SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * The X server's message types (xorg.conf(5), Xorg(1)): (EE) error, (WW) warning, and the informational (II), (NI) not
 * implemented, (??) unknown, (--) probed, (**) from the config file, (==) a default, (++) from the command line,
 * (!!) notice.
 */
const PAREN_MARK_AT = /\((EE|WW|II|NI|\?\?|--|\*\*|==|\+\+|!!)\)(?=\s|$)/y;

/** `dmesg -x` (util-linux): the facility and the level, each padded and followed by a colon. */
const FACILITY_LEVEL_AT = /(kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7]) *:(emerg|alert|crit|err|warn|notice|info|debug) *:(?=\s|$)/y;
/**
 * busybox syslogd's and OpenWrt logread's `facility.level` between the host and the program (`homematic-ccu2
 * daemon.debug node-red[28501]: …`), optionally closed by a colon (`daemon.info : …`).
 */
const DOTTED_FACILITY_LEVEL_AT = /(kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7])\.(emerg|alert|crit|err|warn|warning|notice|info|debug)(?: ?:)?(?=\s|$)/y;
/** The program's tag after the dotted form (`node-red[28501]:`): it belongs to the same field, as syslog's tag does. */
const PROGRAM_TAG_AT = /\s+([^\s:[\]]{1,64}(?:\[\d+\])?):(?=\s|$)/y;
const FACILITY_INITIALS = new Set([...'kumdaslncf'].map((c) => c.charCodeAt(0)));

/** `dmesg -r` (raw): the syslog priority glued to the uptime stamp, `<4>[    0.000000] …`. */
const RAW_PRIORITY_AT = /<(\d{1,3})>(?=\[)/y;

/**
 * Erlang/OTP's report heading (error_logger's tty format, and logger's since OTP 21 for reports): `=ERROR REPORT====
 * 2-Dec-2026::08:00:02.123456 ===`, its report's lines below it. The kind of report is its level: CRASH (a process
 * died) and SUPERVISOR (a supervisor's child failed) are written at error level by OTP, PROGRESS at info; the others
 * name a logger level (ERROR, WARNING, INFO, NOTICE, CRITICAL, ALERT, EMERGENCY, DEBUG).
 */
const ERLANG_REPORT_AT = /=([A-Z]{4,9}) REPORT==== (\d{1,2}-[A-Z][a-z]{2}-\d{4})::(\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?) ===(?=\s|$)/y;
const ERLANG_REPORT_LEVELS: Record<string, Level> = { CRASH: 'ERROR', SUPERVISOR: 'ERROR', PROGRESS: 'INFO' };

/**
 * An object log's header after the object's address (VLC's `[%p] %s %s%s: `, src/misc/messages.c: the module's name,
 * the object's type, then ` debug`, ` warning` or ` error`; nothing for information): `[723127a0] main input debug:`,
 * `[0x1005015c0] main libvlc debug:`, `[72200f80] cache_read stream debug:`. One to three lower-case names, then the
 * level word closed by a colon. Read only right after a bracketed address (ADDRESS_BEFORE): after a time, `disk check
 * error: …` is a statement's words.
 */
const OBJECT_LEVEL_AT = /((?:[a-z][\w-]{0,31} ){0,2}[a-z][\w-]{0,31}) (debug|warning|error):(?=\s)/y;
/** An object's address in brackets with the blank after it: hexadecimal, `0x` maybe before it, a thread's id maybe after. */
const ADDRESS_BEFORE = /^\[(?:0x)?[0-9a-f]{6,16}(?:\/[0-9a-f]{1,8})?\] $/;
/** Characters an address bracket with its blank takes at most (ADDRESS_BEFORE). */
const ADDRESS_CHARS = 30;

/**
 * A level word, a dash and the time of day in one bracket, then a blank: VS Code's output channels (vscode-languageclient
 * writes `[Info  - 3:49:35 PM]`, `[Error - 14:36:07]`: the level padded to five, the time as the user's locale writes
 * it, 12- or 24-hour), which every language server's log shown or saved from the editor carries. The time has no date:
 * the line is left undated rather than dated by a guess. The locale's day-period marker is a word of letters in its own
 * script, before the time in East Asian locales (`오후 3:49:35`, `午後3:49:36`, `上午 9:01:02`) and after it elsewhere
 * (`3:49:35 PM`, `3:49:35 p.m.`, `3:49:35 μ.μ.`), and the digits may be the locale's own (`৩:৪৯:৩৫ PM`): any of them is
 * read, as the level word and the dash already tell the bracket's shape.
 */
const LEVEL_CLOCK_AT = /\[([A-Za-z]{3,11}) +- +(?:\p{L}[\p{L}.]{0,5} ?)?\p{Nd}{1,2}:\p{Nd}{2}(?::\p{Nd}{2}(?:[.,]\p{Nd}{1,9})?)?(?: ?\p{L}[\p{L}.]{0,5})?\](?=\s|$)/uy;

/** A level field of one of the shapes above at `position`, or undefined. */
export function matchLevelForm(line: string, position: number, context: TimestampContext): LevelFormMatch | undefined {
  const c = line.charCodeAt(position);
  if (c === 40 /* ( */) return parenMark(line, position);
  if (c === 60 /* < */) return rawPriority(line, position);
  if (c === 61 /* = */) return erlangReport(line, position, context);
  if (c === 91 /* [ */) return levelClock(line, position);
  if (c >= 65 && c <= 90) return gluedBracket(line, position, context);
  if (c >= 97 && c <= 122 && line.charCodeAt(position - 2) === 93 /* ] */) {
    const object = objectLevel(line, position, true);
    if (object) return object;
  }
  if (FACILITY_INITIALS.has(c)) return facilityLevel(line, position);
  return undefined;
}

/**
 * Whether a bracketed address and its blank end at `position` (ADDRESS_BEFORE). With `hexadecimal`, one written so
 * that it cannot be a decimal number (`0x` or a letter in it): a pid's or a session's bracket (`[1518953116]`) before a
 * statement's words is no address. The file's learned field reads every address, `[72200238]` too.
 */
function afterAddress(line: string, position: number, hexadecimal: boolean): boolean {
  if (line.charCodeAt(position - 2) !== 93 /* ] */) return false;
  const open = line.lastIndexOf('[', position - 3);
  if (open < 0 || position - open > ADDRESS_CHARS) return false;
  const address = line.slice(open, position);
  return ADDRESS_BEFORE.test(address) && (!hexadecimal || HEXADECIMAL.test(address));
}

/** A number written in hexadecimal: `0x` before it, or a letter among its digits. */
const HEXADECIMAL = /^\[(?:0x|[0-9]*[a-f])/;

/** One to three lower-case names closed by a colon: an object log's module and type with no level word after them. */
const OBJECT_AT = /((?:[a-z][\w-]{0,31} ){0,2}[a-z][\w-]{0,31}):(?=\s)/y;

/**
 * An object log's module and type at `position`, where the file's learned level field is an object log's (header.ts
 * readField): after any address (`[72200238]` too), and with no level word (`[e0caa9d8/1077] core input: …`: VLC writes
 * none for information, and a relay may drop the word; Android's log keeps its own). Alone, `[7f3a2b1c] connection
 * closed: …` may be a thread's id and the statement's words, so neither is read outside such a file. Without the word
 * the level is left unsaid: the line does not write it.
 */
export function objectColumn(line: string, position: number): { end: number; component: string; level?: Level; form: LevelForm } | undefined {
  const leveled = objectLevel(line, position, false);
  if (leveled) return leveled as { end: number; component: string; level: Level; form: LevelForm };
  if (!afterAddress(line, position, false)) return undefined;
  OBJECT_AT.lastIndex = position;
  const m = OBJECT_AT.exec(line);
  return m ? { end: position + m[0].length, component: m[1], form: 'object-level' } : undefined;
}

function objectLevel(line: string, position: number, hexadecimal: boolean): LevelFormMatch | undefined {
  if (!afterAddress(line, position, hexadecimal)) return undefined;
  OBJECT_LEVEL_AT.lastIndex = position;
  const m = OBJECT_LEVEL_AT.exec(line);
  const level = m ? normalizeLevel(m[2]) : undefined;
  return m && level ? { form: 'object-level', end: position + m[0].length, level, component: m[1] } : undefined;
}

function gluedBracket(line: string, position: number, context: TimestampContext): LevelFormMatch | undefined {
  // Every spelling has its `[` four to seven characters on (TRAC, DEBUG, WARNING): looked for there only, not along the line.
  let bracket = position + 4;
  while (bracket <= position + 7 && line.charCodeAt(bracket) !== 91) bracket++;
  if (bracket > position + 7) return undefined;
  GLUED_BRACKET_LEVEL_AT.lastIndex = position;
  const m = GLUED_BRACKET_LEVEL_AT.exec(line);
  if (!m) return undefined;
  const level = GLUED_LEVELS[m[1]] ?? normalizeLevel(m[1]);
  if (!level) return undefined;
  // logrus writes its level first on the line, with one bracket, and has no verbose or notice level: a level glued to
  // more ids, after other fields or spelled so is a thread's (Asterisk's `[time] VERBOSE[15558][C-000009fa]`).
  const threaded = m[3].length > 0 || position > 0 || m[1] === 'VERBOSE' || m[1] === 'NOTICE';
  const match: LevelFormMatch = { form: threaded ? 'thread-level' : 'glued-bracket', end: position + m[0].length, level };
  if (!threaded && !SECONDS.test(m[2])) {
    const epoch = parseTimestamp(m[2], context);
    if (epoch !== undefined) match.epoch = epoch;
  }
  return match;
}

function levelClock(line: string, position: number): LevelFormMatch | undefined {
  LEVEL_CLOCK_AT.lastIndex = position;
  const m = LEVEL_CLOCK_AT.exec(line);
  const level = m ? normalizeLevel(m[1]) : undefined;
  return m && level ? { form: 'level-clock', end: position + m[0].length, level } : undefined;
}

const PAREN_LEVELS: Record<string, Level> = { EE: 'ERROR', WW: 'WARN' };

function parenMark(line: string, position: number): LevelFormMatch | undefined {
  PAREN_MARK_AT.lastIndex = position;
  const m = PAREN_MARK_AT.exec(line);
  return m ? { form: 'paren-mark', end: position + m[0].length, level: PAREN_LEVELS[m[1]] ?? 'INFO' } : undefined;
}

function erlangReport(line: string, position: number, context: TimestampContext): LevelFormMatch | undefined {
  ERLANG_REPORT_AT.lastIndex = position;
  const m = ERLANG_REPORT_AT.exec(line);
  const level = m ? (ERLANG_REPORT_LEVELS[m[1]] ?? normalizeLevel(m[1])) : undefined;
  if (!m || !level) return undefined;
  const match: LevelFormMatch = { form: 'erlang-report', end: position + m[0].length, level };
  const epoch = parseTimestamp(`${m[2]} ${m[3]}`, context);
  if (epoch !== undefined) match.epoch = epoch;
  return match;
}

function rawPriority(line: string, position: number): LevelFormMatch | undefined {
  RAW_PRIORITY_AT.lastIndex = position;
  const m = RAW_PRIORITY_AT.exec(line);
  const level = m ? normalizeLevel(`<${m[1]}>`) : undefined;
  return m && level ? { form: 'raw-priority', end: position + m[0].length, level } : undefined;
}

function facilityLevel(line: string, position: number): LevelFormMatch | undefined {
  // The facility's colon comes within its padded column (eight letters at most); its dot right after its name.
  let colon = position + 3;
  while (colon < position + 10 && line.charCodeAt(colon) !== 58 && line.charCodeAt(colon) !== 46) colon++;
  const mark = line.charCodeAt(colon);
  if (mark !== 58 && mark !== 46) return undefined;
  const form = mark === 58 ? FACILITY_LEVEL_AT : DOTTED_FACILITY_LEVEL_AT;
  form.lastIndex = position;
  const m = form.exec(line);
  const level = m ? normalizeLevel(m[2]) : undefined;
  if (!m || !level) return undefined;
  if (mark === 58) return { form: 'facility', end: position + m[0].length, level, component: m[1] };
  // The dotted form stands before the program's tag, which names the component and is read with it: what follows the
  // tag is the program's own line, whose header (and level: the facility's is procd's guess, `daemon.err` for all of a
  // program's stderr) the caller reads next, as behind any syslog tag.
  const end = position + m[0].length;
  PROGRAM_TAG_AT.lastIndex = end;
  const tag = PROGRAM_TAG_AT.exec(line);
  return tag ? { form: 'facility', end: end + tag[0].length, level, component: tag[1] } : { form: 'facility', end, level };
}
