// One level scale for every vocabulary a log might use.
import { LEVELS, type Level } from './types';

const WORDS: Record<string, Level> = {
  // Java / log4j / logback / JUL / .NET / Python
  trace: 'TRACE', finest: 'TRACE', finer: 'TRACE', verbose: 'TRACE', verb: 'TRACE',
  vrb: 'TRACE', trce: 'TRACE',
  debug: 'DEBUG', dbg: 'DEBUG', dbug: 'DEBUG', debg: 'DEBUG', fine: 'DEBUG', config: 'DEBUG',
  info: 'INFO', inf: 'INFO', information: 'INFO', informational: 'INFO', notice: 'INFO', note: 'INFO', system: 'INFO', log: 'INFO',
  warn: 'WARN', warning: 'WARN', wrn: 'WARN',
  // .NET console `fail:`; zap `dpanic` (development panic: logged as an error in production).
  error: 'ERROR', err: 'ERROR', eror: 'ERROR', erro: 'ERROR', severe: 'ERROR', fail: 'ERROR', dpanic: 'ERROR',
  fatal: 'FATAL', crit: 'FATAL', critical: 'FATAL', alert: 'FATAL', emerg: 'FATAL', emergency: 'FATAL', panic: 'FATAL',
  ftl: 'FATAL', assert: 'FATAL',
};

/** Android logcat and glog letters; also used for bare `E`/`W` columns. Upper case only: lower-case letters are too often words. */
const LETTERS: Record<string, Level> = { V: 'TRACE', T: 'TRACE', D: 'DEBUG', I: 'INFO', N: 'INFO', W: 'WARN', E: 'ERROR', F: 'FATAL', A: 'FATAL', C: 'FATAL' };

/**
 * Level abbreviations read in upper case only: `not` and `fat` are words. Nim's chronicles writes its levels in three
 * letters (TRC, DBG, INF, NOT or NTC for NOTICE, WRN, ERR, FAT) in its text lines and its JSON `lvl`.
 */
const UPPER_CASE_LEVELS: ReadonlyMap<string, Level> = new Map([['TRC', 'TRACE'], ['NOT', 'INFO'], ['NTC', 'INFO'], ['FAT', 'FATAL']]);

/** Syslog severities 0..7 (RFC 5424). */
const SYSLOG: Level[] = ['FATAL', 'FATAL', 'FATAL', 'ERROR', 'WARN', 'INFO', 'INFO', 'DEBUG'];

/**
 * Maps a level word from any common vocabulary onto the one scale, or undefined when it is not a level.
 * Numbers: 0..7 are syslog severities; 10..60 are bunyan/pino levels (10 trace … 60 fatal).
 * `<3>` (a syslog PRI) is read as its severity.
 */
export function normalizeLevel(word: string | number | undefined | null): Level | undefined {
  if (word === undefined || word === null) return undefined;
  if (typeof word === 'number') return numericLevel(word);
  // A file spells its levels a handful of ways, once per line: each spelling is read once.
  const known = spellings.get(word);
  if (known !== undefined || spellings.has(word)) return known;
  const level = wordLevel(word);
  if (spellings.size >= MAX_SPELLINGS) spellings.clear();
  spellings.set(word, level);
  return level;
}

/** Level spellings already read (bounded: cleared when full). */
const spellings = new Map<string, Level | undefined>();
const MAX_SPELLINGS = 1024;

function wordLevel(word: string): Level | undefined {
  let text = word.trim();
  if (text.length === 0 || text.length > 16) return undefined;
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1).trim();
  else if (text.startsWith('<') && text.endsWith('>')) {
    const pri = Number(text.slice(1, -1));
    return Number.isInteger(pri) && pri >= 0 && pri < 192 ? SYSLOG[pri & 7] : undefined;
  }
  if (text.endsWith(':')) text = text.slice(0, -1);
  if (text.length === 1 && !(text >= '0' && text <= '9')) return LETTERS[text];
  const upper = text.length === 3 ? UPPER_CASE_LEVELS.get(text) : undefined;
  if (upper) return upper;
  if (/^\d+$/.test(text)) return numericLevel(Number(text));
  const lower = text.toLowerCase();
  const direct = WORDS[lower];
  if (direct) return direct;
  // slog's offsets from a level (`WARN+1`, `ERROR-2`) stay on that level.
  const offset = /^([a-z]+)[+-]\d{1,2}$/.exec(lower);
  if (offset && WORDS[offset[1]]) return WORDS[offset[1]];
  // Numbered verbosities: Apache trace1..trace8, PostgreSQL DEBUG1..DEBUG5, MongoDB D1..D5.
  const numbered = /^(trace|debug|d)[1-9]$/.exec(lower);
  if (numbered) return numbered[1] === 'd' ? 'DEBUG' : WORDS[numbered[1]];
  // "log.level"-style prefixes and "LEVEL_ERROR" / "SEVERITY_WARNING" enums.
  const tail = /[._-]([a-z]+)$/.exec(lower);
  if (tail && /^(level|severity|lvl|log|sev)/.test(lower)) return WORDS[tail[1]];
  return undefined;
}

function numericLevel(value: number): Level | undefined {
  if (!Number.isFinite(value) || value < 0) return undefined;
  if (value <= 7 && Number.isInteger(value)) return SYSLOG[value];
  if (value >= 10 && value <= 69) return LEVELS[Math.min(5, Math.floor(value / 10) - 1)];
  return undefined;
}

/**
 * The scale small numbers (0..7) of a JSON file's level field count on: syslog severities count down (0 emergency …
 * 7 debug), the scale Nextcloud and ownCloud write counts up (0 debug, 1 info, 2 warn, 3 error, 4 fatal), .NET's
 * counts up from trace (`dotnet`: 0 trace, 1 debug, 2 information, 3 warning, 4 error, 5 critical or fatal, 6 none).
 * Undefined when the file does not show which (numericLevelOn then reads only the values both syslog's and Nextcloud's
 * agree on, or only syslog has).
 */
export type SmallLevelScale = 'syslog' | 'ascending' | 'dotnet' | undefined;

/**
 * The scale a file's levels in hundreds count on: Monolog's counts up (100 debug, 200 info, 250 notice, 300 warning,
 * 400 error, 500 critical, 550 alert, 600 emergency), Log4j 2's intLevel counts down (100 fatal, 200 error, 300 warn,
 * 400 info, 500 debug, 600 trace). Undefined when the file does not show which (then only 300, a warning on both, is read).
 */
export type HundredsLevelScale = 'monolog' | 'log4j' | undefined;

/** The scale of a file's numeric levels, small (0..7) or in hundreds, as its sample shows it (levelScale). */
export type LevelScale = SmallLevelScale | HundredsLevelScale;

/** Nextcloud/ownCloud's ILogger levels 0..4, counting up. */
const ASCENDING: Level[] = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];

/**
 * .NET's level enums, which a JSON serializer writes as numbers unless told to write names: Microsoft.Extensions.Logging's
 * LogLevel (Trace 0 … Critical 5, None 6: never a message's), Serilog's LogEventLevel (Verbose 0 … Fatal 5) and NLog's
 * ordinals (Trace 0 … Fatal 5, Off 6) agree.
 */
const DOTNET: Level[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];

/** Monolog's levels (RFC 5424's names on a scale counting up in hundreds): 250 notice, 550 alert. */
const MONOLOG: Record<number, Level> = { 100: 'DEBUG', 200: 'INFO', 250: 'INFO', 300: 'WARN', 400: 'ERROR', 500: 'FATAL', 550: 'FATAL', 600: 'FATAL' };

/** Log4j 2's standard levels' intLevel (StandardLevel), counting down in hundreds. */
const LOG4J: Record<number, Level> = { 100: 'FATAL', 200: 'ERROR', 300: 'WARN', 400: 'INFO', 500: 'DEBUG', 600: 'TRACE' };

/**
 * A JSON record's numeric level: 0..7 on `scale` (undefined scale: the level when syslog's and the ascending reading
 * agree, 3 = error, or when only syslog has the value, 5..7; otherwise undefined, as the number alone cannot tell);
 * 10..69 bunyan/pino (10 trace … 60 fatal); 100..600 on Monolog's or Log4j 2's scale (undefined scale: only 300, a
 * warning on both). Undefined for any other number.
 */
export function numericLevelOn(value: number, scale: LevelScale): Level | undefined {
  if (value >= 100) {
    if (scale === 'monolog' || scale === 'log4j') return (scale === 'monolog' ? MONOLOG : LOG4J)[value];
    return MONOLOG[value] === LOG4J[value] ? MONOLOG[value] : undefined;
  }
  if (scale === 'monolog' || scale === 'log4j') scale = undefined;
  if (scale === 'dotnet') return Number.isInteger(value) && value >= 0 && value <= 7 ? DOTNET[value] : numericLevel(value);
  if (Number.isInteger(value) && value >= 0 && value <= 7) {
    if (scale === 'syslog' || value > 4) return scale === 'ascending' ? undefined : SYSLOG[value];
    if (scale === 'ascending') return ASCENDING[value];
    return SYSLOG[value] === ASCENDING[value] ? SYSLOG[value] : undefined;
  }
  return numericLevel(value);
}

/** Share of a file's levels above which a reading that puts them at ERROR or above is not believed (a log is mostly routine). */
const MOSTLY = 0.5;
/** Records below which that share says nothing: a file of one or two records may well be one crash's. */
const MOSTLY_MIN_RECORDS = 3;

/**
 * The scale a file's numeric levels (`values`, from its sample's records) count on: in hundreds when it writes any
 * (hundredsLevelScale); .NET's (`dotnet`) when `dotnet`, most of those records carrying fields only .NET loggers write
 * beside their level (envelopes.ts dotnetFields), and every value is one of its enum's (0..6); else small
 * (smallLevelScale). The numbers alone cannot tell .NET's 2 (information) from Nextcloud's (warning) or syslog's
 * (critical): a .NET log of Information lines with one Critical (5, which only syslog has among the others) was read as
 * syslog's, every Information line FATAL.
 */
export function levelScale(values: number[], dotnet = false): LevelScale {
  if (values.some((v) => v >= 100)) return hundredsLevelScale(values);
  if (dotnet && values.length > 0 && values.every((v) => Number.isInteger(v) && v >= 0 && v <= 6)) return 'dotnet';
  return smallLevelScale(values);
}

/**
 * The scale a file's levels in hundreds (`values`) count on: Monolog's when a value only Monolog has shows (250 notice,
 * 550 alert); otherwise the reading that does not make most entries errors or worse (a Log4j 2 log of `400`s is mostly
 * INFO, not ERROR; a Monolog log of `200`s mostly INFO, not ERROR), when the other does. Undefined when the values
 * cannot tell (fewer than MOSTLY_MIN_RECORDS, or both readings as plausible).
 */
export function hundredsLevelScale(values: number[]): HundredsLevelScale {
  const hundreds = values.filter((v) => MONOLOG[v] !== undefined);
  if (hundreds.some((v) => LOG4J[v] === undefined)) return 'monolog';
  if (hundreds.length < MOSTLY_MIN_RECORDS) return undefined;
  const severe = (scale: Record<number, Level>) => hundreds.filter((v) => LEVELS.indexOf(scale[v]) >= LEVELS.indexOf('ERROR')).length / hundreds.length;
  const monologSevere = severe(MONOLOG) > MOSTLY;
  const log4jSevere = severe(LOG4J) > MOSTLY;
  if (monologSevere === log4jSevere) return undefined;
  return monologSevere ? 'log4j' : 'monolog';
}

/**
 * The scale a file's small numeric levels (`values`, from its sample's records) count on. A value above 4 only syslog
 * has; otherwise a reading that makes most entries errors or worse is the wrong one (Nextcloud's `1` for a login is
 * INFO, syslog's alert), when the other reading does not. Undefined when the values cannot tell (none, fewer than
 * MOSTLY_MIN_RECORDS, or both readings as plausible).
 */
export function smallLevelScale(values: number[]): SmallLevelScale {
  const small = values.filter((v) => Number.isInteger(v) && v >= 0 && v <= 7);
  if (small.length === 0) return undefined;
  if (small.some((v) => v > 4)) return 'syslog';
  if (small.length < MOSTLY_MIN_RECORDS) return undefined;
  const severe = (scale: Level[]) => small.filter((v) => LEVELS.indexOf(scale[v]) >= LEVELS.indexOf('ERROR')).length / small.length;
  const syslogSevere = severe(SYSLOG) > MOSTLY;
  const ascendingSevere = severe(ASCENDING) > MOSTLY;
  if (syslogSevere === ascendingSevere) return undefined;
  return syslogSevere ? 'ascending' : 'syslog';
}

/** True when `level` is at or above `minimum` on the scale (minimum-level filter semantics). */
export function levelAtLeast(level: Level | undefined, minimum: Level): boolean {
  return level !== undefined && LEVELS.indexOf(level) >= LEVELS.indexOf(minimum);
}

/**
 * Level names in other languages, as localized loggers write them in their level column: java.util.logging's localized
 * level names (Level.getLocalizedName, which Tomcat's OneLineFormatter and JUL's SimpleFormatter print: `심각 [main]`,
 * `SCHWERWIEGEND:`, `WARNUNG`, `AVERTISSEMENT`, `重大`, `严重`), and the level names of Windows' event logs and of
 * localized application loggers (`오류`/`경고`/`정보`, `Fehler`/`Warnung`, `エラー`, `错误`, `Ошибка`). Keys are lower
 * case (scripts without case are as written). Only for a value its file shows to be a level column (header.ts
 * columnOnlyLevel): in free text these are ordinary words (`Fehler beim Lesen`, `정보 없음`), never a level. A Map, not
 * an object: `constructor` or `__proto__` must find nothing, not a member every object inherits.
 */
const LOCALIZED: ReadonlyMap<string, Level> = new Map(Object.entries({
  // German
  schwerwiegend: 'ERROR', fehler: 'ERROR', kritisch: 'FATAL', warnung: 'WARN', informationen: 'INFO', konfiguration: 'DEBUG', fein: 'DEBUG', feiner: 'TRACE',
  // French
  grave: 'ERROR', erreur: 'ERROR', critique: 'FATAL', avertissement: 'WARN', infos: 'INFO',
  // Spanish, Italian, Portuguese
  advertencia: 'WARN', 'información': 'INFO', 'crítico': 'FATAL', errore: 'ERROR', avvertenza: 'WARN', avviso: 'WARN', informazioni: 'INFO',
  'advertência': 'WARN', aviso: 'WARN', 'informações': 'INFO',
  // Swedish
  allvarlig: 'ERROR', varning: 'WARN',
  // The rest of java.util.logging's level names in the languages the JDK ships (sun/util/logging/resources/logging_*:
  // de es fr it ja ko pt_BR sv zh_CN zh_TW; Level.getLocalizedLevelName upper-cases them in their locale): CONFIG, FINE,
  // FINER and FINEST, some of several words (`AM FEINSTEN`, `보다 미세`), read where a whole level name stands (a level
  // column, JUL's `LEVEL: message` line). `詳細` is Japanese FINER but Chinese (Taiwan) FINE: DEBUG.
  'am feinsten': 'TRACE',
  configurar: 'DEBUG', detallado: 'DEBUG', 'muy detallado': 'TRACE', 'más detallado': 'TRACE',
  'précis': 'DEBUG', 'plus précis': 'TRACE', 'le plus précis': 'TRACE',
  configurazione: 'DEBUG', buono: 'DEBUG', migliore: 'TRACE', ottimale: 'TRACE',
  'configuração': 'DEBUG', detalhado: 'DEBUG', 'mais detalhado': 'TRACE', 'o mais detalhado': 'TRACE',
  konfig: 'DEBUG', fin: 'DEBUG', finare: 'TRACE', finaste: 'TRACE',
  '보다 미세': 'TRACE', '가장 미세': 'TRACE',
  '構成': 'DEBUG', '普通': 'DEBUG', '詳細': 'DEBUG', '最も詳細': 'TRACE',
  '配置': 'DEBUG', '详细': 'DEBUG', '较详细': 'TRACE', '非常详细': 'TRACE', '組態': 'DEBUG', '較詳細': 'TRACE', '最詳細': 'TRACE',
  // Russian
  'ошибка': 'ERROR', 'критическая': 'FATAL', 'предупреждение': 'WARN', 'сведения': 'INFO', 'информация': 'INFO', 'отладка': 'DEBUG',
  // Korean (`위험` is Critical in the Korean event viewer: Windows' level 1). Application loggers translate the six
  // levels in more than one way (`치명` and `치명적` for FATAL, `주의` beside `경고`, `추적`, `디버깅`): a level column is
  // learned when nearly all its values are names here, and a value missing here leaves its lines without a level, so a
  // file's FATAL lines went uncounted (break33).
  '위험': 'FATAL', '심각': 'ERROR', '치명': 'FATAL', '치명적': 'FATAL', '긴급': 'FATAL', '오류': 'ERROR', '에러': 'ERROR', '경고': 'WARN', '주의': 'WARN',
  '정보': 'INFO', '알림': 'INFO', '디버그': 'DEBUG', '디버깅': 'DEBUG', '구성': 'DEBUG', '미세': 'DEBUG', '추적': 'TRACE', '자세한 정보': 'TRACE',
  // Japanese
  '重大': 'ERROR', '致命的': 'FATAL', '緊急': 'FATAL', 'エラー': 'ERROR', '警告': 'WARN', '注意': 'WARN', '情報': 'INFO', '通知': 'INFO', 'デバッグ': 'DEBUG', 'トレース': 'TRACE',
  // Chinese (simplified, traditional)
  '严重': 'ERROR', '致命': 'FATAL', '紧急': 'FATAL', '错误': 'ERROR', '信息': 'INFO', '调试': 'DEBUG', '跟踪': 'TRACE', '追踪': 'TRACE',
  '嚴重': 'ERROR', '錯誤': 'ERROR', '資訊': 'INFO', '偵錯': 'DEBUG', '追蹤': 'TRACE',
} satisfies Record<string, Level>));

/** LOCALIZED's names (lower case): what a reader's quick refusal of a word is built from (header.ts columnLevel). */
export const LOCALIZED_LEVEL_NAMES: readonly string[] = [...LOCALIZED.keys()];

/** A name in the Latin or Cyrillic script (and spaces): `SCHWERWIEGEND`, `GRAVE`, `INFORMACIÓN`, `ОШИБКА`. */
const LATIN_OR_CYRILLIC = /^[\p{Script=Latin}\p{Script=Cyrillic} ]+$/u;

/**
 * True for a level name (as localizedLevel reads it) in a language whose locales write a numeric date day first
 * (`3/12/2026`, `03.12.2026`): every LOCALIZED name in the Latin or Cyrillic script (German, French, Spanish, Italian,
 * Portuguese, Swedish, Russian). English names are none of them (en-US writes month first, en-GB day first), nor are
 * the CJK ones (their locales write the year first).
 */
export function namesDayFirstLocale(word: string): boolean {
  return localizedLevel(word) !== undefined && LATIN_OR_CYRILLIC.test(word);
}

/**
 * A level name in another language (LOCALIZED) as a level column writes it: upper case or capitalised for the scripts
 * with case (`WARNUNG`, `Warnung`), as is for the others; undefined otherwise (`warnung` in lower case is a word of text).
 */
export function localizedLevel(word: string): Level | undefined {
  const lower = word.toLowerCase();
  const level = LOCALIZED.get(lower);
  if (!level) return undefined;
  if (lower === word.toUpperCase()) return level;
  return word === word.toUpperCase() || word === lower.charAt(0).toUpperCase() + lower.slice(1) ? level : undefined;
}
