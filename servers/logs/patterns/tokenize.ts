// Splits a message into tokens for template mining, masking variable parts (numbers, hex, ids, IPs, paths, URLs)
// as `<*>` before clustering. A single character scan: this runs on every line of a file.
import { isAsciiLetter, isDigitCode as isDigit, isWhiteSpace } from '../format/chars';
import { sqlStatementEnd } from './sql-statements';

export const WILDCARD = '<*>';

export interface Tokenized {
  /** Tokens with variable ones replaced by WILDCARD. */
  tokens: string[];
  /** seps[i] is the text between tokens[i] and tokens[i + 1] (or the end); `lead` comes before tokens[0]. */
  seps: string[];
  lead: string;
}

const enum Char {
  Tab = 9, Newline = 10, Return = 13, Space = 32, Quote = 34, Apostrophe = 39, OpenParen = 40, CloseParen = 41,
  Plus = 43, Comma = 44, Minus = 45, Dot = 46, Slash = 47, Zero = 48, Nine = 57, Colon = 58, Semicolon = 59, Less = 60,
  Equals = 61, Greater = 62, At = 64, UpperA = 65, UpperF = 70, UpperZ = 90, OpenBracket = 91, Backslash = 92,
  CloseBracket = 93, LowerA = 97, LowerF = 102, LowerX = 120, LowerZ = 122, OpenBrace = 123, Pipe = 124, CloseBrace = 125,
}

function isSpace(c: number): boolean {
  return c === Char.Space || c === Char.Tab || c === Char.Newline || c === Char.Return;
}

/** Characters that separate tokens inside a word: `key=value`, `a,b`, `f(x)`, `[x]`, `{x}`, `"x"`, `a|b`, `host:port`. */
function isInnerDelimiter(c: number): boolean {
  switch (c) {
    case Char.Equals: case Char.Comma: case Char.Semicolon: case Char.OpenParen: case Char.CloseParen:
    case Char.OpenBracket: case Char.CloseBracket: case Char.OpenBrace: case Char.CloseBrace:
    case Char.Quote: case Char.Apostrophe: case Char.Pipe: case Char.Colon: case Char.Less: case Char.Greater:
      return true;
    default:
      return false;
  }
}

function isHexLetter(c: number): boolean {
  return (c >= Char.LowerA && c <= Char.LowerF) || (c >= Char.UpperA && c <= Char.UpperF);
}

/** What the scanning loops ask of a character, one bit each, told by the predicates above (ASCII only: none holds above). */
const enum CharClass { Space = 1, Delimiter = 2, Digit = 4, HexOrMinus = 8, Mark = 16, Trailing = 32, Opening = 64, QuoteMark = 128 }

/** The classes that end a word, end a piece or are counted in one: a character with none of them is a plain letter. */
const PLAIN_WORD_STOPS = CharClass.Space | CharClass.Delimiter | CharClass.Digit | CharClass.Mark | CharClass.QuoteMark;

const CHAR_CLASSES = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  CHAR_CLASSES[c] = (isSpace(c) ? CharClass.Space : 0) | (isInnerDelimiter(c) ? CharClass.Delimiter : 0) | (isDigit(c) ? CharClass.Digit : 0)
    | (isHexLetter(c) || c === Char.Minus ? CharClass.HexOrMinus : 0) | (isWordVariableMark(c) ? CharClass.Mark : 0)
    | (isTrailingPunctuation(c) ? CharClass.Trailing : 0) | (isOpeningPunctuation(c) ? CharClass.Opening : 0) | (isQuoteMark(c) ? CharClass.QuoteMark : 0);
}

/**
 * CHAR_CLASSES for every UTF-16 code unit (0 above 127): the word loop reads codes from a Uint16Array (TokenScan.codes),
 * always in range, so its look-up needs no test of the code first.
 */
const CODE_CLASSES = new Uint8Array(0x10000);
CODE_CLASSES.set(CHAR_CLASSES);

/** The CharClass bits of character code c (one table look-up instead of a chain of comparisons per character). */
function classOf(c: number): number {
  return c < 128 ? CHAR_CLASSES[c] : 0;
}

/**
 * A character a number may start with before its first digit: a sign (`-3`; `+2` in Synapse's `(+2 deltas)`, a count
 * of changes, written with its sign as `+14` is) or a leading dot (`.5`).
 */
function isNumberLead(c: number): boolean {
  return c === Char.Minus || c === Char.Plus || c === Char.Dot;
}

/**
 * A piece is a variable when it is number-like: starts with a digit (numbers, sizes, durations, dates), is hex with a
 * digit (0x1f, 9f4ef63, uuids), or holds two or more digits (blk_123, appattempt_14_0020, t761, dn228, u0a5).
 * A single digit inside a word (ssh2, tty2, u0, log4j) is usually part of a name and stays.
 */
export function isVariablePiece(piece: string, start = 0, end = piece.length): boolean {
  let first = piece.charCodeAt(start);
  if (isNumberLead(first) && end - start > 1) first = piece.charCodeAt(start + 1);
  if (isDigit(first)) return true;
  let digits = 0;
  let hexOnly = true;
  for (let i = start; i < end; i++) {
    const c = piece.charCodeAt(i);
    if (isDigit(c)) {
      if (++digits >= 2 && !endsInNameSegment(piece, start, end) && !hasNamedDigitSegments(piece, start, end)) return true;
    } else {
      if (!isHexLetter(c) && c !== Char.Minus && !(c === Char.LowerX && i === start + 1)) hexOnly = false;
    }
  }
  return digits > 0 && hexOnly;
}

/**
 * UPPER_CASE identifiers (NEW, RUNNING, JOB_SETUP) are enumeration values written by the program: two different ones
 * mark two different events (state transitions, event types), so they never merge into <*>.
 */
export function isEnumConstant(token: string): boolean {
  if (token.length < 2 || token === WILDCARD) return false;
  let letters = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 65 && c <= 90) letters++;
    else if (!(c === 95 || (c >= 48 && c <= 57))) return false;
  }
  return letters >= 2;
}

/**
 * A fixed set of short words, looked up by a range of a text without making a string for it: the tokenizer asks
 * these questions of most words of every line. ASCII letters compare case-insensitively when `ignoreCase`.
 */
class WordSet {
  /**
   * Words by (length, first character folded), a table indexed by key(): few share a key, so a look-up compares one
   * or two. An array, not a Map: the look-up is an index, asked of most words of every line.
   */
  private readonly byKey: (string[] | undefined)[];

  constructor(
    words: string,
    private readonly ignoreCase: boolean,
  ) {
    const list = words.split(' ');
    const keys = list.map((word) => this.key(word, 0, word.length));
    const bad = keys.indexOf(-1);
    if (bad >= 0) throw new Error(`WordSet: '${list[bad]}' is longer than ${MAX_SET_WORD} characters or starts above U+00FF`);
    // As long as the largest key needs (up to a few thousand entries), filled so that V8 keeps it a plain array.
    this.byKey = new Array<string[] | undefined>(Math.max(...keys) + 1).fill(undefined);
    list.forEach((word, i) => (this.byKey[keys[i]] ??= []).push(word));
  }

  /** The text [start, end) is one of the words. */
  has(text: string, start: number, end: number): boolean {
    if (end <= start) return false;
    const key = this.key(text, start, end);
    if (key < 0 || key >= this.byKey.length) return false;
    const candidates = this.byKey[key];
    if (candidates === undefined) return false;
    for (let i = 0; i < candidates.length; i++) if (this.sameAt(candidates[i], text, start)) return true;
    return false;
  }

  /** The table index of a text of this length and first character, or -1 when no word can have them. */
  private key(text: string, start: number, end: number): number {
    const first = this.fold(text.charCodeAt(start));
    return end - start > MAX_SET_WORD || first > 0xff ? -1 : (end - start) * 0x100 + first;
  }

  private fold(c: number): number {
    return this.ignoreCase && c >= Char.UpperA && c <= Char.UpperZ ? c | 32 : c;
  }

  private sameAt(word: string, text: string, start: number): boolean {
    for (let i = 0; i < word.length; i++) if (this.fold(word.charCodeAt(i)) !== this.fold(text.charCodeAt(start + i))) return false;
    return true;
  }
}

/** Longest word a WordSet holds (and looks up). */
const MAX_SET_WORD = 16;

const FILE_EXTENSIONS = new WordSet(
  'exe dll so jar war py js ts log txt conf cfg xml json yaml yml ini properties sh bat ps1 class java c cc cpp h go rs rb php html htm css png jpg jpeg gif zip gz tgz tar pid lock sock db sqlite tmp bak out err csv dat bin img iso pdf doc docx xls xlsx sys msi apk deb rpm',
  true,
);
const TOP_LEVEL_DOMAINS = new WordSet(
  'com net org edu gov mil int info biz io co uk de nl fr jp kr cn ru br au ca it es se ch pl in tw hk sg local lan internal localdomain arpa',
  true,
);

/** Whole words that are variables regardless of their inner punctuation: URLs, paths, IPs, emails, IPv6/MAC addresses. */
export function isVariableWord(word: string): boolean {
  return isVariableRange(word, 0, word.length);
}

/** isVariableWord for the word [start, end) of `text`, read in place. */
function isVariableRange(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 2) return false;
  // File names (chrome.exe, app.log, workers2.properties) are values: which file, not which event.
  if (isFileName(text, start, end)) return true;
  const first = text.charCodeAt(start);
  const second = text.charCodeAt(start + 1);
  if ((first | 32) === 118 /* v */ && isHexLetterOrDigit(second) && isIpvFuture(text, start, end)) return true;
  // Absolute or relative paths and Windows drive paths.
  if (first === Char.Slash && second !== Char.Slash) return true;
  if (first === Char.Slash && length > 2 && isDoubleSlashPath(text.charCodeAt(start + 2))) return true;
  if ((first === Char.Dot || first === 126 /* ~ */) && second === Char.Slash) return true;
  if (length > 2 && second === Char.Colon && text.charCodeAt(start + 2) === Char.Backslash) return true;
  let colons = 0;
  let dots = 0;
  let slashes = 0;
  let at = -1;
  let digits = 0;
  let hexLike = true;
  let doubleSlash = false;
  let doubleColon = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === Char.Colon) {
      colons++;
      // scheme://
      if (i > start && i + 2 < end && text.charCodeAt(i + 1) === Char.Slash && text.charCodeAt(i + 2) === Char.Slash) return true;
      if (i > start && text.charCodeAt(i - 1) === Char.Colon) doubleColon = true;
    } else if (c === Char.Dot) dots++;
    else if (c === Char.Slash) {
      slashes++;
      if (i > start && text.charCodeAt(i - 1) === Char.Slash) doubleSlash = true;
    } else if (c === Char.At) at = i;
    else if (isDigit(c)) digits++;
    else if (!isHexLetter(c)) hexLike = false;
  }
  if (slashes >= 2 && digits + dots > 0 && !doubleSlash) return true; // a/b/c.txt, 1/2/3
  if (at > start && at < end - 3 && dotAfter(text, at, end)) return true; // user@host.tld
  if (at > start && isNodeName(text, start, at, end)) return true; // couchdb@localhost, rabbit@node1
  if (digits > 0 && hexLike && colons >= 2) return true; // IPv6, MAC, 00:1a:2b
  if (hexLike && colons >= 2 && doubleColon) return true; // IPv6 without a digit: ::, fe80::, ::ffff:a
  if (digits > 0 && dots === 3 && isIpv4(text, start, end)) return true;
  if (slashes === 1 && colons === 0 && at < 0 && isNamePair(text, start, end)) return true; // kube-system/coredns, backend_api/app_1
  if (slashes === 1 && dots > 0 && colons === 0 && at < 0 && isRelativeFilePath(text, start, end)) return true; // layouts/_navbar.html.erb
  if (slashes > 0 && colons === 1 && at < 0 && !doubleSlash && isTaggedPath(text, start, end)) return true; // linuxserver/radarr:preview
  return dots >= 2 ? isHostName(text, start, end) : isLocalHost(text, start, end);
}

/**
 * Two names joined by one `/`, one of them at least written as code names its objects (a `-`, a `_` or a digit inside):
 * Kubernetes' `namespace/name` (`kube-system/coredns`, `cert-manager/cert-manager-controller`), HAProxy's
 * `backend/server` (`csg-gateway/csggateway-app-1`), a repository's `owner/name` (`peaceiris/actions-gh-pages`), a
 * media type (`image/x-png`). Which object is the value, as a path's file is; across the studied excerpts such words
 * were values in 25 systems' truth and words of the statement in four. Those four are written in capitals, an
 * acronym's (`DVB-T/T2`, `UPnP/NAT-PMP`, `mDNS/DNS-SD`), so both names must hold a lower-case letter; a pair of
 * plain words (`read/write`, `I/O`, `TCP/IP`) names no object and stays.
 */
function isNamePair(text: string, start: number, end: number): boolean {
  const slash = text.indexOf('/', start);
  if (slash <= start || slash >= end - 1) return false;
  let coded = false;
  for (const [from, to] of [[start, slash], [slash + 1, end]]) {
    if (!isAsciiLetter(text.charCodeAt(from))) return false;
    let lower = false;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c >= Char.LowerA && c <= Char.LowerZ) lower = true;
      else if (c === Char.Minus || c === 95 || isDigit(c)) coded = true;
      else if (!(c === Char.Dot || (c >= Char.UpperA && c <= Char.UpperZ))) return false;
    }
    if (!lower) return false;
  }
  return coded;
}

/**
 * A name at a host without a domain (`couchdb@localhost`, `nonode@nohost`, `rabbit@node-1`): an Erlang node's name, a
 * user at a machine, the way a mail address names its box. Which node or user is the value, as it is when the host has
 * a domain (user@host.tld); the test asks for name characters only on both sides of the one `@` (letters, digits,
 * `_`, `-`, `.`) and a letter in the host, so that a word with a stray `@` in other marks is left to the other tests.
 */
function isNodeName(text: string, start: number, at: number, end: number): boolean {
  if (end - at < 2) return false;
  let letter = false;
  for (let i = start; i < end; i++) {
    if (i === at) continue;
    const c = text.charCodeAt(i);
    if (!(isWordChar(c) || c === Char.Dot || c === Char.Minus)) return false;
    if (i > at && ((c >= Char.LowerA && c <= Char.LowerZ) || (c >= Char.UpperA && c <= Char.UpperZ))) letter = true;
  }
  return letter;
}

/**
 * `localhost` with a port (`localhost:8443`), or alone when asked of a whole word: the host name every machine has, a
 * value where an address is written (`using target address localhost:8443` / `… 9.30.210.136:389`), however few other
 * hosts a file names. (A bare word without `/ . : @ \\` is not asked in a message: see mayBeVariableWord.)
 */
function isLocalHost(text: string, start: number, end: number): boolean {
  if (end - start < 9 || !LOCAL_HOST.has(text, start, start + 9)) return false;
  if (end === start + 9) return true;
  return text.charCodeAt(start + 9) === Char.Colon && digitsEnd(text, start + 10, end, 5) === end;
}

const LOCAL_HOST = new WordSet('localhost', true);

/**
 * An address in RFC 3986's IPvFuture form, `v1.::1` (CUPS writes its IPv6 addresses so: `[v1.::1]:631`), with the
 * bracket that closes it and a `:port` when they follow: `v`, hex digits, `.`, then hex digits and two or more `:`.
 */
function isIpvFuture(text: string, start: number, end: number): boolean {
  let i = start + 1;
  while (i < end && isHexLetterOrDigit(text.charCodeAt(i))) i++;
  if (i === start + 1 || text.charCodeAt(i) !== Char.Dot) return false;
  let colons = 0;
  for (i++; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === Char.Colon) colons++;
    else if (!isHexLetterOrDigit(c)) break;
  }
  if (colons < 2) return false;
  if (i < end && text.charCodeAt(i) === Char.CloseBracket) i++;
  return i === end || (text.charCodeAt(i) === Char.Colon && digitsEnd(text, i + 1, end, 5) === end);
}

function isHexLetterOrDigit(c: number): boolean {
  return isDigit(c) || isHexLetter(c);
}

/** A `.` in (from, end) of text. */
function dotAfter(text: string, from: number, end: number): boolean {
  const dot = text.indexOf('.', from);
  return dot > from && dot < end;
}

/** Letters, digits and `_` (JavaScript's \w without the u flag). */
function isWordChar(c: number): boolean {
  return isDigit(c) || (c >= Char.LowerA && c <= Char.LowerZ) || (c >= Char.UpperA && c <= Char.UpperZ) || c === 95;
}

/**
 * The character after a word's opening `//` makes the word a path: a name's character or the `:` of a target. Such a
 * word is a UNC path or a doubled root (`//x.x.x.x/serverpath`, `//lib/private/.`), a URL without its scheme (`CONNECT
 * //www.google.com:443`) or a build target's label, `//package/path:target` (Bazel's `//python:bin`, `//:tool_usage`,
 * the same in Buck and Pants): which file, host or target, a value as any path is. Across the studied excerpts every
 * such word was a value in the truth (Bazel, Tdarr, MySQL, Forwarder, ArangoDB). A lone `//`, `///` or `//-` (a
 * comment's or a rule's marks) is not one.
 */
function isDoubleSlashPath(c: number): boolean {
  return isWordChar(c) || c === Char.Colon || c === Char.Dot || c === Char.At;
}

/** Characters an extension (`erb`, `json`, `mp4`) holds after its first letter, at most. */
const MAX_EXTENSION_TAIL = 5;

/**
 * A file named by a relative path of one directory, `directory/name.extension`: Rails' `Rendered
 * layouts/_navbar.html.erb (0.4ms)`, Ghost's `locales/en.json`, Jupyter's `style/style.min.css`, Airflow's
 * `DAGS_FOLDER/bug_test.py`, WALinuxAgent's `src/MdeExtensionHandler.py`: which file, a value as a file name alone
 * (isFileName) or a longer path (`a/b/c.txt`) is, whatever its extension (`.erb` is no known one). Both names open with
 * a word's character and hold word characters, dots and `-`; the extension is a letter and at most
 * MAX_EXTENSION_TAIL letters or digits. Across the studied excerpts every such word was a value in the truth (12
 * systems, 37 words); a pair of words (`read/write`, `TCP/IP`) has no extension, and a version (`1/2.5`) none of letters.
 * An extension is read by class (a letter, then letters or digits), so that messages the shape cache holds as one
 * (digits loose) are read alike.
 */
function isRelativeFilePath(text: string, start: number, end: number): boolean {
  const slash = text.indexOf('/', start);
  const dot = text.lastIndexOf('.', end - 1);
  if (slash <= start || dot <= slash + 1 || end - dot - 1 < 1 || end - dot - 1 > MAX_EXTENSION_TAIL + 1) return false;
  if (!isWordChar(text.charCodeAt(start)) || !isWordChar(text.charCodeAt(slash + 1)) || !isAsciiLetter(text.charCodeAt(dot + 1))) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (i > dot ? !isAsciiLetter(c) && !isDigit(c) : i !== slash && !(isWordChar(c) || c === Char.Dot || c === Char.Minus)) return false;
  }
  return true;
}

/**
 * Names parted by `/` and a tag after one `:`, `name/name:tag`: a container image's reference (Watchtower's `Pulling
 * linuxserver/radarr:preview for /radarr` beside `Pulling v2tec/watchtower:latest for /watchtower`), a source file and
 * its line (`zebra/zebra_ptm.c:1345`, `src/cpp/server/ServerMain.cpp:62`), a peer's name and address
 * (`iphone/41.13.10.20:39581`), a branch and its commit (`tags/v3.12.9:fdb8142`): one value, which the `:` split into
 * a path and a word the statement seemed to hold (`:latest` / `:preview` two events). Across the studied excerpts every
 * such word was a value in the truth (8 systems, 43 words). The first name opens with a letter and takes two
 * characters or more (`S/N:1929E2142EF1` is a label and its value, smartd's); every name is word characters, dots and
 * `-`, and the tag ends with a letter or digit.
 */
function isTaggedPath(text: string, start: number, end: number): boolean {
  const colon = text.indexOf(':', start);
  const slash = text.indexOf('/', start);
  if (slash < start + 2 || colon < slash + 2 || colon > end - 2 || !isAsciiLetter(text.charCodeAt(start)) || !isLetterOrDigit(text.charCodeAt(end - 1))) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isWordChar(c) || c === Char.Dot || c === Char.Minus) continue;
    if (c === Char.Slash ? i > colon || text.charCodeAt(i + 1) === Char.Slash || i + 1 === colon : i !== colon) return false;
  }
  return true;
}

function isLetterOrDigit(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c);
}

/** A file name: word characters, dots and `-` only, ending in `.` and a known extension after at least one character. */
function isFileName(text: string, start: number, end: number): boolean {
  const dot = text.lastIndexOf('.', end - 1);
  if (dot <= start || dot < end - 12 || !FILE_EXTENSIONS.has(text, dot + 1, end)) return false;
  for (let i = start; i < dot; i++) {
    const c = text.charCodeAt(i);
    if (!(isWordChar(c) || c === Char.Dot || c === Char.Minus)) return false;
  }
  return true;
}

/** End of a run of at most `most` digits from `from` (before `end`), or -1 when there is none. */
function digitsEnd(text: string, from: number, end: number, most: number): number {
  let i = from;
  while (i < end && i - from < most && isDigit(text.charCodeAt(i))) i++;
  return i === from ? -1 : i;
}

/** An IPv4 address with an optional port: four groups of 1-3 digits, then `:digits` or nothing. */
function isIpv4(text: string, start: number, end: number): boolean {
  let i = start;
  for (let group = 0; group < 4; group++) {
    if (group > 0) {
      if (i >= end || text.charCodeAt(i) !== Char.Dot) return false;
      i++;
    }
    i = digitsEnd(text, i, end, 3);
    if (i < 0) return false;
  }
  return i === end || (text.charCodeAt(i) === Char.Colon && digitsEnd(text, i + 1, end, Infinity) === end);
}

/**
 * host.example.com: at least three labels of letters, digits and `-`, the last a common top-level domain, with an
 * optional `:port` (not a Java package or class name).
 */
function isHostName(text: string, start: number, end: number): boolean {
  const colon = text.lastIndexOf(':', end - 1);
  let nameEnd = end;
  if (colon >= start) {
    if (digitsEnd(text, colon + 1, end, Infinity) !== end) return false;
    nameEnd = colon;
  }
  const dot = text.lastIndexOf('.', nameEnd - 1);
  if (dot < start || !TOP_LEVEL_DOMAINS.has(text, dot + 1, nameEnd)) return false;
  let labels = 1;
  let labelStart = start;
  for (let i = start; i < dot + 1; i++) {
    const c = text.charCodeAt(i);
    if (c === Char.Dot) {
      if (i === labelStart) return false;
      labels++;
      labelStart = i + 1;
    } else if (!(isDigit(c) || c === Char.Minus || (c >= Char.LowerA && c <= Char.LowerZ) || (c >= Char.UpperA && c <= Char.UpperZ))) return false;
  }
  return labels >= 3;
}

/** FNV-1a's 32-bit offset basis and prime, which TokenScan's hashes mix with. */
const HASH_BASIS = 0x811c9dc5;
const HASH_PRIME = 0x01000193;
/** What a WILDCARD token mixes into a hash (its range covers the variable text it masks, which must not count). */
const WILDCARD_MARK = 0x2a2a2a;

/** [start, end) ranges of a text, with a flag (0 or 1) each, in typed arrays that grow as needed and are reused. */
class FlaggedRanges {
  count = 0;
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  flags = new Uint8Array(16);

  protected append(start: number, end: number, flag: boolean): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.flags[this.count] = flag ? 1 : 0;
    this.count++;
  }

  protected grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const flags = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}

/**
 * The tokens of one message as ranges of it, filled by scan() without making a string per token: the miner's hot path
 * hashes and compares these ranges, and makes token strings only for a shape it has not seen. One instance is reused
 * from message to message by its owner (each miner has its own); tokenize() makes a fresh one.
 */
export class TokenScan extends FlaggedRanges {
  // count: tokens found; starts[i], ends[i]: [start, end) of token i in `message` (a WILDCARD's range covers the
  // variable text it masks); flags[i] is 1 when token i is WILDCARD.
  /** The message last scanned; every range indexes it (UTF-16 code units). */
  message = '';
  /**
   * [start, end) pairs of the optional annotations left out of the tokens: the first skippedCount numbers (the array
   * is reused, never shrunk: emptying it would free its store and the next annotation allocate another).
   */
  readonly skipped: number[] = [];
  skippedCount = 0;
  /** Scratch for the word being scanned. */
  readonly word = new WordScan();
  /** Scratch for a list of labelled values (labelListAt): label start, label end, value start, value end, per item. */
  readonly labels: number[] = [];
  /**
   * The code units of the message `loaded` names, then two 0s (the word loop looks two codes ahead, up to one past the
   * end): the scan's hot loops read these, not the string. A message cut from a line is a slice, whose characters cost
   * more to read than a typed array's, and the miner has read every code once already for the message's shape
   * (readShape), so a line that misses the shape cache is not read from the string twice. Grown as needed, reused.
   */
  codes = new Uint16Array(256);
  /** The message whose codes `codes` holds (readShape, or scan's own copy), undefined before any. */
  private loaded: string | undefined = undefined;

  /**
   * Reads `message` once: its code units into `codes` (for a scan() of it that follows) and its shape (shapeKey) into
   * `key` (at least message.length codes), and returns shapeKey's hash.
   */
  readShape(message: string, key: Uint16Array): number {
    this.makeRoom(message.length);
    this.loaded = message;
    return shapeKeyAndCodes(message, key, this.codes);
  }

  /** Scans `message` into this object (replacing what it held) and returns it. */
  scan(message: string): this {
    this.message = message;
    // The same string readShape just read (the miner's case) is known by identity, at no cost; any other is copied.
    if (message !== this.loaded) this.load(message);
    this.count = 0;
    this.skippedCount = 0;
    this.word.closes.reset();
    scanTokens(message, this);
    return this;
  }

  /** Copies `message`'s code units into `codes`, then two 0s. */
  private load(message: string): void {
    const length = message.length;
    this.makeRoom(length);
    const codes = this.codes;
    for (let i = 0; i < length; i++) codes[i] = message.charCodeAt(i);
    codes[length] = 0;
    codes[length + 1] = 0;
    this.loaded = message;
  }

  /** `codes` holds a message of `length` codes and the two 0s after it. */
  private makeRoom(length: number): void {
    if (this.codes.length < length + 2) this.codes = new Uint16Array(Math.max(this.codes.length * 2, length + 2));
  }

  /** Token i as a string: WILDCARD or its text. */
  token(i: number): string {
    return this.flags[i] === 1 ? WILDCARD : this.message.slice(this.starts[i], this.ends[i]);
  }

  /** All tokens as strings (masked ones are WILDCARD). */
  tokens(): string[] {
    const tokens = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) tokens[i] = this.token(i);
    return tokens;
  }

  /** True when the tokens are exactly `tokens` (compared in place, no string made). */
  equals(tokens: readonly string[]): boolean {
    if (tokens.length !== this.count) return false;
    for (let i = 0; i < this.count; i++) if (!this.tokenIs(i, tokens[i])) return false;
    return true;
  }

  /** True when token i is `token` (WILDCARD for a masked one), compared in place: no string is made. */
  tokenIs(i: number, token: string): boolean {
    if (this.flags[i] === 1) return token === WILDCARD;
    const start = this.starts[i];
    const length = token.length;
    if (length !== this.ends[i] - start) return false;
    const message = this.message;
    // Compared here rather than by startsWith: tokens are short, and a call per token cost more than the compare.
    for (let j = 0; j < length; j++) if (token.charCodeAt(j) !== message.charCodeAt(start + j)) return false;
    return true;
  }

  /**
   * The quick 30-bit hash of the token sequence (equal sequences hash equal, whichever messages they come from): the
   * key SequenceCache looks a sequence up by before equals() confirms the match. It reads four figures of a token, its
   * length and its first, middle and last characters, not every character: the tokens of a log's lines mostly differ
   * in those, and the compare that confirms a match reads every character anyway. 30 bits keep it a small integer,
   * which a Map hashes without allocating a number.
   */
  hash(): number {
    return this.sequenceHash(false);
  }

  /**
   * The full 30-bit hash of the token sequence, of every character: the key of sequences that share a quick hash
   * (hash()) with many others.
   */
  fullHash(): number {
    return this.sequenceHash(true);
  }

  private sequenceHash(full: boolean): number {
    const message = this.message;
    let hash = HASH_BASIS ^ this.count;
    for (let i = 0; i < this.count; i++) {
      const start = this.starts[i];
      const end = this.ends[i];
      if (this.flags[i] === 1) hash = Math.imul(hash ^ WILDCARD_MARK, HASH_PRIME);
      else if (full) {
        for (let j = start; j < end; j++) hash = Math.imul(hash ^ message.charCodeAt(j), HASH_PRIME);
        hash = Math.imul(hash ^ 0x10001, HASH_PRIME);
      } else {
        const ends = message.charCodeAt(start) | (message.charCodeAt(end - 1) << 16);
        const middle = message.charCodeAt(start + ((end - start) >> 1)) | ((end - start) << 16);
        hash = Math.imul(Math.imul(hash ^ ends, HASH_PRIME) ^ middle, HASH_PRIME);
      }
    }
    return (hash ^ (hash >>> 30)) & 0x3fffffff;
  }

  /**
   * Appends a token (WILDCARD when `wildcard`, else the text [start, end)). A run of variables is one variable:
   * `from <*> (<*>) at <*> <*> <*>` and `from <*> () at <*>` are the same event; not across a group the first one
   * closes (closesGroupBetween).
   */
  push(wildcard: boolean, start: number, end: number): void {
    // A token that reads `<*>` (a quoted one) is a wildcard like any other.
    if (!wildcard && end - start === WILDCARD.length && this.message.startsWith(WILDCARD, start)) wildcard = true;
    const last = this.count - 1;
    if (wildcard && last >= 0 && this.flags[last] === 1 && !closesGroupBetween(this.message, this.ends[last], start)) {
      const mark = sentenceEndBetween(this.message, this.ends[last], start);
      if (mark < 0) {
        this.ends[last] = end;
        return;
      }
      // The mark ends the sentence, not the value: it stays in the text between, as a word's period does.
      this.ends[last] = mark;
    }
    this.append(start, end, wildcard);
  }

  /** Records the optional annotation [start, end), left out of the tokens. */
  skip(start: number, end: number): void {
    this.skipped[this.skippedCount++] = start;
    this.skipped[this.skippedCount++] = end;
  }

  /** The last token is WILDCARD. */
  endsInWildcard(): boolean {
    return this.count > 0 && this.flags[this.count - 1] === 1;
  }

  /** What the last scan() found (its ranges and skipped annotations), copied for restore(). */
  snapshot(): ScanSnapshot {
    return {
      starts: this.starts.slice(0, this.count),
      ends: this.ends.slice(0, this.count),
      flags: this.flags.slice(0, this.count),
      skipped: this.skipped.slice(0, this.skippedCount),
    };
  }

  /**
   * Makes this scan hold what scan(message) would give, from the snapshot of a message of the same shape (sameShape):
   * such messages scan to the same ranges (see shapeHash), so nothing is scanned.
   */
  restore(message: string, snapshot: ScanSnapshot): this {
    this.message = message;
    const count = snapshot.starts.length;
    while (this.starts.length < count) this.grow();
    this.starts.set(snapshot.starts);
    this.ends.set(snapshot.ends);
    this.flags.set(snapshot.flags);
    this.count = count;
    const skipped = snapshot.skipped;
    for (let i = 0; i < skipped.length; i++) this.skipped[i] = skipped[i];
    this.skippedCount = skipped.length;
    return this;
  }
}

/**
 * Where a variable that ends at `from` and the next one, at `to`, are parted by a sentence's end: the index of the
 * `.`, `!` or `?` that ends the first (held in its range or opening the text between), after a letter and followed by
 * blanks only (HAProxy's `check duration: 0ms. 1 active and 0 backup servers online`); -1 when none. Such values are
 * two variables, not one run (TokenScan.push): a clause that some lines of a statement insert before the sentence's
 * end (`, check duration: %ldms`) would otherwise fuse its value with the next sentence's, and those lines would no
 * longer read as the others' text with the clause added. A period after a digit is as often part of the value (`3.
 * 12. 2026`, a numbered step) and keeps the run.
 */
/**
 * The text [from, to) between two variables closes a bracket the first one was in and goes on after a blank or a `: `,
 * with no `,` and no opening bracket: the first value ended with its group (`… (1): 127.0.0.1:8989`, `[hz._hzInstance]
 * /10.0.20.229:5701`, `'mcu' 80 commands`), so the second is another value of the statement, whose words after it stay
 * the statement's, not a part of one value of several words. A `,` is a list's (`{127.0.0.1:9300}, {10.0.1.174:1027}`,
 * one value), an opening bracket a further bracketed part of one value (Exim's `(helo) [address]`), and a bracket
 * glued on both sides is inside a value (a pattern's `[0-9]\.[0-9]`).
 */
function closesGroupBetween(message: string, from: number, to: number): boolean {
  let closes = false;
  // The second value's own opening bracket (`{…} []`) counts as one in the text between.
  for (let i = from; i <= to; i++) {
    const c = message.charCodeAt(i);
    if (c === Char.Comma || c === Char.OpenParen || c === Char.OpenBracket || c === Char.OpenBrace) return false;
    if (i === to || !(c === Char.CloseParen || c === Char.CloseBracket || c === Char.CloseBrace)) continue;
    const next = message.charCodeAt(i + 1);
    // A `:` and digits after a bracket are an address's port (`[::1]:9300`), of the same value.
    if (isSpace(next) || (next === Char.Colon && !isDigit(message.charCodeAt(i + 2)))) closes = true;
  }
  return closes;
}

function sentenceEndBetween(message: string, from: number, to: number): number {
  let mark = from;
  if (!isSentenceEnd(message.charCodeAt(mark))) mark = from - 1;
  if (!isSentenceEnd(message.charCodeAt(mark)) || !isAsciiLetter(message.charCodeAt(mark - 1)) || to <= mark + 1) return -1;
  for (let i = mark + 1; i < to; i++) if (!isSpace(message.charCodeAt(i))) return -1;
  return mark;
}

/** `.`, `!` or `?`: a mark that ends a sentence. */
function isSentenceEnd(c: number): boolean {
  return c === Char.Dot || c === 33 /* ! */ || c === 63 /* ? */;
}

/** A TokenScan's ranges and skipped annotations, copied (TokenScan.snapshot). */
export interface ScanSnapshot {
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  skipped: number[];
}

/**
 * Position i of `text` holds a loose digit: an ASCII digit with no ASCII letter on either side. The tokenizer reads
 * such a digit by its class alone (isDigit: where numbers start, how many digits a piece holds, whether it is hex); only
 * a word looked up whole in a fixed list (a file extension such as `ps1`) reads a digit's value, and such a digit is
 * glued to a letter. So two messages that differ only in the values of loose digits scan to the same ranges, and when
 * every loose digit lies in a masked token (or a skipped annotation: holdsShape) to the same tokens.
 */
function isLooseDigit(text: string, i: number): boolean {
  // Bounds are tested, not left to charCodeAt's NaN: a NaN would make V8 keep these codes as doubles.
  return isDigit(text.charCodeAt(i)) && (i === 0 || !isAsciiLetter(text.charCodeAt(i - 1))) && (i + 1 === text.length || !isAsciiLetter(text.charCodeAt(i + 1)));
}

/**
 * The message's shape written to `out` (from index 0; `out` holds at least message.length codes): its code units, each
 * loose digit (isLooseDigit) written as `0`; and returned, its 30-bit hash. Messages of one shape (sameShape) write the
 * same codes: where two differ only digit against digit, a digit's neighbours are letters in both or in neither, so a
 * digit loose in one is loose in the other; and messages whose codes are the same are of one shape (a letter is written
 * as itself, so a digit beside one is beside it in both). A digit glued to a letter keeps its value: messages that
 * differ in one (`in 4567ms` beside `in 1365ms`, `292.4GB` beside `256.2GB`, a unit glued to a number, which logs print
 * everywhere) are of different shapes and hash apart, where a hash that wrote every digit as `0` sent each look-up to
 * compare the message with every such shape of its hash in turn. The message is read once, a character at a time (a
 * message cut from a line is a slice, whose characters cost more to read than a typed array's), and hashed as it is
 * read; the compares that follow read `out`.
 */
export function shapeKey(message: string, out: Uint16Array): number {
  const length = message.length;
  let hash = HASH_BASIS ^ length;
  // Two code units a step, hashed as they are written (a multiply per pair, not per unit; an odd last one alone): one
  // pass over the message, not a second over `out`. `before` and `next` are the neighbours of the pair (0: none).
  let before = 0;
  let c = length > 0 ? message.charCodeAt(0) : 0;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const d = message.charCodeAt(i + 1);
    const next = i + 2 < length ? message.charCodeAt(i + 2) : 0;
    const first = shapeCode(before, c, d);
    const second = shapeCode(c, d, next);
    out[i] = first;
    out[i + 1] = second;
    hash = Math.imul(hash ^ (first | (second << 16)), HASH_PRIME);
    before = d;
    c = next;
  }
  if (i < length) {
    const last = shapeCode(before, c, 0);
    out[i] = last;
    hash = Math.imul(hash ^ last, HASH_PRIME);
  }
  return (hash ^ (hash >>> 30)) & 0x3fffffff;
}

/**
 * shapeKey(message, key), reading the message once for the tokenizer too: its code units are also written to `codes`
 * (from index 0; codes.length >= message.length + 2), then two 0s (see TokenScan.codes). The same loop as shapeKey's
 * with a store of each code added (a second function, not a flag: the loop is the cost of every line).
 */
function shapeKeyAndCodes(message: string, key: Uint16Array, codes: Uint16Array): number {
  const length = message.length;
  let hash = HASH_BASIS ^ length;
  let before = 0;
  let c = length > 0 ? message.charCodeAt(0) : 0;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const d = message.charCodeAt(i + 1);
    const next = i + 2 < length ? message.charCodeAt(i + 2) : 0;
    const first = shapeCode(before, c, d);
    const second = shapeCode(c, d, next);
    codes[i] = c;
    codes[i + 1] = d;
    key[i] = first;
    key[i + 1] = second;
    hash = Math.imul(hash ^ (first | (second << 16)), HASH_PRIME);
    before = d;
    c = next;
  }
  if (i < length) {
    const last = shapeCode(before, c, 0);
    codes[i] = c;
    key[i] = last;
    hash = Math.imul(hash ^ last, HASH_PRIME);
  }
  codes[length] = 0;
  codes[length + 1] = 0;
  return (hash ^ (hash >>> 30)) & 0x3fffffff;
}

/** The code shapeKey writes for `c` between `before` and `next` (0: none): `0` for a loose digit, else `c`. */
function shapeCode(before: number, c: number, next: number): number {
  // `c - 48` is 0..9 for a digit only, read unsigned.
  return (c - Char.Zero) >>> 0 <= 9 && !isAsciiLetter(before) && !isAsciiLetter(next) ? Char.Zero : c;
}

/** shapeKey's hash of `message` alone. */
export function shapeHash(message: string): number {
  return shapeKey(message, new Uint16Array(message.length));
}

/**
 * The codes shapeKey writes for a message, in an array of their own: what a later message's codes are compared with
 * (sameCodes). A copy, not the string, since a message cut from a line (a slice) keeps the whole line alive, and a short
 * message may come from a long line.
 */
export function shapeCodes(message: string): Uint16Array {
  const codes = new Uint16Array(message.length);
  shapeKey(message, codes);
  return codes;
}

/** The first `length` codes of `key` (shapeKey's) are `codes` (shapeCodes'): the two messages are of one shape. */
export function sameCodes(codes: Uint16Array, key: Uint16Array, length: number): boolean {
  if (codes.length !== length) return false;
  for (let i = 0; i < length; i++) if (codes[i] !== key[i]) return false;
  return true;
}

/**
 * The message whose codes are `codes` (shapeCodes) and `message` are equal but for the values of loose digits
 * (isLooseDigit), so they scan to the same ranges (see shapeKey).
 */
export function sameShape(codes: Uint16Array, message: string): boolean {
  return sameCodes(codes, shapeCodes(message), message.length);
}

/**
 * Every loose digit of the message `scan` holds is inside a masked token or a skipped annotation: another message of
 * its shape (sameShape) then gives the same tokens, not only the same ranges (a kept token's text is compared).
 */
export function holdsShape(scan: TokenScan): boolean {
  const message = scan.message;
  for (let t = 0; t < scan.count; t++) {
    if (scan.flags[t] === 1) continue;
    for (let i = scan.starts[t]; i < scan.ends[t]; i++) if (isLooseDigit(message, i)) return false;
  }
  return true;
}

/** The word being scanned (scratch reused from word to word): where it ends, and its pieces when it holds no quote. */
class WordScan extends FlaggedRanges {
  // The ranges are its pieces (scanPlainWord only), flagged 1 when isCountedVariablePiece.
  end = 0;
  /** Its first character that may make it a whole-word variable (isWordVariableMark), or -1. */
  firstMark = -1;
  /** A quoted value was skipped whole (its characters were not looked at). */
  quoted = false;
  /** Where the first skipped quoted value opens (its quote mark), or -1. */
  quoteAt = -1;
  /** The closing quotes found in the message being scanned (see closingQuote), kept from word to word. */
  readonly closes = new QuoteCloses();

  addPiece(start: number, end: number, counted: boolean): void {
    this.append(start, end, counted);
  }
}

/** Tokenizes `message`; masked tokens are WILDCARD. Also returns the text between tokens, to render templates. */
export function tokenize(message: string): Tokenized {
  const scan = new TokenScan().scan(message);
  return tokenizedScan(scan, scan.tokens());
}

/** tokenize() of the message `scan` last scanned, whose tokens (scan.tokens()) are given: the message is not scanned again. */
export function tokenizedScan(scan: TokenScan, tokens: string[]): Tokenized {
  const message = scan.message;
  const { starts, ends } = scan;
  const skipped = scan.skipped.slice(0, scan.skippedCount);
  if (tokens.length === 0) return { tokens, seps: [], lead: withoutSkipped(message, 0, message.length, skipped) };
  const seps: string[] = [];
  for (let i = 0; i < tokens.length; i++) seps.push(withoutSkipped(message, ends[i], i + 1 < tokens.length ? starts[i + 1] : message.length, skipped));
  return { tokens, seps, lead: withoutSkipped(message, 0, starts[0], skipped) };
}

/** The text from start to end without the optional annotations that fall in it (a template shows none of them). */
function withoutSkipped(message: string, start: number, end: number, skipped: number[]): string {
  let text = '';
  let from = start;
  for (let i = 0; i < skipped.length; i += 2) {
    if (skipped[i] < start || skipped[i + 1] > end) continue;
    text += message.slice(from, skipped[i]);
    from = skipped[i + 1];
  }
  text += message.slice(from, end);
  return from === start ? text : text.replace(/ {2,}/g, ' ');
}

/**
 * Tokens read from a message; what follows them is one <*>. A long message is cut somewhere, and a cut after a fixed
 * number of characters would end it on a different token when an earlier value is one character wider (`7` against
 * `12`), giving one event as many templates as there are widths; a cut after a fixed number of tokens does not.
 */
const MAX_TOKENS = 256;

/** Scans the message's words into `out`: tokens with their ranges, and the optional annotations it leaves out. */
function scanTokens(message: string, out: TokenScan): void {
  const length = message.length;
  const codes = out.codes;
  let position = 0;
  // The previous word ended in a variable: a unit after it (`12 ms`, `2.1 KB`, `<1 sec`) is part of that variable.
  let afterValue = false;
  // The previous word was a variable (with its unit): a value in parentheses after it is its optional annotation.
  let afterVariable = false;
  while (position < length && CODE_CLASSES[codes[position]] & CharClass.Space) position++;
  while (position < length) {
    if (out.count >= MAX_TOKENS) {
      // The rest is one variable: see MAX_TOKENS.
      out.push(true, position, length);
      break;
    }
    const fieldsEnd = out.count > 0 && followsGap(message, position) && !followsField(message, position) ? fieldTailAt(message, position) : -1;
    if (fieldsEnd > 0) {
      out.push(true, position, fieldsEnd);
      break;
    }
    const first = codes[position];
    const statementEnd = isStatementInitial(first) ? sqlStatementEnd(message, position) : -1;
    if (statementEnd > 0) {
      // A SQL statement printed bare is one value, whatever its words (sql-statements.ts).
      out.push(true, position, statementEnd);
      afterValue = false;
      afterVariable = true;
      position = statementEnd;
      while (position < length && CODE_CLASSES[codes[position]] & CharClass.Space) position++;
      continue;
    }
    const annotationEnd = afterVariable && first === Char.OpenParen ? annotationAt(message, position, afterValue) : -1;
    if (annotationEnd > 0) {
      out.skip(position, annotationEnd);
      position = annotationEnd;
      while (position < length && CODE_CLASSES[codes[position]] & CharClass.Space) position++;
      continue;
    }
    const labelsEnd = first === Char.OpenParen ? labelListAt(message, position, out.labels) : -1;
    if (labelsEnd > 0) {
      // Each label stays a word, each value is one variable (a value of several words too).
      const labels = out.labels;
      for (let i = 0; i < labels.length; i += 4) {
        out.push(false, labels[i], labels[i + 1]);
        out.push(true, labels[i + 2], labels[i + 3]);
      }
      afterValue = false;
      afterVariable = true;
      position = labelsEnd;
      while (position < length && CODE_CLASSES[codes[position]] & CharClass.Space) position++;
      continue;
    }
    const labelled = first === Char.OpenParen ? labelledTextAt(message, position) : -1;
    if (labelled > 0) {
      const colon = message.indexOf(':', position);
      let text = colon + 1;
      while (isSpace(message.charCodeAt(text))) text++;
      position = pushKeyedValue(message, position + 1, colon, false, text, labelled, out);
      afterValue = false;
      afterVariable = true;
      continue;
    }
    // A repr in parentheses (`using lock (<… object at 0x…>)`) opens after the `(`, which stays in the text.
    const repr = first === Char.Less ? position : first === Char.OpenParen && message.charCodeAt(position + 1) === Char.Less ? position + 1 : -1;
    const objectEnd = first === Char.OpenBrace ? (namesStruct(message, out, position) ? debugStructAt(message, position) : -1) : repr >= 0 ? objectReprAt(message, repr) : -1;
    if (objectEnd > 0) {
      // The struct's type name before it goes with it: an enum's variant (`Headers { … }` / `Data { … }`) is the value's.
      // A name that opens the message stays a word, as a bare dump's brackets do: a message that is one object names
      // what it dumps (`Args { … }`), and that name is all that tells two such statements apart.
      let start = repr >= 0 ? repr : position;
      if (first === Char.OpenBrace && out.count >= 2) {
        start = out.starts[out.count - 1];
        out.count--;
      }
      out.push(true, start, objectEnd);
      afterValue = false;
      afterVariable = true;
      position = objectEnd;
      while (position < length && classOf(message.charCodeAt(position)) & CharClass.Space) position++;
      continue;
    }
    const third = codes[position + 2];
    const listEnd = first === Char.OpenBracket || first === Char.OpenBrace || first === LOWER_M || first === AMPERSAND ? collectionAt(message, position, out.count === 0) : third === Char.Backslash || third === Char.Slash ? windowsPathAt(message, position) : -1;
    if (listEnd > 0) {
      if (out.count === 0 && isBareCollection(message, position, listEnd)) {
        // A message that is only a list or dict dump (Python's `[('zho', 'CN', None), …]` beside `{<Language [en]>,
        // …}`, each a statement printing its own collection) keeps its brackets: the contents vary from line to line,
        // but which kind of collection a statement prints does not, and that is all that tells two such events apart.
        out.push(false, position, position + 1);
        out.push(true, position + 1, listEnd - 1);
        out.push(false, listEnd - 1, listEnd);
        break;
      }
      out.push(true, position, listEnd);
      // A bracketed number takes a unit like a bare one (`finished in [58,056] ms`).
      afterValue = endsInValue(message, position, listEnd);
      afterVariable = true;
      position = listEnd;
      while (position < length && CODE_CLASSES[codes[position]] & CharClass.Space) position++;
      continue;
    }
    const unitEnd = afterValue ? unitAt(message, position) : -1;
    if (unitEnd > 0) {
      let core = unitEnd;
      while (isTrailingPunctuation(message.charCodeAt(core - 1))) core--;
      out.ends[out.count - 1] = core;
      afterValue = false;
      position = unitEnd;
      while (position < length && CODE_CLASSES[codes[position]] & CharClass.Space) position++;
      continue;
    }
    // A word without a quote mark is read in one pass (its end, first mark and pieces); one with a quote by the
    // quote rules, then split into pieces by scanPieces.
    const word = out.word;
    const plain = scanPlainWord(message, codes, position, word);
    if (!plain) scanQuotedWordEnd(message, position, word, out.count === 0);
    // A field whose value is a SQL statement (`sql=SELECT … FROM …`): the key stays a word, the statement is one value.
    const keyedStatementEnd = plain && word.count > 1 && message.charCodeAt(word.ends[0]) === Char.Equals && word.starts[1] === word.ends[0] + 1 && isStatementInitial(codes[word.starts[1]]) ? sqlStatementEnd(message, word.starts[1]) : -1;
    if (keyedStatementEnd > 0) {
      out.push(false, word.starts[0], word.ends[0]);
      out.push(true, word.starts[1], keyedStatementEnd);
      afterValue = false;
      afterVariable = true;
      position = keyedStatementEnd;
      while (position < length && CODE_CLASSES[codes[position]] & CharClass.Space) position++;
      continue;
    }
    // A key's bracketed value, unless it is a host's address or a program's pid (isNameOfBracketedValue: the name is a value too).
    const bracketEnd = plain && word.count > 1 && message.charCodeAt(word.ends[0]) === Char.OpenBracket && !isNameOfBracketedValue(message, word) ? keyedValueAt(message, word.starts[0], word.ends[0]) : -1;
    if (bracketEnd > 0) {
      position = pushKeyedValue(message, word.starts[0], word.ends[0], word.flags[0] === 1, word.ends[0] + 1, bracketEnd, out);
      afterValue = false;
      afterVariable = true;
      continue;
    }
    // An object named by its address after its class (Qt's `MixxxMainWindow(0x7ffcbaab69b0)`, Perl's `CODE(0x560b…)`).
    // Or a number and its name glued after it (FFmpeg's `nal_unit_type: 7(SPS)`, a SIP status's `200(OK)`).
    const addressedEnd = plain && word.count > 1 && message.charCodeAt(word.ends[0]) === Char.OpenParen ? Math.max(addressedObjectAt(message, word.starts[0], word.ends[0]), codeNameAt(message, word.starts[0], word.ends[0])) : -1;
    if (addressedEnd > 0) {
      out.push(true, word.starts[0], addressedEnd);
      afterValue = false;
      afterVariable = true;
      position = addressedEnd;
      while (position < length && classOf(message.charCodeAt(position)) & CharClass.Space) position++;
      continue;
    }
    const { end: wordEnd, firstMark, quoted, quoteAt } = word;
    // Surrounding punctuation does not make a word different (`port 22.` vs `port 22`, `(host.example.com)`).
    let core = wordEnd;
    // A `::` is an IPv6 address's own (`::`, `fe80::`), not punctuation after the word.
    while (core > position + 1 && CODE_CLASSES[codes[core - 1]] & CharClass.Trailing && !endsInDoubleColon(message, position, core)) core--;
    let coreStart = position;
    while (coreStart < core - 1 && CODE_CLASSES[codes[coreStart]] & CharClass.Opening) coreStart++;
    // Opening punctuation holds no mark, so the first mark is in the core when it is before the core's end (the
    // characters inside a skipped quote were not looked at: those words are checked in full). A quote after a key
    // (`{"exception":"… /a/b.php"}`) is read piece by piece, so that its value, not the key with it, is the variable.
    const mayBeVariable = quoted ? quoteAt === coreStart - 1 && mayBeVariableWord(message, coreStart, core) : firstMark >= 0 && firstMark < core;
    if (core - coreStart === 1 && message.charCodeAt(coreStart) === Char.Slash && isRootPath(message, coreStart, out)) {
      out.push(true, coreStart, core);
    } else if (core - coreStart >= 2 && mayBeVariable && isVariableRange(message, coreStart, core)) {
      const valueStart = fieldValueStart(message, coreStart, core);
      // The key of a field stays a word, as it does when its value is a plain word (`user=<office>`).
      if (valueStart > 0 && isVariableRange(message, valueStart, core)) {
        out.push(false, coreStart, message.indexOf('=', coreStart));
        out.push(true, valueStart, core);
      } else out.push(true, coreStart, core);
    } else if (plain && isNameOfBracketedValue(message, word)) {
      // The closing bracket and a port go with the variable, so that a template does not show a stray `]`.
      out.push(true, word.starts[0], portEnd(message, bracketedValueClose(message, word) + 1));
    } else if (plain) {
      for (let i = 0; i < word.count; i++) pushPiece(message, word.starts[i], word.ends[i], word.flags[i] === 1, out);
    } else {
      scanPieces(message, position, wordEnd, out);
    }
    afterVariable = out.endsInWildcard();
    afterValue = afterVariable && endsInValue(message, position, wordEnd);
    position = wordEnd;
    while (position < length && CODE_CLASSES[codes[position]] & CharClass.Space) position++;
  }
}

/** `c` may open a SQL statement's keyword (sqlStatementEnd): the initials of its keywords, a test before the look-up. */
function isStatementInitial(c: number): boolean {
  switch (c) {
    case 65: case 67: case 68: case 73: case 82: case 83: case 85: case 87: // A C D I R S U W
      return true;
    default:
      return false;
  }
}

/**
 * HTTP's request methods (RFC 9110 and PATCH, and WebDAV's, RFC 4918 and 3253's REPORT, which CalDAV and CardDAV
 * servers log): a closed set, written in capitals on every request line.
 */
export const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'REPORT']);

/**
 * The lone `/` at `at` is a request's path, the site's root (`"GET / HTTP/1.1"` beside `"GET /login/ HTTP/1.1"`): it
 * follows a request method and one blank. A path is a value whichever page was asked for, and the root is one of them;
 * the other paths are masked for their slash (isVariableRange), the root alone, one character, was left a word. A `/`
 * between words (`read / write`) is not after a method and stays one.
 */
function isRootPath(message: string, at: number, out: TokenScan): boolean {
  const last = out.count - 1;
  if (last < 0 || out.flags[last] === 1 || out.ends[last] !== at - 1 || message.charCodeAt(at - 1) !== Char.Space) return false;
  return HTTP_METHODS.has(message.slice(out.starts[last], out.ends[last]));
}

/**
 * The quoted word or short phrase from start to end is a value: a program quotes what it interpolates because it may
 * be anything (`resourceName="memory"`, `for user "bob"`, `constraint "orders_pkey"`), data the line carries, not a
 * word that names the event, however few values it takes in a file. A quote that opens the message is the message
 * itself (klog's `"Probe failed" pod=…`). An UPPER_CASE word quoted as a field's value (`probeType="READINESS"`) is
 * quoted by the field's format, which quotes every string, and names a state as it does bare; quoted in a sentence
 * (`'DEFAULT_LOCALE' loaded from config.json`, `Device … name is "PATOLINO"`, `cipher suites for 'AES'`) it is set
 * off by the writer as a name handed to the sentence (a setting, a device, a mailbox): across the studied excerpts and
 * the development set every such word was a value in the truth. An HTTP method stays a word (a request line's).
 */
function isQuotedValue(message: string, start: number, end: number, opensMessage: boolean): boolean {
  if (opensMessage && isQuotedMessage(message, end)) return false;
  const text = message.slice(start, end);
  return !isEnumConstant(text) || (message.charCodeAt(start - 2) !== Char.Equals && !HTTP_METHODS.has(text));
}

/**
 * A group of one to four hex letters right after `:` and a variable (`…:2607:fbcb`) continues an IPv6 or MAC address
 * that is glued to other text (`v6(en0:2607:f140::fbcb)`), so the whole-word test missed it: its letters-only groups
 * are as variable as the others.
 */
function continuesAddress(message: string, start: number, end: number, out: TokenScan): boolean {
  if (end - start > 4 || start === 0 || message.charCodeAt(start - 1) !== Char.Colon) return false;
  for (let i = start; i < end; i++) if (!isHexLetter(message.charCodeAt(i))) return false;
  return out.endsInWildcard() || opensMappedAddress(message, start, end);
}

/**
 * The hex-letter group [start, end) opens an IPv6 address after its `::` and goes on with `:` and a digit: the
 * IPv4-mapped form (`[::ffff:10.0.0.1]:42614`, `Address=::ffff:172.17.0.1`), which a bracket or a key glued before it
 * kept from the whole-word test. A letter before the `::` makes it a scope operator's (`Foo::add:12`), not an address's.
 */
function opensMappedAddress(message: string, start: number, end: number): boolean {
  return start >= 2 && message.charCodeAt(start - 2) === Char.Colon && !isWordChar(message.charCodeAt(start - 3)) && message.charCodeAt(end) === Char.Colon && isDigit(message.charCodeAt(end + 1));
}

/**
 * Splits the word [start, end) at inner delimiters into pieces and pushes their tokens. What isVariablePiece needs
 * (digits, hex-only) is counted in the same pass over the characters.
 */
function scanPieces(message: string, start: number, end: number, out: TokenScan): void {
  let pieceStart = start;
  let digits = 0;
  let hexOnly = true;
  for (let i = start; i <= end; i++) {
    const c = i === end ? Char.Space : message.charCodeAt(i);
    if (i === pieceStart && isQuoteMark(c) && opensQuote(message, start, i)) {
      const close = out.word.closes.find(message, i + 1, c);
      if (close > i + 1 && close < end) {
        const variable = isVariablePiece(message, i + 1, close) || isQuotedValue(message, i + 1, close, out.count === 0);
        out.push(variable, i + 1, close);
        i = close;
        pieceStart = close + 1;
        continue;
      }
    }
    const charClass = classOf(c);
    if (c === Char.Colon && i + 2 < end && joinsPath(message, start, i)) {
      hexOnly = false;
      i++;
      continue;
    }
    if (i === end || charClass & CharClass.Delimiter) {
      if (i > pieceStart && !(i === end && closesSentenceAfterQuote(message, start, pieceStart, end))) {
        pushPiece(message, pieceStart, i, isCountedVariablePiece(message, pieceStart, i, digits, hexOnly), out);
      } else if (i < end && closesEmptyAngleValue(message, start, i)) out.push(true, i, i);
      pieceStart = i + 1;
      digits = 0;
      hexOnly = true;
    } else if (charClass & CharClass.Digit) digits++;
    else if (hexOnly && !(charClass & CharClass.HexOrMinus) && !(c === Char.LowerX && i === pieceStart + 1)) hexOnly = false;
  }
}

/**
 * The word's last piece [pieceStart, end) is punctuation right after a closing quote mark (`IP: "fe80::1%tun0". Port`,
 * `file "a.txt"!`): the mark that ends a sentence or clause after a quoted value, no word, as `,` or `)` there is
 * already (they are delimiters). Why it holds: a program that quotes a value and goes on writes its sentence's
 * punctuation after the quote; read as a token, the `.` made a line one token longer than the same statement's lines
 * whose quoted value another rule read whole with the `.` as separator (`"127.0.0.1".`), and split the statement.
 */
function closesSentenceAfterQuote(message: string, start: number, pieceStart: number, end: number): boolean {
  if (pieceStart <= start || !isQuoteMark(message.charCodeAt(pieceStart - 1))) return false;
  for (let i = pieceStart; i < end; i++) if (!isTrailingPunctuation(message.charCodeAt(i))) return false;
  return true;
}

/**
 * The plain word is `name[value]` with a variable value and nothing after the `]` but punctuation: a process and its
 * pid (`mds[111]`, `loginwindow[86]`) or a host and its address (`unknown[10.42.0.140]`, `mx.example.org[192.0.2.7]`).
 * The name goes with the value (which process, which host), so the pair is one variable: otherwise `sent by mds[<*>]`
 * and `sent by launchd[<*>]` split one event by the name, and a host name that reads as a variable changes the
 * token count. A bracket with a constant or several values inside (`Thread[main,5]`, `peer[myid=1]`) is not this.
 */
function isNameOfBracketedValue(message: string, word: WordScan): boolean {
  return bracketedValueClose(message, word) >= 0;
}

/**
 * The `]` that closes the value of a plain word `name[value]` (isNameOfBracketedValue), or -1. Found in the text, not
 * from the word's pieces: an IPv6 address and a `:port` after the bracket (`mx.example.org[2610:1c1::19:1]:25:`) are
 * pieces of their own.
 */
function bracketedValueClose(message: string, word: WordScan): number {
  if (word.count < 2) return -1;
  const open = word.ends[0];
  if (open + 1 !== word.starts[1] || message.charCodeAt(open) !== Char.OpenBracket) return -1;
  const close = message.indexOf(']', open + 1);
  if (close < 0 || close >= word.end || close === open + 1) return -1;
  const port = portEnd(message, close + 1);
  for (let i = port; i < word.end; i++) if (!(classOf(message.charCodeAt(i)) & CharClass.Trailing)) return -1;
  // A pid is all digits and follows a program name, which has no dot (a dotted name is a class or category with an
  // event id: `Microsoft.Hosting.Lifetime[14]`); an address follows any host name. Other values (`version[8.11.1]`,
  // `SQLSTATE[HY000]`, `Thread[main,5]`) follow a key, a constant of the event.
  let digitsOnly = true;
  for (let i = open + 1; i < close; i++) if (!isDigit(message.charCodeAt(i))) digitsOnly = false;
  if (digitsOnly) return port === close + 1 && message.lastIndexOf('.', open) < word.starts[0] ? close : -1;
  return isIpAddress(message.slice(open + 1, close)) ? close : -1;
}

/** After a host's bracketed address, the end of its `:port` (`mx.example.org[192.0.2.7]:25`), or `at` when none. */
function portEnd(message: string, at: number): number {
  if (message.charCodeAt(at) !== Char.Colon || !isDigit(message.charCodeAt(at + 1))) return at;
  let end = at + 1;
  while (isDigit(message.charCodeAt(end))) end++;
  return end;
}

/** An IPv4 address (with an optional port) or an IPv6 one. */
function isIpAddress(text: string): boolean {
  return isIpv4(text, 0, text.length) || (text.includes(':') && isVariableWord(text));
}

/** Pushes the piece [start, end) of a word: a variable when `counted` (isCountedVariablePiece) or by the piece rules. */
function pushPiece(message: string, start: number, end: number, counted: boolean, out: TokenScan): void {
  out.push(counted || continuesAddress(message, start, end, out) || isDateName(message, start, end), start, end);
}

/**
 * Reads the word at `start` as the word loop and scanPieces together would when it holds no quote mark: its end,
 * its first mark (isWordVariableMark) and its pieces (split at inner delimiters, each with isCountedVariablePiece)
 * go to `word`. False, with `word` unusable, at a quote mark: the quote rules need the whole word.
 */
function scanPlainWord(message: string, codes: Uint16Array, start: number, word: WordScan): boolean {
  const length = message.length;
  word.count = 0;
  word.quoted = false;
  word.quoteAt = -1;
  let firstMark = -1;
  let pieceStart = start;
  let digits = 0;
  let hexOnly = true;
  let i = start;
  for (; i < length; i++) {
    const c = codes[i];
    const charClass = CODE_CLASSES[c];
    // Most characters are letters: only whether the piece is still hex-like is asked of them.
    if ((charClass & PLAIN_WORD_STOPS) === 0) {
      if (hexOnly && !(charClass & CharClass.HexOrMinus) && !(c === Char.LowerX && i === pieceStart + 1)) hexOnly = false;
      continue;
    }
    // Any quote mark, not only the double quote the quote rules open today: a word with one always takes their path.
    if (charClass & CharClass.QuoteMark) return false;
    if (charClass & CharClass.Space) break;
    if (firstMark < 0 && charClass & CharClass.Mark) firstMark = i;
    if (c === Char.Colon && joinsPath(message, start, i)) {
      hexOnly = false;
      i++;
      continue;
    }
    if (charClass & CharClass.Delimiter) {
      if (i > pieceStart) word.addPiece(pieceStart, i, isCountedVariablePiece(message, pieceStart, i, digits, hexOnly));
      else if (closesEmptyAngleValue(message, start, i)) word.addPiece(i, i, true);
      pieceStart = i + 1;
      digits = 0;
      hexOnly = true;
    } else if (charClass & CharClass.Digit) digits++;
    else if (hexOnly && !(charClass & CharClass.HexOrMinus) && !(c === Char.LowerX && i === pieceStart + 1)) hexOnly = false;
  }
  if (i > pieceStart) word.addPiece(pieceStart, i, isCountedVariablePiece(message, pieceStart, i, digits, hexOnly));
  word.end = i;
  word.firstMark = firstMark;
  return true;
}

/**
 * The `>` at `i` closes an empty angle-bracketed value glued to its key by `=`, inside the word that starts at `start`:
 * `realm=<>`, `from=<>` (SMTP's null sender). It is read as a value with no text (an empty <*>), as
 * `realm=<openvidu>` gives a token between its brackets. Why it holds: a program that writes a field's value in angle
 * brackets writes the brackets when the value is empty too, so that the field still shows; without a token there, the
 * lines with an empty value were one token shorter than the statement's others (coturn's `realm=<>, username=<demo>`
 * beside `realm=<myrealm>, username=<>`), and no per-position rule could meet them. A `<>` standing alone is left as it
 * is: between two words it is as often SQL's not-equal (`a <> b`) as an empty value. After a colon (`FROM:<>`) too: the
 * word with a value there (`FROM:<a@b.example>`) is read whole as one variable, so a token for the empty one would make
 * the lines differ in length where they now agree.
 */
function closesEmptyAngleValue(message: string, start: number, i: number): boolean {
  return message.charCodeAt(i) === Char.Greater && i - 2 >= start && message.charCodeAt(i - 1) === Char.Less && message.charCodeAt(i - 2) === Char.Equals;
}

/**
 * The colon at `i` opens a `::` between two letters, inside the word that starts at `start` (`Net::Server`,
 * `linkerd2_app_core::serve`, `Hyrax::HomepageController#index`): the scope operator of C++, Rust, Perl, Ruby and
 * PHP, that joins a namespaced name's parts as a dot joins a Java class's (`org.apache.Foo`, one token). Why it holds:
 * a name so written is one name, a module or a type, whatever it is nested in; split at the colons it made the same
 * statement's lines differ in length by how deep each name is (`Module Net::Server 2.008` beside `Module Socket
 * 2.018`), which no per-position rule can meet. An IPv6 address's `::` has a hex digit or nothing beside it
 * (`fe80::1`, `::ffff`), and a whole address was read before its pieces are.
 */
function joinsPath(message: string, start: number, i: number): boolean {
  return i > start && message.charCodeAt(i + 1) === Char.Colon && isAsciiLetter(message.charCodeAt(i - 1)) && isAsciiLetter(message.charCodeAt(i + 2));
}

/**
 * Finds the end of the word at `start` that holds a double quote: a quoted value ("View Lock") is one token even
 * when it holds spaces. Sets word.end, word.firstMark (marks inside a skipped quote are not looked at) and word.quoted.
 */
function scanQuotedWordEnd(message: string, start: number, word: WordScan, opensMessage: boolean): void {
  const length = message.length;
  let wordEnd = start;
  let firstMark = -1;
  let quoted = false;
  let quoteAt = -1;
  while (wordEnd < length) {
    const c = message.charCodeAt(wordEnd);
    const charClass = classOf(c);
    if (charClass & CharClass.Space) break;
    if (isQuoteMark(c) && opensQuote(message, start, wordEnd)) {
      const close = word.closes.find(message, wordEnd + 1, c);
      if (close > wordEnd && close - wordEnd <= MAX_QUOTED && (isShortPhrase(message, wordEnd + 1, close) || isFieldQuote(message, start, wordEnd) || isQuotedValueText(message, wordEnd + 1, close, opensMessage))) {
        if (!quoted) quoteAt = wordEnd;
        quoted = true;
        wordEnd = close + 1;
        continue;
      }
    }
    if (firstMark < 0 && charClass & CharClass.Mark) firstMark = wordEnd;
    wordEnd++;
  }
  word.end = wordEnd;
  word.firstMark = firstMark;
  word.quoted = quoted;
  word.quoteAt = quoteAt;
}

/** isVariablePiece for a piece whose digits and hex-only state were counted while scanning it. */
function isCountedVariablePiece(message: string, start: number, end: number, digits: number, hexOnly: boolean): boolean {
  let first = message.charCodeAt(start);
  if (isNumberLead(first) && end - start > 1) first = message.charCodeAt(start + 1);
  return isDigit(first) || (digits > 0 && hexOnly) || (digits >= 2 && !endsInNameSegment(message, start, end) && !hasNamedDigitSegments(message, start, end));
}

/**
 * Where the value of a `key=value` word [start, end) starts (after `=` and an opening `<`, `(` or `[`), when the key is
 * a name (a letter or `_`, then letters, digits, `_`, `-`, `.`) and a value of two or more characters follows; else -1.
 * `user=<office@example.com>` is the key `user` and an address, as `user=<office>` is the key and a word.
 */
function fieldValueStart(message: string, start: number, end: number): number {
  const first = message.charCodeAt(start);
  if (!(isAsciiLetter(first) || first === 95)) return -1;
  let i = start + 1;
  while (i < end && (isWordChar(message.charCodeAt(i)) || message.charCodeAt(i) === Char.Minus || message.charCodeAt(i) === Char.Dot)) i++;
  if (i >= end || message.charCodeAt(i) !== Char.Equals) return -1;
  i++;
  const c = message.charCodeAt(i);
  if (c === Char.Less || c === Char.OpenParen || c === Char.OpenBracket) i++;
  return end - i >= 2 ? i : -1;
}

/**
 * The identifier [start, end) ends in a segment of three or more letters after an underscore (`w32_fcntl`,
 * `win32_service`, `sha256_digest`): a symbol's name whose digits belong to its prefix. Ids end in their number
 * (`blk_123`, `job_1445144423722_0020`, `attempt_…_m_000000_0`) or carry digits without an underscore (`dn228`).
 */
function endsInNameSegment(message: string, start: number, end: number): boolean {
  let letters = 0;
  for (let i = end - 1; i > start; i--) {
    const c = message.charCodeAt(i);
    if (c === 95 /* _ */) return letters >= 3;
    if (!((c >= Char.LowerA && c <= Char.LowerZ) || (c >= Char.UpperA && c <= Char.UpperZ))) return false;
    letters++;
  }
  return false;
}

/**
 * The identifier [start, end) is cut by `-` or `_` into segments, each digit of which stands alone after a letter in its
 * segment (`--k8s-require-ipv4-pod-cidr`, `ipv4-ipv6-dual`, `mp3_to_ogg`): names of things written with a digit (k8s, ipv4,
 * l7, ext4), joined into an option or a symbol, as one such name alone (`ipv4`) is a word. An id puts a run of digits
 * somewhere (`blk_123`, `dn228`, `worker-7`, `u0a15`) or two digits in one segment (`u0a5`).
 */
function hasNamedDigitSegments(message: string, start: number, end: number): boolean {
  let digits = 0;
  let letters = 0;
  for (let i = start; i <= end; i++) {
    const c = i < end ? message.charCodeAt(i) : Char.Minus;
    if (c === Char.Minus || c === 95 /* _ */) {
      digits = 0;
      letters = 0;
    } else if (isDigit(c)) {
      if (letters === 0 || ++digits > 1) return false;
    } else letters++;
  }
  return true;
}

/**
 * The word ends in a digit (after trailing punctuation): `12`, `<1`, `2.1`, `0x1f`, `00:12`, a value a unit may follow.
 * Not after a `,`, `;` or a closing quote: the value ended there (`'GET /font.woff2', bytes: 0/15872`), and the word
 * after it is the statement's (a key named like a unit), not the value's unit.
 */
function endsInValue(message: string, start: number, end: number): boolean {
  while (end > start + 1 && classOf(message.charCodeAt(end - 1)) & CharClass.Trailing) {
    const c = message.charCodeAt(end - 1);
    if (c === Char.Comma || c === Char.Semicolon || isQuoteMark(c)) return false;
    end--;
  }
  const c = message.charCodeAt(end - 1);
  return isDigit(c) || (isHexLetter(c) && isVariablePiece(message, start, end));
}

/** Units written after a number: time, size, rate and share. Case matters (`m` is not `M`). */
const UNITS = new WordSet(
  'ns us µs ms s sec secs second seconds m min mins minute minutes h hr hrs hour hours d day days b B byte bytes k K KB kB KiB M MB MiB G GB GiB T TB TiB kbps Mbps Gbps bps % percent',
  false,
);

/** Time zones written after a time (`17:27:32 UTC`): part of the time, as a unit is part of its number. */
const TIME_ZONES = new WordSet('UTC GMT Z CET CEST EET EEST WET WEST BST IST MSK PST PDT MST MDT CST CDT EST EDT AKST AKDT HST JST KST HKT SGT AEST AEDT AWST ACST NZST NZDT', false);

/** End of a unit word (or a time zone) at `position` (trailing punctuation included), or -1. */
function unitAt(message: string, position: number): number {
  let end = position;
  while (end < message.length && !isSpace(message.charCodeAt(end))) end++;
  let core = end;
  while (core > position + 1 && isTrailingPunctuation(message.charCodeAt(core - 1))) core--;
  if (core - position > 7) return -1;
  return UNITS.has(message, position, core) || TIME_ZONES.has(message, position, core) ? end : -1;
}

/** Longest bracketed list read as one value (characters). */
const MAX_LIST = 256;
/** Longest collection printed in a language's literal syntax read as one value (characters); see literalAt. */
const MAX_LITERAL = 4096;
/** `m`, which Go's `map[K]V{…}` opens with. */
const LOWER_M = 109;

/**
 * The collection [position, end) that opens the message is all of it (trailing spaces aside), opened by the `[` or `{`
 * its last character closes, and holds something: a message that is a bare dump (see scanTokens).
 */
function isBareCollection(message: string, position: number, end: number): boolean {
  if (end - position < 3) return false;
  const open = message.charCodeAt(position);
  const close = message.charCodeAt(end - 1);
  if (!((open === Char.OpenBracket && close === Char.CloseBracket) || (open === Char.OpenBrace && close === Char.CloseBrace))) return false;
  for (let i = end; i < message.length; i++) if (!isSpace(message.charCodeAt(i))) return false;
  return true;
}

/**
 * End of a collection at `position` printed as one value: an empty one (`{}`, `[]`: what a list or options were when
 * they had nothing, beside the same statement's full ones), a language's literal (literalAt) or a bracketed list
 * (listAt); -1 when none.
 */
function collectionAt(message: string, position: number, opensMessage: boolean): number {
  // One that opens the message is a column a header left empty (ClickHouse's query id `{} <Information> …`).
  const empty = opensMessage ? -1 : emptyCollectionAt(message, position);
  if (empty > 0) return empty;
  const literal = literalAt(message, position);
  if (literal > 0) return literal;
  const printed = goValueAt(message, position);
  if (printed > 0) return printed;
  const first = message.charCodeAt(position);
  if (first === LOWER_M || first === AMPERSAND) return -1;
  const strings = quotedListAt(message, position);
  return strings > 0 ? strings : listAt(message, position);
}

/**
 * End of a list of quoted strings at `position`, `["a","b"]`, `{"plugin"}`, `['x', 'y']` (a JSON array, a Rust set or
 * Python list printed with Debug or repr), or -1: one value whatever its length and however many items it holds, one
 * or more, as a quoted string is (the quotes say each item is data, the brackets that their number is too). Read up to
 * MAX_LITERAL characters, unlike a bare list: quotes bound every item, so a long one is no run of prose. The list must
 * end the word.
 */
function quotedListAt(message: string, position: number): number {
  const open = message.charCodeAt(position);
  const close = open === Char.OpenBracket ? Char.CloseBracket : open === Char.OpenBrace ? Char.CloseBrace : -1;
  if (close < 0) return -1;
  const limit = Math.min(message.length, position + MAX_LITERAL);
  let i = position + 1;
  for (;;) {
    while (i < limit && message.charCodeAt(i) === Char.Space) i++;
    const quote = message.charCodeAt(i);
    if (!isQuoteMark(quote)) return -1;
    let j = i + 1;
    while (j < limit && message.charCodeAt(j) !== quote) j += message.charCodeAt(j) === Char.Backslash ? 2 : 1;
    if (j >= limit) return -1;
    i = j + 1;
    while (i < limit && message.charCodeAt(i) === Char.Space) i++;
    const c = message.charCodeAt(i);
    if (c === close) break;
    if (c !== Char.Comma) return -1;
    i++;
  }
  let end = i + 1;
  while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
  return end === message.length || isSpace(message.charCodeAt(end)) ? i + 1 : -1;
}

/** `&`, which Go's `%v` of a pointer to a struct opens with (`&{…}`). */
const AMPERSAND = 38;

/**
 * End of a value Go's fmt printed with `%v` or `%+v` at `position`, or -1: a pointer to a struct (`&{Master:
 * KubeConfig: Sources:[service ingress] …}`, `&{0.0.0.0:9333 {…}}`), a struct with its field names (`{Name:etcd-2
 * ClientURLs:[http://…]}`, a capitalised Go field and a colon after the brace) or a map (`map[OLLAMA_DEBUG:false
 * OLLAMA_HOST:…]`, `map[]`). Why it holds: a Go program that logs a value with `%v` hands the statement the whole
 * object, and which fields it holds and how many words each takes change with the object, so its words are no
 * tokens of the statement; the syntax marks it. The brackets and braces must balance within MAX_LITERAL and the value
 * must end the word.
 */
function goValueAt(message: string, position: number): number {
  const first = message.charCodeAt(position);
  let i = position;
  if (first === AMPERSAND) {
    if (message.charCodeAt(position + 1) !== Char.OpenBrace) return -1;
    i++;
  } else if (first === LOWER_M) {
    if (!message.startsWith('map[', position)) return -1;
    i += 3;
  } else if (first === Char.OpenBrace) {
    // A struct printed with its field names: an exported (capitalised) field's name and its colon first.
    let k = position + 1;
    const c = message.charCodeAt(k);
    if (!(c >= Char.UpperA && c <= Char.UpperZ)) return -1;
    while (k < message.length && k - position < 64 && isWordChar(message.charCodeAt(k))) k++;
    if (message.charCodeAt(k) !== Char.Colon) return -1;
  } else return -1;
  const limit = Math.min(message.length, position + MAX_LITERAL);
  let depth = 0;
  let blanks = 0;
  for (; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (c === Char.OpenBrace || c === Char.OpenBracket) depth++;
    else if (c === Char.Space) blanks++;
    else if ((c === Char.CloseBrace || c === Char.CloseBracket) && --depth === 0) {
      let end = i + 1;
      while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
      if (!(end === message.length || isSpace(message.charCodeAt(end)))) return -1;
      // A bare struct shows its fields parted by blanks: one name, a colon and no blank (`{Elapsed:000}`) is a
      // placeholder of a message template (Serilog's, .NET's composite format), the statement's own text.
      return first === Char.OpenBrace && blanks === 0 ? -1 : i + 1;
    }
  }
  return -1;
}

/**
 * End of a struct printed by a debug formatter at `position` (its `{`, after the type's name: namesStruct), or -1:
 * Rust's `{:?}` and Node's util.inspect
 * write an object as its type's name, then `{ field: value, … }` with a blank inside each brace (Meilisearch's `update
 * 3: ComputeIdsAndMergeDocuments { documents_seen: 2, total_documents: 2 }`, Linkerd's `send frame=Headers {
 * stream_id: StreamId(1), flags: (0x4: END_HEADERS) }`, text-generation-inference's `Args { model_id: "…", revision:
 * None, … }`). Why it holds: a program that logs an object through its debug form hands the statement the whole
 * object, whose fields, their number and the words each value takes change with the object (an enum's variants hold
 * different fields), so none of its words are the statement's; the `{ name: ` after a type's name and the ` }` that
 * closes it are the formatter's, which no sentence writes. The braces must balance (quoted strings skipped) within
 * MAX_LITERAL, the first field's name is a word of letters, digits and `_`, and the value ends the word.
 */
function debugStructAt(message: string, position: number): number {
  if (message.charCodeAt(position + 1) !== Char.Space || !isAsciiLetter(message.charCodeAt(position + 2))) return -1;
  let k = position + 3;
  while (k < message.length && k - position < 64 && isWordChar(message.charCodeAt(k))) k++;
  if (message.charCodeAt(k) !== Char.Colon || message.charCodeAt(k + 1) !== Char.Space) return -1;
  const limit = Math.min(message.length, position + MAX_LITERAL);
  let depth = 0;
  for (let i = position; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (c === Char.Quote) {
      // A string the formatter quoted, escapes and all (`message: "Cannot assign \"x\""`): skipped to its end.
      let j = i + 1;
      while (j < limit && message.charCodeAt(j) !== Char.Quote) j += message.charCodeAt(j) === Char.Backslash ? 2 : 1;
      if (j >= limit) return -1;
      i = j;
    } else if (c === Char.OpenBrace) depth++;
    else if (c === Char.CloseBrace && --depth === 0) {
      if (message.charCodeAt(i - 1) !== Char.Space) return -1;
      let end = i + 1;
      while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
      return end === message.length || isSpace(message.charCodeAt(end)) ? i + 1 : -1;
    }
  }
  return -1;
}

/**
 * The last token of `out` is the type's name of a debug-printed struct whose `{` is at `brace` (debugStructAt): a kept
 * word that opens with a capital and is all letters, digits and `_` (`Headers`, `BankHashStats`), one blank before the
 * brace. A brace after anything else (`upstream { server: x }`, a config block quoted in a sentence) is no such print.
 */
function namesStruct(message: string, out: TokenScan, brace: number): boolean {
  const last = out.count - 1;
  if (last < 0) return false;
  const start = out.starts[last];
  const end = out.ends[last];
  if (out.flags[last] === 1 || end !== brace - 1 || message.charCodeAt(end) !== Char.Space) return false;
  const c = message.charCodeAt(start);
  if (!(c >= Char.UpperA && c <= Char.UpperZ)) return false;
  for (let i = start + 1; i < end; i++) if (!isWordChar(message.charCodeAt(i))) return false;
  return true;
}

/** Longest object representation read as one value (characters); see objectReprAt. */
const MAX_REPR = 1024;

/**
 * End of an object's representation at `position` (its `<`), or -1: Python's default repr, `<module.Class object at
 * 0x7f9a980aaf90>`, and those written after it that name an object by its address (`<bound method Router.on_failure of
 * <litellm.router.Router object at 0x10fc362c0>>`, supervisord's `<POutputDispatcher at 39415392 for <Subprocess at
 * 38594752 with name web in state STARTING> (stdout)>`). Why it holds: a program that logs an object it holds (a
 * callback, a lock, a factory) prints its repr, whose class and address, and the words a custom repr adds, are the
 * object's: the statement's text is around it. The angle brackets open on a name and balance within MAX_REPR, ` at `
 * and an address (digits, or `0x` and hex digits) stand inside, and the value ends the word. An Erlang binary, which
 * opens with `<<"`, is read by erlangBinaryAt.
 */
function objectReprAt(message: string, position: number): number {
  if (message.startsWith('<<"', position)) return erlangBinaryAt(message, position);
  const first = message.charCodeAt(position + 1);
  if (!(isAsciiLetter(first) || first === 95)) return -1;
  const limit = Math.min(message.length, position + MAX_REPR);
  let depth = 0;
  let address = false;
  for (let i = position; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (c === Char.Less) depth++;
    else if (c === Char.Greater) {
      if (--depth > 0) continue;
      let end = i + 1;
      while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
      return address && (end === message.length || isSpace(message.charCodeAt(end))) ? i + 1 : -1;
    } else if (c === Char.Space && !address && message.startsWith('at ', i + 1) && isDigit(message.charCodeAt(i + 4))) {
      let j = i + 4;
      if (message.charCodeAt(j) === Char.Zero && message.charCodeAt(j + 1) === Char.LowerX) j += 2;
      address = isDigit(message.charCodeAt(j)) || isHexLetter(message.charCodeAt(j));
    }
  }
  return -1;
}

/**
 * End of a binary Erlang's `~p` printed at `position` (its `<<"`), or -1: the string's text between `<<"` and `">>`, or
 * `"...>>` where the printer cut it (EMQX's `PUBLISH to t/1: <<"{\"account\":\"4010…\"…"...>>`, ejabberd's `Send XML on
 * stream = <<"<stream:features>…">>`). Why it holds: it is the payload or the text the statement was handed, printed
 * whole in the language's literal syntax, so its words are the data's; the `<<"` and `">>` are the printer's. The
 * string ends at its first unescaped `"` within MAX_LITERAL, and the value ends the word.
 */
function erlangBinaryAt(message: string, position: number): number {
  const limit = Math.min(message.length, position + MAX_LITERAL);
  let i = position + 3;
  while (i < limit && message.charCodeAt(i) !== Char.Quote) i += message.charCodeAt(i) === Char.Backslash ? 2 : 1;
  if (i >= limit) return -1;
  let close = i + 1;
  if (message.startsWith('...', close)) close += 3;
  if (!message.startsWith('>>', close)) return -1;
  let end = close + 2;
  while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
  return end === message.length || isSpace(message.charCodeAt(end)) ? close + 2 : -1;
}

/** Least hex digits of an address after `0x` (addressedObjectAt): a pointer, not a flag such as `0x1`. */
const MIN_ADDRESS_DIGITS = 6;

/**
 * End of an object printed as its class's name and its address in parentheses (the name [start, open), the `(` at
 * `open`), or -1: Qt's QDebug of a QObject (`MixxxMainWindow(0x7ffcbaab69b0)`, `WWidgetStack(0x5aa8df5be590, name =
 * "WidgetStack")`) and Perl's stringified reference (`CODE(0x560baecc6878)`). Why it holds: as with a Python repr
 * (objectReprAt), a program that logs an object it holds prints what identifies it, its class and where it lives, and
 * both are the object's, not the statement's; a pointer's `0x` and MIN_ADDRESS_DIGITS hex digits first in the
 * parentheses mark it. The name is a word (letters, digits, `_`, `::`), the parentheses balance (quoted strings skipped)
 * within MAX_REPR, and the value ends the word.
 */
function addressedObjectAt(message: string, start: number, open: number): number {
  if (!isAsciiLetter(message.charCodeAt(start)) || message.charCodeAt(open + 1) !== Char.Zero || message.charCodeAt(open + 2) !== Char.LowerX) return -1;
  for (let i = start; i < open; i++) {
    const c = message.charCodeAt(i);
    if (!(isWordChar(c) || c === Char.Colon)) return -1;
  }
  let i = open + 3;
  while (i < message.length && (isDigit(message.charCodeAt(i)) || isHexLetter(message.charCodeAt(i)))) i++;
  if (i - open - 3 < MIN_ADDRESS_DIGITS) return -1;
  const limit = Math.min(message.length, open + MAX_REPR);
  let depth = 1;
  for (; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (c === Char.Quote) {
      const close = message.indexOf('"', i + 1);
      if (close < 0 || close >= limit) return -1;
      i = close;
    } else if (c === Char.OpenParen) depth++;
    else if (c === Char.CloseParen && --depth === 0) {
      let end = i + 1;
      while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
      return end === message.length || isSpace(message.charCodeAt(end)) ? i + 1 : -1;
    }
  }
  return -1;
}

/** Longest name after a number in parentheses (codeNameAt): a symbol's or a state's name, not a sentence. */
const MAX_CODE_NAME = 32;

/**
 * End of a number followed, glued, by a name in parentheses (the number [start, open), decimal with its sign or `0x`
 * and hexadecimal digits as `%d` and `%#x` write it, the `(` at `open`), or -1:
 * FFmpeg's `nal_unit_type: 7(SPS)` (Moonlight), Asterisk's `response 200(OK)`, a state's `3(idle)`. Why it holds: a
 * program that prints a code with `%d(%s)` fills the name in from the code (an enum's symbol, a state's or a status's
 * name), so the name changes exactly when the number does and is as much a value; read as a word, it split one
 * statement into one template per code. Across the studied excerpts every such name was a value in the truth. The name opens with a letter and holds letters,
 * digits, `_` and `-` (at most MAX_CODE_NAME), and nothing but punctuation follows the `)` in the word. A number with a
 * blank before its parenthesis (`signal 17 (SIGCHLD)`) is annotationAt's to read.
 */
function codeNameAt(message: string, start: number, open: number): number {
  // A negative errno's `-2(ENOENT)` and a register's `0x1f(CTRL)` are the same code and name (rev27a): read as a number
  // and a word, they split the statement into one template per name, as a plain one did.
  let digits = message.charCodeAt(start) === Char.Minus ? start + 1 : start;
  const hex = message.charCodeAt(digits) === Char.Zero && message.charCodeAt(digits + 1) === Char.LowerX;
  if (hex) digits += 2;
  if (digits >= open) return -1;
  for (let i = digits; i < open; i++) if (!(hex ? isHexLetterOrDigit(message.charCodeAt(i)) : isDigit(message.charCodeAt(i)))) return -1;
  if (!isAsciiLetter(message.charCodeAt(open + 1))) return -1;
  const limit = Math.min(message.length, open + 2 + MAX_CODE_NAME);
  let i = open + 2;
  while (i < limit && (isWordChar(message.charCodeAt(i)) || message.charCodeAt(i) === Char.Minus)) i++;
  if (message.charCodeAt(i) !== Char.CloseParen) return -1;
  let end = i + 1;
  while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
  return end === message.length || isSpace(message.charCodeAt(end)) ? i + 1 : -1;
}

/** End of a `{}` or `[]` at `position` that is a word of its own (trailing punctuation aside), or -1. */
function emptyCollectionAt(message: string, position: number): number {
  const open = message.charCodeAt(position);
  const close = message.charCodeAt(position + 1);
  if (!((open === Char.OpenBrace && close === Char.CloseBrace) || (open === Char.OpenBracket && close === Char.CloseBracket))) return -1;
  let end = position + 2;
  while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
  return end === message.length || isSpace(message.charCodeAt(end)) ? position + 2 : -1;
}

/**
 * End of a collection a program printed in its language's literal syntax, or -1: Go's `%#v` of a slice or map
 * (`[]string{"plan"}`, `map[string]int{"a":1}`), Ruby's Hash#inspect (`{:url=>"redis://…", :namespace=>"x"}`,
 * Logstash's `{"id"=>"main", "pipeline.workers"=>2}`), Python's dict repr (`{'k': 'v'}`) and JSON serialized into a
 * sentence (Traefik's `Starting provider *file.Provider {"directory":"…","watch":true}`). Such text is data the
 * statement was handed whole (a command line, a config, options): how many entries it has, and which keys, change
 * from line to line of one call (`{:url=>…}` beside `{:id=>…, :url=>…}`), so it is one variable, never fields to
 * read one by one. The syntax marks it without doubt, so this holds on a 25-line excerpt as on a 2,000-line file:
 * a Go type before `{`, a Ruby `=>` after the first key, a quoted first key and a colon for Python and JSON (a
 * JSON record that is the whole line was read by the format layer before the message got here; a JSON object of one
 * field is read as that field). The braces must balance,
 * outside quoted strings (which may hold `}`), within MAX_LITERAL, and the value must end the word.
 */
function literalAt(message: string, position: number): number {
  const open = literalOpening(message, position);
  if (open < 0) return -1;
  const limit = Math.min(message.length, position + MAX_LITERAL);
  // A JSON object of one field (`{"exception":"…"}`) reads as a key and its value, as `key=value` does: its key stays.
  const json = open === position && message.charCodeAt(position + 1) === Char.Quote && message.charCodeAt(message.indexOf('"', position + 2) + 1) === Char.Colon;
  let entries = 1;
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (c === Char.Comma && depth === 1) entries++;
    else if (c === Char.Quote || c === Char.Apostrophe) {
      // A quoted string: skipped to its closing mark (a backslash escapes the next character).
      let j = i + 1;
      while (j < limit && message.charCodeAt(j) !== c) j += message.charCodeAt(j) === Char.Backslash ? 2 : 1;
      if (j >= limit) return -1;
      i = j;
    } else if (c === Char.OpenBrace) depth++;
    else if (c === Char.CloseBrace && --depth === 0) {
      let end = i + 1;
      while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
      return (end === message.length || isSpace(message.charCodeAt(end))) && !(json && entries < 2) ? i + 1 : -1;
    }
  }
  return -1;
}

/**
 * Where the `{` of a literal (literalAt) that starts at `position` is, or -1: after a Go slice or map type (`[]T{`,
 * `map[K]V{`, the type of letters, digits, `_`, `.`, `*` and brackets), or at `position` when the first key is a Ruby
 * hash's (`:sym=>`, `"key"=>`, `key=>`), a Python dict's (`'key': `) or a JSON object's (`"key":`).
 */
function literalOpening(message: string, position: number): number {
  const first = message.charCodeAt(position);
  if (first === Char.OpenBrace) return isHashOpening(message, position + 1) ? position : -1;
  let i = position;
  if (first === Char.OpenBracket) {
    if (message.charCodeAt(position + 1) !== Char.CloseBracket) return -1;
    i += 2;
  } else if (message.startsWith('map[', position)) i += 4;
  else return -1;
  const typeStart = i;
  const limit = Math.min(message.length, position + 64);
  for (; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (!(isWordChar(c) || c === Char.Dot || c === 42 /* * */ || c === Char.OpenBracket || c === Char.CloseBracket)) break;
  }
  return i > typeStart && message.charCodeAt(i) === Char.OpenBrace ? i : -1;
}

/** The text at `at`, just inside a `{`, opens a Ruby hash's first entry (`:url=>`, `"id"=>`), a Python dict's (`'k': `) or a JSON object's (`"k":`). */
function isHashOpening(message: string, at: number): boolean {
  // Python 2 writes a unicode or bytes key with its prefix (`{u'tgt': u'glob'}`): the dict's syntax all the same.
  let i = hasStringPrefix(message, at) ? at + 1 : at;
  const c = message.charCodeAt(i);
  if (c === Char.Quote || c === Char.Apostrophe) {
    const close = message.indexOf(c === Char.Quote ? '"' : "'", i + 1);
    if (close < 0 || close - i > 64) return false;
    i = close + 1;
    if (message.charCodeAt(i) === Char.Colon) return true;
  } else {
    if (c === Char.Colon) i++;
    const nameStart = i;
    while (i < message.length && i - nameStart < 64 && isWordChar(message.charCodeAt(i))) i++;
    if (i === nameStart) return false;
  }
  return message.charCodeAt(i) === Char.Equals && message.charCodeAt(i + 1) === Char.Greater;
}

/**
 * End of a bracketed list at `position`, `[TERM, HUP, INT]` or `{a, b}`, or -1: its items are data and their number
 * varies from line to line of one event, so the whole list is one variable. Brackets must balance within MAX_LIST,
 * and the items hold no `=` or `:` (fields of a record are not list items).
 */
function listAt(message: string, position: number): number {
  const open = message.charCodeAt(position);
  if (open !== Char.OpenBracket && open !== Char.OpenBrace) return -1;
  const close = open === Char.OpenBracket ? Char.CloseBracket : Char.CloseBrace;
  let depth = 0;
  let commas = 0;
  // Where the current item starts (after the opening bracket or an item's comma and blanks).
  let itemStart = position + 1;
  const limit = Math.min(message.length, position + MAX_LIST);
  for (let i = position; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (c === open) depth++;
    else if (c === Char.Comma && depth === 1) {
      commas++;
      itemStart = i + 1;
      while (itemStart < limit && isSpace(message.charCodeAt(itemStart))) itemStart++;
    }
    // A record of fields (`{ action=ACTION_DOWN, x=3 }`, `{a: 1, b: 2}`) is not a list: its values, enum constants among
    // them, are read. A colon inside an item that does not open with a key is no field's (`{/jobs/:id, PUT}`, a route's
    // parameter; `[10.0.0.1:80, …]`, an address's port).
    else if (c === Char.Equals || (c === Char.Colon && opensWithKey(message, itemStart, i))) return -1;
    else if (c === close && --depth === 0) {
      let end = i + 1;
      while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
      return commas > 0 && (end === message.length || isSpace(message.charCodeAt(end))) ? i + 1 : -1;
    }
  }
  return -1;
}

/**
 * The text [start, colon) of a bracketed item is a field's key, so the colon after it makes the item a field (listAt):
 * a name (a letter or `_`, then letters, digits, `_`, `-`, `.`), quoted or not (Python 2's `u'key'` too), or nothing.
 * Why it holds: a record writes each field as its key's name and then the colon; a colon after anything else is part
 * of a value (a route's `/:id` parameter, an address's `:port`, a time's `12:00`), and a list of such values is a list
 * as one without the colon is, whose items and their number change from line to line of one statement.
 */
function opensWithKey(message: string, start: number, colon: number): boolean {
  let from = start;
  let to = colon;
  while (from < to && isSpace(message.charCodeAt(from))) from++;
  while (to > from && isSpace(message.charCodeAt(to - 1))) to--;
  if (hasStringPrefix(message, from)) from++;
  if (to > from + 1 && isQuoteMark(message.charCodeAt(from)) && message.charCodeAt(to - 1) === message.charCodeAt(from)) {
    from++;
    to--;
  }
  if (from === to) return true;
  const first = message.charCodeAt(from);
  if (!(isAsciiLetter(first) || first === 95 || first > 127)) return false;
  for (let k = from + 1; k < to; k++) {
    const c = message.charCodeAt(k);
    if (!(isWordChar(c) || c === Char.Minus || c === Char.Dot || c > 127)) return false;
  }
  return true;
}

/** At `at`, Python's `u` or `b` prefix of a quoted string (`u'glob'`, `b"…"`). */
function hasStringPrefix(message: string, at: number): boolean {
  const c = message.charCodeAt(at);
  return (c === 117 /* u */ || c === 98 /* b */) && isQuoteMark(message.charCodeAt(at + 1));
}

/**
 * Pushes a key [keyStart, keyEnd) (a piece, a variable when `counted`) and its value [valueStart, valueEnd) as one
 * variable; returns where the next word starts (past the punctuation that closes the value and the spaces after it).
 */
function pushKeyedValue(message: string, keyStart: number, keyEnd: number, counted: boolean, valueStart: number, valueEnd: number, out: TokenScan): number {
  pushPiece(message, keyStart, keyEnd, counted, out);
  out.push(true, valueStart, valueEnd);
  let position = valueEnd;
  while (position < message.length && !isSpace(message.charCodeAt(position))) position++;
  while (position < message.length && isSpace(message.charCodeAt(position))) position++;
  return position;
}

/**
 * Where the value in the bracket at `open`, glued to the key [start, open), ends (its closing bracket), when it is one
 * variable and the key a word of the event: a text with a space (`OS[Mac OS X/10.14.3/x86_64]`, `JVM[Oracle
 * Corporation/Java HotSpot(TM) 64-Bit Server VM/…]`, as Elasticsearch writes every value), which has as many words as
 * it happens to have, or one that is a variable word (`OS[Linux/3.16.0-30-generic/amd64]`), which would otherwise take
 * the key with it. -1 otherwise: a record's fields (`Point[x=1, y=2]`) and other bracketed words are read by the usual rules.
 */
function keyedValueAt(message: string, start: number, open: number): number {
  const close = keyedBracketAt(message, start, open);
  if (close < 0) return -1;
  for (let i = open + 1; i < close; i++) if (isSpace(message.charCodeAt(i))) return close;
  return isVariableWord(message.slice(open + 1, close)) ? close : -1;
}

/** Where the bracket at `open`, glued to a key of letters, digits and `_`, closes: balanced, no `=`, only punctuation after; or -1. */
function keyedBracketAt(message: string, start: number, open: number): number {
  for (let i = start; i < open; i++) {
    const c = message.charCodeAt(i);
    if (!(isDigit(c) || (c >= Char.LowerA && c <= Char.LowerZ) || (c >= Char.UpperA && c <= Char.UpperZ) || c === 95 /* _ */)) return -1;
  }
  let depth = 0;
  const limit = Math.min(message.length, open + MAX_LIST);
  for (let i = open; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (c === Char.OpenBracket) depth++;
    else if (c === Char.Equals) return -1;
    else if (c === Char.CloseBracket && --depth === 0) {
      let end = i + 1;
      while (end < message.length && isTrailingPunctuation(message.charCodeAt(end))) end++;
      return end === message.length || isSpace(message.charCodeAt(end)) ? i : -1;
    }
  }
  return -1;
}

/** Words without a backslash a Windows path may hold between two that have one (`Program Files (x86)\`). */
const MAX_PATH_GAP = 2;

/**
 * End of a Windows path at `position` that runs across spaces (`C:\Program Files (x86)\App\a.exe`, or with forward
 * slashes as Qt and many ports write it, `C:/Program Files/Mumble/murmur.ini`), or -1: a drive path whose folder names
 * hold spaces is one value. The path ends with the last word holding its separator that follows within MAX_PATH_GAP
 * words of the one before, before another drive path or a bracket opened without the separator; a path without
 * spaces is left to the word rules.
 */
function windowsPathAt(message: string, position: number): number {
  const first = message.charCodeAt(position) | 32;
  const separator = message.charCodeAt(position + 2);
  if (first < Char.LowerA || first > Char.LowerZ || message.charCodeAt(position + 1) !== Char.Colon || (separator !== Char.Backslash && separator !== Char.Slash)) return -1;
  const mark = separator === Char.Slash ? '/' : '\\';
  let end = position;
  while (end < message.length && !isSpace(message.charCodeAt(end))) end++;
  const start = end;
  for (;;) {
    let next = end;
    let found = -1;
    for (let gap = 0; gap <= MAX_PATH_GAP && next < message.length; gap++) {
      while (next < message.length && isSpace(message.charCodeAt(next))) next++;
      const wordStart = next;
      while (next < message.length && !isSpace(message.charCodeAt(next))) next++;
      const holdsMark = message.lastIndexOf(mark, next - 1) >= wordStart;
      // Another drive path, or a bracket opened without the path's separator in it (`(basepath C:/…)`, not
      // `(x86)\App`), is text after the path.
      if (message.charCodeAt(wordStart + 1) === Char.Colon || (!holdsMark && classOf(message.charCodeAt(wordStart)) & CharClass.Opening)) break;
      if (holdsMark) {
        found = next;
        break;
      }
    }
    if (found < 0) break;
    end = found;
  }
  if (end === start) return -1;
  while (end > position + 1 && isTrailingPunctuation(message.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * The quote that opens a message and closes at `close` is the message itself: nothing but `key=value` fields follows
 * it (klog's `"Probe failed" pod="x"`). When prose follows, the quote is a value the sentence starts with (Consul's
 * `"Catalog.Register" RPC failed to server …`, which RPC).
 */
function isQuotedMessage(message: string, close: number): boolean {
  let at = close + 1;
  while (at < message.length && isSpace(message.charCodeAt(at))) at++;
  if (at >= message.length) return true;
  FIELD_KEY_AT.lastIndex = at;
  return FIELD_KEY_AT.test(message);
}

/** Two white-space characters or a tab end right before `position`: a column gap, not a space between words. */
function followsGap(message: string, position: number): boolean {
  const before = message.charCodeAt(position - 1);
  return before === Char.Tab || (before === Char.Space && isSpace(message.charCodeAt(position - 2)));
}

/**
 * The word before the gap at `position` holds a `=`: the gap is inside the statement's own list of fields (PAM's
 * `rhost=<host>  user=<name>`, where the optional `user=` makes another event), not between a message and fields.
 */
function followsField(message: string, position: number): boolean {
  let end = position;
  while (end > 0 && isSpace(message.charCodeAt(end - 1))) end--;
  for (let i = end - 1; i >= 0 && !isSpace(message.charCodeAt(i)); i--) if (message.charCodeAt(i) === Char.Equals) return true;
  return false;
}

/** A logfmt key: a letter or `_`, then letters, digits, `_`, `.` and `-`. */
const FIELD_KEY_AT = /[A-Za-z_][\w.-]*=/y;

/**
 * End of the message when everything from `position` to it is `key=value` fields (a value bare, empty or quoted with
 * `\` escapes), else -1. Called after a column gap: loggers such as logrus pad the message and append the fields the
 * logger was given (`loading plugin "x"...  module=containerd type=y`), and which fields a line carries depends on the
 * logger that wrote it, not on the statement, so they are one variable. Fields after one space (`acquire lock=1`) are
 * the statement's own text and are not read here, nor a gap after a field (followsField).
 */
function fieldTailAt(message: string, position: number): number {
  const length = message.length;
  let at = position;
  while (at < length) {
    FIELD_KEY_AT.lastIndex = at;
    if (!FIELD_KEY_AT.test(message)) return -1;
    at = FIELD_KEY_AT.lastIndex;
    if (message.charCodeAt(at) === Char.Quote) {
      at++;
      while (at < length && message.charCodeAt(at) !== Char.Quote) at += message.charCodeAt(at) === Char.Backslash ? 2 : 1;
      if (at >= length) return -1;
      at++;
      if (at < length && !isSpace(message.charCodeAt(at))) return -1;
    } else while (at < length && !isSpace(message.charCodeAt(at))) at++;
    let next = at;
    while (next < length && isSpace(message.charCodeAt(next))) next++;
    if (next === length) return at;
    at = next;
  }
  return at;
}

/**
 * Where the text of `(label: text)` at `position` ends (its closing parenthesis), when the label is letters and the text
 * holds two words or more: `(reason: Adding new member … with group instanceid None)` (Kafka), a remark of any length
 * that the label names, so one variable. -1 otherwise (one word after the label is read by the usual rules), and -1 for
 * a list of labelled values (`(code: 0, signal: null)`, `(pid: 37, cores: 2)`, isLabelAfterComma): each label there is
 * the statement's own text, and a statement that prints one more label than another (`(code: 0)`) is another one.
 */
function labelledTextAt(message: string, position: number): number {
  let at = position + 1;
  for (let c = message.charCodeAt(at) | 0x20; c >= Char.LowerA && c <= Char.LowerZ; c = message.charCodeAt(at) | 0x20) at++;
  if (at === position + 1 || message.charCodeAt(at) !== Char.Colon || message.charCodeAt(at + 1) !== Char.Space) return -1;
  let depth = 1;
  let words = 0;
  const limit = Math.min(message.length, position + MAX_LIST);
  for (let i = at + 2; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (c === Char.OpenParen) depth++;
    else if (c === Char.CloseParen && --depth === 0) {
      let end = i + 1;
      while (end < message.length && isTrailingPunctuation(message.charCodeAt(end)) && message.charCodeAt(end) !== Char.OpenParen) end++;
      return words >= 1 && (end === message.length || isSpace(message.charCodeAt(end))) ? i : -1;
    } else if (isSpace(c) && !isSpace(message.charCodeAt(i - 1))) {
      if (depth === 1 && message.charCodeAt(i - 1) === Char.Comma && isLabelAfterComma(message, i + 1)) return -1;
      words++;
    }
  }
  return -1;
}

/** Labels a list of labelled values must hold (labelListAt): one is a remark's label (labelledTextAt). */
const MIN_LIST_LABELS = 2;

/**
 * Where a list of labelled values in parentheses at `position` ends (past its closing parenthesis and the punctuation
 * glued after it), or -1: `(code: 0, signal: null)`, `(version: 27096, sigs: 2046777, f-level: 90, builder: raynman)`,
 * `(cluster: https://…, namespace: argocd)`, MIN_LIST_LABELS labels or more, each letters (a `-` or `_` inside) then
 * `: ` and a value that runs to the next `, ` or the closing parenthesis (brackets inside balanced). `ranges` receives
 * each label's and value's [start, end), four numbers an item. Why: a program prints such a list with one format
 * (`(code: %d, signal: %s)`), so the labels are its text and each value is one variable whatever its words, as a
 * `key=value` field's value is; which labels a line shows tells its statement (`(code: 0)` is another).
 */
function labelListAt(message: string, position: number, ranges: number[]): number {
  ranges.length = 0;
  const limit = Math.min(message.length, position + MAX_LIST);
  let at = position + 1;
  for (;;) {
    const labelEnd = labelEndAt(message, at);
    if (labelEnd < 0) return -1;
    const valueStart = labelEnd + 2;
    let depth = 0;
    let i = valueStart;
    for (; i < limit; i++) {
      const c = message.charCodeAt(i);
      if (c === Char.OpenParen || c === Char.OpenBracket || c === Char.OpenBrace) depth++;
      else if (depth > 0 && (c === Char.CloseParen || c === Char.CloseBracket || c === Char.CloseBrace)) depth--;
      else if (depth === 0 && (c === Char.CloseParen || (c === Char.Comma && message.charCodeAt(i + 1) === Char.Space))) break;
    }
    if (i >= limit || i === valueStart || isSpace(message.charCodeAt(i - 1))) return -1;
    ranges.push(at, labelEnd, valueStart, i);
    if (message.charCodeAt(i) === Char.CloseParen) {
      if (ranges.length < 4 * MIN_LIST_LABELS) return -1;
      let end = i + 1;
      while (end < message.length && isTrailingPunctuation(message.charCodeAt(end)) && message.charCodeAt(end) !== Char.OpenParen) end++;
      return end === message.length || isSpace(message.charCodeAt(end)) ? end : -1;
    }
    at = i + 2;
  }
}

/** The end of a label at `at` (letters, a `-` or `_` inside) when `: ` follows it, else -1 (labelListAt). */
function labelEndAt(message: string, at: number): number {
  let end = at;
  for (let c = message.charCodeAt(end) | 0x20; (c >= Char.LowerA && c <= Char.LowerZ) || ((c === Char.Minus || c === 0x7f /* `_` | 0x20 */) && end > at); c = message.charCodeAt(end) | 0x20) end++;
  return end > at && message.charCodeAt(end) === Char.Colon && message.charCodeAt(end + 1) === Char.Space ? end : -1;
}

/**
 * A label opens at `at`, right after `, `: letters then `: ` (a `-` or `_` inside, as in ClamAV's `f-level:`), the
 * next item of a list of labelled values (labelledTextAt).
 */
function isLabelAfterComma(message: string, at: number): boolean {
  return labelEndAt(message, at) > 0;
}

/** Words in an optional annotation, at most. */
const MAX_ANNOTATION_WORDS = 3;

/**
 * The word before `position` (the blanks before it skipped) ends in a whole number, decimal or `0x` hex: a code that
 * a symbolic name may spell (`signal 17 (SIGCHLD)`, `errno=13 (EACCES)`, `0x1f (FOO)`). The last part of an address or
 * a version (`10.0.0.1 (FAILED)`, `2.4 (BETA)`) is not: a word there is the line's own (a result, a state), which
 * other lines of the event write otherwise (`(PASSED)`) and a reader needs to see.
 */
function endsInCode(message: string, position: number): boolean {
  let end = position;
  while (end > 0 && isWhiteSpace(message.charCodeAt(end - 1))) end--;
  while (end > 0 && !isDigit(message.charCodeAt(end - 1)) && !/[A-Fa-f]/.test(message[end - 1]) && isTrailingPunctuation(message.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && /[0-9A-Fa-f]/.test(message[start - 1])) start--;
  const hex = start >= 2 && (message[start - 1] === 'x' || message[start - 1] === 'X') && message[start - 2] === '0';
  if (hex) start -= 2;
  else {
    // Decimal: the digits only (a hex letter before them belongs to a word).
    start = end;
    while (start > 0 && isDigit(message.charCodeAt(start - 1))) start--;
  }
  if (start === end) return false;
  const before = start > 0 ? message[start - 1] : ' ';
  return before !== '.' && before !== ':';
}

/**
 * The word before `position` (blanks and trailing punctuation skipped) is a number: digits, with `.` or `,` between
 * them (`11`, `2.5`), opened by a blank or opening punctuation, not a letter (`color0`, `eth0`: names).
 */
function isNumberBefore(message: string, position: number): boolean {
  let end = position;
  while (end > 0 && isWhiteSpace(message.charCodeAt(end - 1))) end--;
  while (end > 0 && !isDigit(message.charCodeAt(end - 1)) && isTrailingPunctuation(message.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && (isDigit(message.charCodeAt(start - 1)) || ((message[start - 1] === '.' || message[start - 1] === ',') && isDigit(message.charCodeAt(start - 2))))) start--;
  if (start === end) return false;
  return start === 0 || isWhiteSpace(message.charCodeAt(start - 1)) || (classOf(message.charCodeAt(start - 1)) & CharClass.Opening) !== 0;
}

/**
 * End of an optional annotation at `position` (its closing parenthesis and punctuation after it), or -1: a
 * parenthesised value with its unit, `(2.1 KB)`, `(<1 sec)`, `(10.0.0.1)`, which some lines of an event carry and
 * others do not, and the symbolic name of the number before it (`signal 17 (SIGCHLD)`). An annotation with a word
 * that is not a unit (`(errno 13)`) is not optional.
 */
function annotationAt(message: string, position: number, afterNumber: boolean): number {
  if (message.charCodeAt(position) !== Char.OpenParen) return -1;
  const close = message.indexOf(')', position + 1);
  if (close < 0 || close - position > 64) return -1;
  // The words between the parentheses, split at white space as trim() and /\s+/ see it, read in place.
  let words = 0;
  let values = 0;
  let other = false;
  let firstStart = 0;
  let firstEnd = 0;
  let lowerWords = 0;
  for (let start = position + 1; ; ) {
    while (start < close && isWhiteSpace(message.charCodeAt(start))) start++;
    if (start === close) break;
    let end = start;
    while (end < close && !isWhiteSpace(message.charCodeAt(end))) end++;
    if (++words > MAX_ANNOTATION_WORDS) return -1;
    if (words === 1) {
      firstStart = start;
      firstEnd = end;
    }
    // The value without a leading comparison (`<1`, `~2.1`, `>=5`).
    let bare = start;
    while (bare < end && isComparison(message.charCodeAt(bare))) bare++;
    if (bare < end && (isVariablePiece(message, bare, end) || (mayBeVariableWord(message, bare, end) && isVariableRange(message, bare, end)))) values++;
    else if (!UNITS.has(message, bare, end)) other = true;
    if (isLowerCaseWord(message, start, end)) lowerWords++;
    start = end;
  }
  // The symbolic name of the number before it (`signal 17 (SIGCHLD)`, `13 (EACCES)`) is that number's, not the event's.
  if (afterNumber && words === 1 && endsInCode(message, position) && isEnumConstant(message.slice(firstStart, firstEnd))) {
    values = 1;
    other = false;
  }
  let end = close + 1;
  while (end < message.length && isTrailingPunctuation(message.charCodeAt(end)) && message.charCodeAt(end) !== Char.OpenParen) end++;
  // A remark of two or three plain lower-case words that ends the message is a note on the number before it
  // (`exited on signal 11 (core dumped)`), which some lines of the event carry and others do not. One word names the
  // value's kind (`0009f000 - 000a0000 (reserved)` / `(usable)` are two events) and stays a word of the message.
  // The word before is a number, not a name ending in a digit (`value 'color0' (using fallback).` is the sentence's own
  // remark, which a line about `'background'` writes too).
  if (afterNumber && words >= 2 && lowerWords === words && end === message.length && isNumberBefore(message, position)) return end;
  if (other || values === 0) return -1;
  return end === message.length || isSpace(message.charCodeAt(end)) ? end : -1;
}

/** [start, end) is a word of lower-case ASCII letters only. */
function isLowerCaseWord(message: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = message.charCodeAt(i);
    if (c < Char.LowerA || c > Char.LowerZ) return false;
  }
  return end > start;
}

/** Cheap pre-check before isVariableWord: whole-word variables hold `/`, `.`, `:`, `\\` or `@`. */
function mayBeVariableWord(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isWordVariableMark(text.charCodeAt(i))) return true;
  return false;
}

function isWordVariableMark(c: number): boolean {
  return c === Char.Slash || c === Char.Dot || c === Char.Colon || c === Char.At || c === Char.Backslash;
}

const DATE_NAMES = new WordSet(
  'Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun January February March April June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday',
  false,
);

/** Month and weekday names are parts of dates inside messages (`at Fri Jun 17 07:07:00 2005`): the text [start, end). */
export function isDateName(text: string, start = 0, end = text.length): boolean {
  const length = end - start;
  const first = text.charCodeAt(start);
  return length >= 3 && length <= 9 && first >= Char.UpperA && first <= Char.UpperZ && DATE_NAMES.has(text, start, end);
}

const MAX_QUOTED = 200;

/**
 * A quoted name or value of one or two words ("View Lock") is one token; a longer quoted text is an embedded
 * message or request line ("GET /v2/servers HTTP/1.1") whose words are tokens of their own.
 */
function isShortPhrase(text: string, start: number, end: number): boolean {
  let spaces = 0;
  for (let i = start; i < end; i++) if (isSpace(text.charCodeAt(i)) && ++spaces > 1) return false;
  return true;
}

/**
 * The quote at `index` opens the value of a named field, `key="…"` or `key: "…"` (`request: "GET /a HTTP/1.1"`): the
 * whole quoted text is that value, however many words it holds. A quoted text after anything else (an address, a
 * verb) may be the request line or message that names the event, and only a short one is one token.
 */
function isFieldQuote(text: string, wordStart: number, index: number): boolean {
  if (index > wordStart) return text.charCodeAt(index - 1) === Char.Equals;
  let end = wordStart - 1;
  while (end >= 0 && isSpace(text.charCodeAt(end))) end--;
  if (end < 1 || text.charCodeAt(end) !== Char.Colon) return false;
  const c = text.charCodeAt(end - 1);
  return (c >= Char.LowerA && c <= Char.LowerZ) || (c >= Char.UpperA && c <= Char.UpperZ) || c === 95;
}

/**
 * A quoted text of three or more words inside a message is a value the program interpolates (a title, a command, an
 * error text): its word count varies between the lines of one event, so the whole quote is one token. Not so a quote
 * that opens the message (it is the message), nor a request line (`"GET /a HTTP/1.1"`, its first word an HTTP method):
 * an access log's method names the event (GET and POST lines are two). Any other first word in capitals opens a value
 * like any word (slot24): a relayed line's level (Helix's `err <- "ERROR lsp_ai::transformer_worker: …"`), an artist
 * before a title (osu!'s `beatmap changed from "MISATO - Necro Fantasia (Chromoxx) [Lasse's Lunatic]" to "…"`), a
 * command given to another program (Exim's `SMTP protocol error in "AUTH LOGIN …"`, ProxySQL's `Computed checksum for
 * 'LOAD ADMIN VARIABLES TO RUNTIME'`, OwnTone's `Running query 'SELECT …'`), each one `"%s"` of its statement.
 */
function isQuotedValueText(text: string, start: number, end: number, opensMessage: boolean): boolean {
  if (opensMessage && isQuotedMessage(text, end)) return false;
  let firstEnd = start;
  while (firstEnd < end && !isSpace(text.charCodeAt(firstEnd))) firstEnd++;
  return !HTTP_METHODS.has(text.slice(start, firstEnd));
}

/**
 * Double quotes and apostrophes both quote values (an apostrophe where the message itself sits in double quotes, in
 * Python's reprs, in SQL). An apostrophe inside or after a word (`can't`, `users'`) opens nothing: see opensQuote.
 */
function isQuoteMark(c: number): boolean {
  return c === Char.Quote || c === Char.Apostrophe;
}

/**
 * Index of the quote mark `quote` that closes a quoted text starting at `from` (a backslash-escaped one does not), or
 * -1. An apostrophe closes only at the end of a word, so one inside a quoted word (`'don't stop'`) does not.
 */
function closingQuote(text: string, from: number, quote: number): number {
  const mark = quote === Char.Apostrophe ? "'" : '"';
  let close = text.indexOf(mark, from);
  while (close > 0 && (text.charCodeAt(close - 1) === Char.Backslash || (quote === Char.Apostrophe && !endsQuotedWord(text, close)))) close = text.indexOf(mark, close + 1);
  return close;
}

/**
 * closingQuote for one message, remembering its last answer per quote mark: the answer from `from` is the first
 * closing mark at or after it, so it holds for every later `from` up to that mark. Without this, a line of many
 * apostrophes that close nothing (`'ab 'cd 'ef …`) makes every one of them search all the others: quadratic.
 */
class QuoteCloses {
  // [from, answer] of the last search for a double quote and for an apostrophe; from = -1 when none is known.
  private quoteFrom = -1;
  private quoteClose = -1;
  private apostropheFrom = -1;
  private apostropheClose = -1;

  /** Forgets the answers: called before each message (they are indexes into it). */
  reset(): void {
    this.quoteFrom = -1;
    this.apostropheFrom = -1;
  }

  /**
   * Index of the double quote or apostrophe `quote` that closes a quoted text starting at `from` in the message being
   * scanned, or -1: closingQuote, with the pairs of double quotes nested in the text passed over (opensInnerQuote), so
   * that `played "Bobby "Blue" Bland/…/01 - You're the One.flac"` is one quoted value. Why it holds: a program quotes
   * what it was given whole, and a title or a path may hold quotes of its own, which open after a blank and close later;
   * a closing quote follows the text it closes, not a blank. An inner pair that does not close within MAX_QUOTED
   * characters, or a quote the text never closes after it, is read as before (the first mark closes).
   */
  find(text: string, from: number, quote: number): number {
    const close = this.first(text, from, quote);
    if (quote !== Char.Quote) return close;
    let at = close;
    while (at > from && opensInnerQuote(text, at)) {
      const pair = this.first(text, at + 1, quote);
      const next = pair < 0 ? -1 : this.first(text, pair + 1, quote);
      if (next < 0 || next - from > MAX_QUOTED) return close;
      at = next;
    }
    return at;
  }

  /** closingQuote(text, from, quote) for the message being scanned. */
  private first(text: string, from: number, quote: number): number {
    const apostrophe = quote === Char.Apostrophe;
    const knownFrom = apostrophe ? this.apostropheFrom : this.quoteFrom;
    const known = apostrophe ? this.apostropheClose : this.quoteClose;
    if (knownFrom >= 0 && from >= knownFrom && (known < 0 || from <= known)) return known;
    const close = closingQuote(text, from, quote);
    if (apostrophe) {
      this.apostropheFrom = from;
      this.apostropheClose = close;
    } else {
      this.quoteFrom = from;
      this.quoteClose = close;
    }
    return close;
  }
}

/** The double quote at `index` opens a quote inside a quoted text: a blank before it, a letter or digit after it. */
function opensInnerQuote(text: string, index: number): boolean {
  const next = text.charCodeAt(index + 1);
  return isSpace(text.charCodeAt(index - 1)) && (isDigit(next) || isAsciiLetter(next) || next > 127);
}

/** The apostrophe at `index` ends a word: the end of the text, a space or punctuation follows it. */
function endsQuotedWord(text: string, index: number): boolean {
  if (index + 1 >= text.length) return true;
  const next = text.charCodeAt(index + 1);
  return isSpace(next) || (next !== Char.Apostrophe && isTrailingPunctuation(next));
}

/** A quote mark at the start of a word or right after `=`, `:`, `(` or `[` opens a quoted value. */
function opensQuote(text: string, wordStart: number, index: number): boolean {
  if (index === wordStart) return true;
  const before = text.charCodeAt(index - 1);
  return before === Char.Equals || before === Char.Colon || before === Char.OpenParen || before === Char.OpenBracket;
}

function isComparison(c: number): boolean {
  return c === Char.Less || c === Char.Greater || c === 126 /* ~ */ || c === Char.Equals;
}

/** The text from start to end ends in `::`. */
function endsInDoubleColon(text: string, start: number, end: number): boolean {
  return end - start >= 2 && text.charCodeAt(end - 1) === Char.Colon && text.charCodeAt(end - 2) === Char.Colon;
}

function isOpeningPunctuation(c: number): boolean {
  return c === Char.OpenParen || c === Char.OpenBracket || c === Char.Quote || c === Char.Apostrophe || c === Char.Less || c === Char.OpenBrace;
}

function isTrailingPunctuation(c: number): boolean {
  return c === Char.Dot || c === Char.Comma || c === Char.Semicolon || c === Char.Colon || c === Char.CloseParen || c === Char.CloseBracket || c === Char.Quote || c === Char.Apostrophe || c === Char.Greater || c === Char.CloseBrace || c === 33 || c === 63;
}
