// An exception's class name opening a message (`java.net.ConnectException: Connection timed out`, `ValueError: bad
// value`, .NET's `System.OverflowException: …`, a SOAP `Fault: …`) has the shape of a logger's `name:` column, and the
// header readers would cut it as one. It is not a column: a logger or a program names the place that writes, on every
// line of its layout, while an exception's class names what went wrong, on the lines of that failure only. It is the
// statement's subject: `java.io.IOException: Connection timed out` is another event than
// `java.net.ConnectException: Connection timed out`, and cut, the two were one template saying "Connection timed out".
// Runtimes and loggers name their failure classes so in every language that has classes of them (Java, .NET, Python,
// JavaScript, PHP, Ruby's `…Error`), which is why the suffix alone is the evidence.

/** Class-name suffixes of failures: `Exception` (Java, .NET, PHP), `Error` (Python, JavaScript, Ruby), `Fault` (SOAP, WCF). */
const SUFFIXES = ['Exception', 'Error', 'Fault'];
/** The last characters of SUFFIXES, as a table by character code (1: some suffix ends with it). */
const SUFFIX_ENDS = new Uint8Array(128);
for (const word of SUFFIXES) SUFFIX_ENDS[word.charCodeAt(word.length - 1)] = 1;

/**
 * Whether `text` from `start` to `end` (exclusive: the name without its colon) is an exception's class name: an
 * identifier, dotted or not (letters, digits, `_`, `$`, `.`), ending in one of SUFFIXES (`IOException`,
 * `java.net.ConnectException`, `TypeError`, `Error`).
 */
export function isExceptionName(text: string, start: number, end: number): boolean {
  // A name whose last character ends no suffix (most loggers' and programs' names) is ruled out before any suffix is
  // compared: this runs on every `name:` a header reads.
  if (SUFFIX_ENDS[text.charCodeAt(end - 1)] !== 1) return false;
  let suffix = false;
  for (const word of SUFFIXES) {
    if (end - start >= word.length && text.startsWith(word, end - word.length)) {
      suffix = true;
      break;
    }
  }
  if (!suffix) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const identifier = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c === 46;
    if (!identifier) return false;
  }
  return true;
}
