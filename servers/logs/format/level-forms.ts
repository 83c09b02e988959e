// Level fields written in a program's own shape rather than as a level word between separators: logrus's terminal
// layout (`ERRO[0001]`), the X server's message-type marks (`(EE)`), and `dmesg -x`'s facility and level (`kern  :err   :`).
// Each is read at one header position; a first-character check keeps the positions of ordinary text cheap.
import { normalizeLevel } from './levels';
import { parseTimestamp, type TimestampContext } from './timestamps';
import type { Level } from './types';

/** Which shape a level field had (the file's format is named after it). */
export type LevelForm = 'glued-bracket' | 'thread-level' | 'paren-mark' | 'facility' | 'raw-priority' | 'erlang-report';

export interface LevelFormMatch {
  form: LevelForm;
  /** Index just after the field. */
  end: number;
  level: Level;
  /** Epoch ms, when the field holds a wall-clock time (logrus's full timestamp). */
  epoch?: number;
  /** The syslog facility (`dmesg -x`). */
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

/** A level field of one of the shapes above at `position`, or undefined. */
export function matchLevelForm(line: string, position: number, context: TimestampContext): LevelFormMatch | undefined {
  const c = line.charCodeAt(position);
  if (c === 40 /* ( */) return parenMark(line, position);
  if (c === 60 /* < */) return rawPriority(line, position);
  if (c === 61 /* = */) return erlangReport(line, position, context);
  if (c >= 65 && c <= 90) return gluedBracket(line, position, context);
  if (FACILITY_INITIALS.has(c)) return facilityLevel(line, position);
  return undefined;
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
