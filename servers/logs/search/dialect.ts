// The one regex dialect of search_logs, for every file (plain or .gz) and both engines: JavaScript's RegExp syntax
// with the u flag (Unicode code points, \p{…} property escapes; \w, \d, \s, \b and . as JavaScript defines them, so
// \w and \b are ASCII-only). The Node engine runs the pattern as it is. For ripgrep the pattern is translated into
// Rust's syntax with the same meaning (ASCII \w, \d, \b; JavaScript's \s and .), or, when it uses what Rust's regex
// lacks (lookaround, backreferences), not handed to ripgrep at all; and every line ripgrep reports is confirmed with
// the JavaScript regex, so that the lines returned never depend on which engine ran.
import type { PatternSpec } from './types';

/** The dialect's name, as tool descriptions and errors give it. */
export const REGEX_DIALECT = 'JavaScript RegExp syntax with the u (Unicode) flag';

/** Escapes text so that a pattern in the dialect matches it literally (outside a character class). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const SYNTAX = new Set('^$\\.*+?()[]{}|/');

/**
 * Forms other dialects accept that the u flag refuses, rewritten to what they mean there: a backslash before
 * punctuation that is not special (`\:`, `\"`, `\-` outside a class: the character itself) and a bare script name
 * in a property escape (`\p{Han}`: `\p{Script=Han}`).
 */
export function normalizePattern(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length) {
      const next = source[i + 1];
      const property = (next === 'p' || next === 'P') && source[i + 2] === '{' ? /^\{([A-Za-z_]+)\}/.exec(source.slice(i + 2)) : null;
      if (property && !validInDialect(`\\p{${property[1]}}`) && validInDialect(`\\p{Script=${property[1]}}`)) {
        out += `\\${next}{Script=${property[1]}}`;
        i += 1 + property[0].length;
        continue;
      }
      const punctuation = /[!-/:-@[-`{-~]/.test(next) && !SYNTAX.has(next) && !(inClass && next === '-');
      out += punctuation ? next : c + next;
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

function validInDialect(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** A pattern compiled in the dialect: `scan` (global, multiline) for blocks of lines, `line` for one line. */
export interface CompiledPattern {
  scan: RegExp;
  line: RegExp;
  /** The dialect's source (a literal escaped, a regex normalized). */
  source: string;
  flags: string;
}

/**
 * The most positions a regex of the dialect may expand to (patternSize). ripgrep builds an automaton of that many
 * states and more (measured, ripgrep 13, -i, on a 1.2 MB log: `a{2000}` 0.2 s, `a{10000}` 1.4 s, `a{40000}` 16 s,
 * `a{99999}` 19 s, `\p{L}{200}` 1.8 s), and a backtracking match tries each of them at every start (`a{99999}` on a
 * line of 50,000 `a`: 13 s in V8): one search stalled a minute. Real searches stay far below (`[0-9a-f]{64}`,
 * `.{0,200}`, an IPv4 address: 15).
 */
export const MAX_PATTERN_SIZE = 2000;
/** A Unicode property class (`\p{L}`) as positions of patternSize: ripgrep expands it into hundreds of byte ranges. */
const PROPERTY_CLASS_SIZE = 20;

/** A pattern valid in the dialect that would cost too much to compile and match (patternSize above MAX_PATTERN_SIZE). */
export class PatternCostError extends SyntaxError {}

/**
 * The positions `source` (a regex of the dialect) expands to, as an automaton holds them: an atom or class is one (a
 * property class PROPERTY_CLASS_SIZE), a group the sum of its alternatives, a counted repetition `{m,n}` its atom times
 * the larger count (`{m,}` m + 1). An estimate for MAX_PATTERN_SIZE, not a parser: it never throws, and a source that
 * is no valid regex is sized as far as it reads.
 */
export function patternSize(source: string): number {
  // Per open group: the finished alternatives' size, the current one's, and the size of its last atom (for a count).
  const frames: { done: number; current: number; last: number }[] = [{ done: 0, current: 0, last: 0 }];
  const top = () => frames[frames.length - 1];
  const atom = (size: number) => {
    top().current += size;
    top().last = size;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const property = (source[i + 1] === 'p' || source[i + 1] === 'P') && source[i + 2] === '{';
      if (property || source[i + 1] === 'u' && source[i + 2] === '{') i = Math.max(i + 1, source.indexOf('}', i));
      else i++;
      atom(property ? PROPERTY_CLASS_SIZE : 1);
    } else if (c === '[') {
      let property = false;
      for (i++; i < source.length && source[i] !== ']'; i++) {
        if (source[i] !== '\\') continue;
        if (source[i + 1] === 'p' || source[i + 1] === 'P') property = true;
        i++;
      }
      atom(property ? PROPERTY_CLASS_SIZE : 1);
    } else if (c === '(') {
      frames.push({ done: 0, current: 0, last: 0 });
    } else if (c === ')' && frames.length > 1) {
      const group = frames.pop()!;
      atom(group.done + group.current);
    } else if (c === '|') {
      top().done += top().current;
      top().current = 0;
      top().last = 0;
    } else if (c === '{') {
      const count = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!count) {
        atom(1);
        continue;
      }
      const times = count[2] === undefined ? Number(count[1]) : count[3] === '' ? Number(count[1]) + 1 : Math.max(Number(count[1]), Number(count[3]));
      top().current += top().last * (times - 1);
      top().last *= times;
      i += count[0].length - 1;
    } else if (c !== '*' && c !== '+' && c !== '?' && c !== '^' && c !== '$') {
      atom(1);
    }
  }
  while (frames.length > 1) {
    const group = frames.pop()!;
    atom(group.done + group.current);
  }
  return frames[0].done + frames[0].current;
}

/**
 * Compiles the user's pattern (literal text, or a regex in the dialect). Throws SyntaxError with a message a person
 * can act on when the regex is not valid in the dialect, or when it expands past MAX_PATTERN_SIZE (patternSize).
 */
export function compilePattern(spec: Pick<PatternSpec, 'source' | 'literal' | 'caseSensitive'>): CompiledPattern {
  const source = spec.literal ? escapeRegex(spec.source) : normalizePattern(spec.source);
  const flags = spec.caseSensitive ? 'u' : 'iu';
  const size = spec.literal ? 0 : patternSize(source);
  if (size > MAX_PATTERN_SIZE) {
    throw new PatternCostError(
      `the pattern's repetitions expand it to about ${size.toLocaleString('en-US')} positions, more than the ${MAX_PATTERN_SIZE.toLocaleString('en-US')} a search allows (it would take seconds to minutes to compile and match); ` +
        'a smaller count finds the same lines and more (a{2000} matches every line a{99999} does), or search a literal',
    );
  }
  try {
    return { scan: new RegExp(source, `gm${flags}`), line: new RegExp(source, flags), source, flags };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SyntaxError(`${reason} (patterns use ${REGEX_DIALECT}: escape { } [ ] ( ) with a backslash when meant literally, write \\p{Script=Han} for a script)`, { cause: error });
  }
}

/** JavaScript's \s (WhiteSpace and LineTerminator), written for a Rust character class. */
const JS_SPACE = String.raw`\t\n\x0B\f\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
const CLASS_ESCAPES: Record<string, string> = { d: '0-9', w: '0-9A-Za-z_', s: JS_SPACE };
/** Characters Rust's parser treats as special (escaped whenever they are meant literally). */
const RUST_META = new Set('\\.+*?()|[]{}^$#&-~');
const SIMPLE_ESCAPES: Record<string, string> = { t: '\\t', n: '\\n', r: '\\r', f: '\\f', v: '\\x0B', '0': '\\x00' };

/** `c` as a literal in Rust's syntax. */
function rustLiteral(c: string): string {
  if (RUST_META.has(c)) return `\\${c}`;
  const code = c.codePointAt(0)!;
  return code < 0x20 || code === 0x7f ? `\\x{${code.toString(16)}}` : c;
}

/** Reads `\u{…}`, `\uXXXX`, `\xHH` or `\cX` at source[i] (the backslash) as a code point; undefined for other escapes. */
function codePointEscape(source: string, i: number): { code: number; length: number } | undefined {
  const rest = source.slice(i + 1);
  const match = /^u\{([0-9a-fA-F]+)\}|^u([0-9a-fA-F]{4})|^x([0-9a-fA-F]{2})|^c([A-Za-z])/.exec(rest);
  if (!match) return undefined;
  const code = match[4] ? match[4].charCodeAt(0) % 32 : parseInt(match[1] ?? match[2] ?? match[3], 16);
  return { code, length: 1 + match[0].length };
}

/**
 * The pattern (already valid in the dialect, as compilePattern returns it) in Rust's regex syntax as ripgrep 13 and
 * later read it, matching the same lines; undefined when Rust cannot express it (lookaround, backreferences, empty
 * classes). Surrogate pairs written as two \u escapes are left to the Node engine too.
 */
export function toRipgrep(source: string): string | undefined {
  let out = '';
  let inClass = false;
  let classStart = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const atClassStart = classStart;
    classStart = false;
    if (c === '\\') {
      const piece = translateEscape(source, i, inClass);
      if (!piece) return undefined;
      out += piece.text;
      i += piece.length - 1;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        if (atClassStart) return undefined; // [] or [^]: Rust has no empty class
        inClass = false;
        out += c;
      } else if (c === '^' && atClassStart && out.endsWith('[')) {
        out += c;
        classStart = true;
      } else out += c === '-' && !atClassStart && source[i + 1] !== ']' ? '-' : rustLiteral(c);
      continue;
    }
    if (c === '[') {
      inClass = true;
      classStart = true;
      out += c;
    } else if (c === '.') out += String.raw`[^\n\r\x{2028}\x{2029}]`;
    else if (c === '(') {
      const group = /^\((?:\?(?:<[A-Za-z_][A-Za-z0-9_]*>|:)?)?/.exec(source.slice(i))![0];
      if (group.startsWith('(?') && group.length === 2) return undefined; // lookaround
      const name = /^\(\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(group)?.[1];
      out += name ? `(?P<${name}>` : group;
      i += group.length - 1;
    } else if ('^$*+?{}|)'.includes(c)) out += c;
    else out += rustLiteral(c);
  }
  return out;
}

/** One escape of the dialect at source[i] in Rust's syntax, and how many characters it took; undefined when none. */
function translateEscape(source: string, i: number, inClass: boolean): { text: string; length: number } | undefined {
  const next = source[i + 1];
  if (/[1-9]/.test(next) || next === 'k') return undefined; // backreferences
  const lower = next.toLowerCase();
  if (lower in CLASS_ESCAPES && 'dws'.includes(lower)) {
    const members = CLASS_ESCAPES[lower];
    const text = next === lower ? (inClass ? members : `[${members}]`) : `[^${members}]`;
    return { text, length: 2 };
  }
  if (next === 'b' || next === 'B') return { text: inClass ? '\\x08' : `(?-u:\\${next})`, length: 2 };
  if (next === 'p' || next === 'P') {
    const property = /^\{[^}]*\}/.exec(source.slice(i + 2));
    return property ? { text: `\\${next}${property[0]}`, length: 2 + property[0].length } : undefined;
  }
  if (next in SIMPLE_ESCAPES) return { text: SIMPLE_ESCAPES[next], length: 2 };
  const code = codePointEscape(source, i);
  if (code) {
    if (code.code >= 0xd800 && code.code <= 0xdfff) return undefined;
    return { text: `\\x{${code.code.toString(16)}}`, length: code.length };
  }
  // An escaped syntax character or "-": the character itself.
  return { text: rustLiteral(next), length: 2 };
}
