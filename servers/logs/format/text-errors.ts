// Lines that carry no level yet read as errors by their text: the kernel's lines in kern.log or syslog (`Out of memory:
// Killed process 1234 (java)`, `blk_update_request: I/O error, dev sda`, `EXT4-fs error (device sda1)`, `myapp[4321]:
// segfault at 0 ip …`) have no level column, and error_summary could only say it cannot read their levels. These are
// never counted as ERROR (their level is unknown, and "no level" is what the tools say of them); they are told apart
// and named, as a separate count, so that "any errors?" points at them. The rule is the text's shape, the same for
// every program: an error word of the field's vocabulary as a word, not negated (`no errors`, `0 errors`), not an
// option's name (`errors=remount-ro`), not a count or a setting (`error_count`, `fail_timeout`: one word with `_`).

/**
 * A regex source (valid for ripgrep and JavaScript, matched case-insensitively) that every line isTextError accepts
 * matches: the cheap first pass of a scan, whose candidates isTextError then reads.
 */
export const TEXT_ERROR_CANDIDATES = 'error|fail|fatal|panic|segfault|out of memory|call trace';

/** Error words as whole words: `error(s)`, `fail`/`failed`/`failure(s)`/`fails`, `fatal`, `panic`, `segfault`, … */
const ERROR_WORD = /(?<![\w=-])(?:errors?|fail(?:ed|ures?|s)?|fatal|panic|segfault|out of memory|call trace)(?![\w-])(?!\s*=)(?!:\s*0\b)/gi;
/** Words right before an error word that say there was none (`no errors`, `0 errors`, `without error`, `zero failures`). */
const NEGATION_BEFORE = /(?:^|[^\w-])(?:no|0|zero|without|never|non)[\s-]+$/i;

/**
 * Whether `text` (a line's message, without a level of its own) reads as an error by its words: some error word of
 * ERROR_WORD stands as a word and is not negated by the word before it. False for `0 errors`, `no failures`,
 * `errors=remount-ro`, `error_count=3`, `failover`, `Errors: 0`.
 */
export function isTextError(text: string): boolean {
  ERROR_WORD.lastIndex = 0;
  for (let m = ERROR_WORD.exec(text); m; m = ERROR_WORD.exec(text)) {
    if (!NEGATION_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return true;
  }
  return false;
}
