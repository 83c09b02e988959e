// The two fields PHP's Monolog appends to every message of its default line format (`[%datetime%]
// %channel%.%level_name%: %message% %context% %extra%`): the record's context and extra data, each `[]` when empty and
// a JSON object otherwise (`{"route":"home"} []`). The statement never wrote them: a line of the same statement written
// by another handler of the program (the console's `<time> [debug] …`) ends without them.

/** JSON objects tried, from the last ` {` back, when the message ends with `}`: a value's own braces may come after. */
const MAX_OBJECT_TRIES = 8;

/**
 * Where the context and extra fields that end `message` start (the space before them), or -1 when it does not end
 * with two such fields: `[]` or a JSON object (or a JSON array, as an extra processor may write), separated by a space.
 */
export function monologFieldsStart(message: string): number {
  const extra = fieldStart(message, message.length);
  if (extra < 0) return -1;
  return fieldStart(message, extra);
}

/** Start (the space before it) of a `[]` or a JSON object or array that ends at `end` in `text`, or -1. */
function fieldStart(text: string, end: number): number {
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  const last = text.charCodeAt(end - 1);
  if (last === 93 /* ] */ && text.charCodeAt(end - 2) === 91 /* [ */ && text.charCodeAt(end - 3) === 32) return end - 3;
  if (last !== 125 /* } */ && last !== 93) return -1;
  const open = last === 125 ? ' {' : ' [';
  let at = text.lastIndexOf(open, end - 2);
  for (let tries = 0; at >= 0 && tries < MAX_OBJECT_TRIES; tries++, at = text.lastIndexOf(open, at - 1)) {
    try {
      JSON.parse(text.slice(at + 1, end));
      return at;
    } catch {
      // Not a whole value from here: an earlier brace may open it.
    }
  }
  return -1;
}
