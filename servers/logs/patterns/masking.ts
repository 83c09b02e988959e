// Masks the variable parts of a message (ids, numbers, addresses, paths) so that occurrences of the same
// error group together: "timeout after 31s on db-2" and "timeout after 30s on db-1" become one.
import { cutText } from '../../shared/sanitize';

const RULES: [RegExp, string][] = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, '<url>'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, '<ip>'],
  [/\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b/gi, '<ip>'],
  [/(?:[A-Za-z]:\\|\/)(?:[\w.@~+-]+[\\/])+[\w.@~+-]*/g, '<path>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,}\b/gi, '<hex>'],
  [/\d+(?:[.,:]\d+)*(?:[a-zA-Z]{1,3}\b)?/g, '<num>'],
];

/** The message with variable parts replaced by <uuid>, <url>, <ip>, <path>, <hex>, <num>; whitespace collapsed; capped. */
export function maskMessage(message: string, maxChars = 300): string {
  let out = cutText(message, 4 * maxChars);
  for (const [regex, token] of RULES) out = out.replace(regex, token);
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > maxChars ? `${cutText(out, maxChars)}…` : out;
}
