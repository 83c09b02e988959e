// A SQL statement printed bare in a message (an ORM's or a database tool's query log: `sql=SELECT … FROM … WHERE …`,
// `[SQL] SELECT count(*) FROM … [args] - 2ms`, `(query) SELECT pg_catalog.current_setting($1)`): the statement is the
// value its logging statement was handed, one `%s`, and its words, their number and their order change with every
// query; none of them is the logging statement's own wording. The tokenizer (tokenize.ts) reads it as one value.

/** Longest statement read as one value (characters): a longer text is cut there, as a quoted value would not be read. */
const MAX_STATEMENT = 8192;

/**
 * The statement's opening keywords and what must follow the first: a second keyword (`INSERT INTO`), a table's name
 * then a keyword (`UPDATE t SET`), or for SELECT a later FROM or a select list that needs none (`SELECT 1`, `SELECT *`,
 * `SELECT f(…)`). In capitals only: prose says `could not create table …` and `delete from the cache`, while a
 * program's logged statement is in capitals as the queries of an ORM and of a database's tools are written.
 */
const SECOND_KEYWORD: ReadonlyMap<string, readonly string[]> = new Map([
  ['INSERT', ['INTO']],
  ['REPLACE', ['INTO']],
  ['DELETE', ['FROM']],
  ['CREATE', ['TABLE', 'INDEX', 'UNIQUE', 'VIEW', 'TRIGGER', 'SEQUENCE', 'SCHEMA', 'TEMPORARY', 'TEMP']],
  ['DROP', ['TABLE', 'INDEX', 'VIEW', 'TRIGGER', 'SEQUENCE', 'SCHEMA']],
  ['ALTER', ['TABLE', 'INDEX', 'SEQUENCE']],
]);

/** Longest opening keyword (letters). */
const MAX_KEYWORD = 7;

/**
 * End of a SQL statement that starts at `position` (a word's start), or -1 when no statement starts there: one of
 * SELECT, INSERT INTO, REPLACE INTO, UPDATE t SET, DELETE FROM, CREATE/DROP/ALTER TABLE (and their like), WITH t AS (,
 * SHOW setting_name (see SECOND_KEYWORD and opensStatement). The statement runs to the message's end, or to where the
 * text the program prints after it starts: past the list of bound arguments an ORM prints next, in brackets after a
 * blank (`… IN (?) [20200418230605] - 3.3ms`, `… LIMIT $1  [["id", 1]]`), which belongs to the query; at a `; ` that a
 * further clause follows (`…; args=(1,)`); or at a closing bracket the statement did not open (a statement inside
 * parentheses). Quoted text in it (`'…'`, `"…"`, `` `…` ``) is skipped whole. Trailing blanks are not part of it.
 */
export function sqlStatementEnd(message: string, position: number): number {
  const keywordEnd = capitalRunEnd(message, position, MAX_KEYWORD + 1);
  const length = keywordEnd - position;
  if (length < 4 || length > MAX_KEYWORD) return -1;
  if (message.charCodeAt(keywordEnd) !== 32) return -1;
  if (!opensStatement(message, keywordEnd + 1, message.slice(position, keywordEnd))) return -1;
  return statementEnd(message, keywordEnd);
}

/** The text at `at` (after the keyword and its blank) goes on as a statement opened by `keyword` does (see sqlStatementEnd). */
function opensStatement(message: string, at: number, keyword: string): boolean {
  const second = SECOND_KEYWORD.get(keyword);
  if (second) return second.some((word) => isWordAt(message, at, word));
  if (keyword === 'UPDATE') {
    const tableEnd = identifierEnd(message, at);
    return tableEnd > at && message.charCodeAt(tableEnd) === 32 && isWordAt(message, tableEnd + 1, 'SET');
  }
  if (keyword === 'WITH') {
    const nameEnd = identifierEnd(message, at);
    return nameEnd > at && message.startsWith(' AS (', nameEnd);
  }
  if (keyword === 'SHOW') return isSettingName(message, at);
  if (keyword !== 'SELECT') return false;
  const c = message.charCodeAt(at);
  // `SELECT *`, `SELECT 1` and the like, or a function's result (`SELECT pg_is_in_recovery()`).
  if (c === 42 /* * */ || (c >= 48 && c <= 57)) return true;
  const nameEnd = identifierEnd(message, at);
  if (nameEnd > at && message.charCodeAt(nameEnd) === 40 /* ( */) return true;
  // A query builder may write its other keywords in lower case (xorm's `SELECT `a`, `b` from `t``).
  return hasWord(message, at, 'FROM') || hasWord(message, at, 'from');
}

/**
 * A setting's name at `at` that ends the message (`SHOW data_checksums`, PostgreSQL's and MySQL's way to read one):
 * lower-case letters, digits and `_`, with a `_` in it, the mark of a setting's name beside a word of prose.
 */
function isSettingName(message: string, at: number): boolean {
  let i = at;
  let underscore = false;
  while (i < message.length) {
    const c = message.charCodeAt(i);
    if (c === 95) underscore = true;
    else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) break;
    i++;
  }
  return underscore && i > at + 1 && !hasTextAfter(message, i);
}

/** End of the statement whose keyword ends at `from`: see sqlStatementEnd. */
function statementEnd(message: string, from: number): number {
  const limit = Math.min(message.length, from + MAX_STATEMENT);
  let depth = 0;
  let end = limit;
  for (let i = from; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (c === 39 || c === 34 || c === 96) {
      // '…', "…" or `…`: skipped to its closing mark (SQL doubles a quote inside; the pair is skipped as two strings).
      const close = message.indexOf(String.fromCharCode(c), i + 1);
      if (close < 0 || close >= limit) break;
      i = close;
    } else if (c === 40) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) {
        end = i;
        break;
      }
      if (c === 41) depth--;
    } else if (depth === 0 && c === 91 /* [ */ && message.charCodeAt(i - 1) === 32) {
      // The arguments bound to the statement's placeholders are the query's values as much as its text is.
      const close = bracketClose(message, i, limit);
      end = close > 0 ? close : i;
      break;
    } else if (depth === 0 && c === 59 /* ; */ && message.charCodeAt(i + 1) === 32 && hasTextAfter(message, i + 1)) {
      end = i + 1;
      break;
    }
  }
  while (end > from && isBlank(message.charCodeAt(end - 1))) end--;
  return end;
}

/** End (after the `]`) of the bracketed list that opens at `open`, its brackets balanced and quotes skipped, or -1. */
function bracketClose(message: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = message.charCodeAt(i);
    if (c === 39 || c === 34) {
      const close = message.indexOf(String.fromCharCode(c), i + 1);
      if (close < 0 || close >= limit) return -1;
      i = close;
    } else if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return i + 1;
  }
  return -1;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** End of the run of ASCII capitals at `at`, looking at no more than `max` of them. */
function capitalRunEnd(message: string, at: number, max: number): number {
  let i = at;
  while (i < message.length && i - at < max && message.charCodeAt(i) >= 65 && message.charCodeAt(i) <= 90) i++;
  return i;
}

/** `word` is at `at`, whole (no letter, digit or `_` glued after it). */
function isWordAt(message: string, at: number, word: string): boolean {
  if (!message.startsWith(word, at)) return false;
  const next = message.charCodeAt(at + word.length);
  return !(isLetter(next) || (next >= 48 && next <= 57) || next === 95);
}

/** `word` stands as a word of its own (blanks around it) somewhere after `at`. */
function hasWord(message: string, at: number, word: string): boolean {
  const limit = Math.min(message.length, at + MAX_STATEMENT);
  for (let i = message.indexOf(word, at); i >= 0 && i < limit; i = message.indexOf(word, i + 1)) {
    if (message.charCodeAt(i - 1) === 32 && isWordAt(message, i, word)) return true;
  }
  return false;
}

/** End of a table's or column's name at `at`: letters, digits, `_`, `.`, `$`, or one quoted name (`"users"`, `` `t` ``). */
function identifierEnd(message: string, at: number): number {
  const c = message.charCodeAt(at);
  if (c === 34 || c === 96) {
    const close = message.indexOf(String.fromCharCode(c), at + 1);
    return close > at + 1 && close - at <= 128 ? close + 1 : at;
  }
  let i = at;
  while (i < message.length && i - at < 128) {
    const d = message.charCodeAt(i);
    if (!(isLetter(d) || (d >= 48 && d <= 57) || d === 95 || d === 46 || d === 36)) break;
    i++;
  }
  return i;
}

/** Something other than blanks follows `at`. */
function hasTextAfter(message: string, at: number): boolean {
  for (let i = at; i < message.length; i++) if (!isBlank(message.charCodeAt(i))) return true;
  return false;
}
