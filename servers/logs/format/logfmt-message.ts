// The message of a logfmt-like record. logfmt quotes a value with spaces (`msg="Current reachable members"`), but the
// console renderers of structured loggers write the same record without quotes: Temporal's text encoder
// (`INF ts=… msg=Current reachable members component=service-resolver …`), structlog's key=value console form
// (`DBG | event=Loaded config logger=authentik.lib.config …`). Read as logfmt, such a message is its first word
// (`Current`), and the statement's JSON copy in the same file (`"msg":"Current reachable members"`) never meets it.
// The message key's unquoted value runs over the bare words after it, up to the pairs that end the record: a bare word
// is no pair of its own (logfmt writes every field as `key=value`), so it can only be the value's. structlog's message
// key is `event`, as readJsonRecord reads it in JSON (envelopes.ts MESSAGE_KEYS): it is the message where the record
// has no `msg` or `message`.
import { isPairRun } from './padded-fields';

/** The keys whose value is a logfmt record's message, first found first. */
export const LOGFMT_MESSAGE_KEYS = ['msg', 'message', 'event'] as const;

/**
 * The message of a logfmt record: the value of its first message key (`pairs` as parseLogfmt read `text`), run over the
 * bare words after it when it is unquoted and the text after those words is `key=value` pairs to its end (or nothing).
 * Undefined when the record has no message key.
 */
export function logfmtMessage(pairs: ReadonlyMap<string, string>, text: string): string | undefined {
  for (const key of LOGFMT_MESSAGE_KEYS) {
    const value = pairs.get(key);
    if (value === undefined) continue;
    return unquotedRun(text, key, value) ?? value;
  }
  return undefined;
}

/** A logfmt key and its `=` at the start of a token. */
const KEY_START = /^[\w.@-]+=/;

/** The unquoted value of `key` in `text` with the bare words after it, or undefined when it has none after it. */
function unquotedRun(text: string, key: string, value: string): string | undefined {
  let at = text.indexOf(`${key}=`);
  while (at > 0 && text.charCodeAt(at - 1) !== 32 && text.charCodeAt(at - 1) !== 9) at = text.indexOf(`${key}=`, at + 1);
  if (at < 0) return undefined;
  const start = at + key.length + 1;
  if (text.charCodeAt(start) === 34 /* " */ || !text.startsWith(value, start)) return undefined;
  let end = start + value.length;
  let words = 0;
  for (;;) {
    if (text.charCodeAt(end) !== 32) break;
    let next = end;
    while (text.charCodeAt(next) === 32) next++;
    let tokenEnd = next;
    while (tokenEnd < text.length && text.charCodeAt(tokenEnd) !== 32) tokenEnd++;
    if (tokenEnd === next || KEY_START.test(text.slice(next, tokenEnd))) break;
    end = tokenEnd;
    words++;
  }
  if (words === 0) return undefined;
  const rest = text.slice(end).trim();
  return rest === '' || isPairRun(rest) ? text.slice(start, end) : undefined;
}
