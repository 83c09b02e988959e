// Cutting a JSON tool result to the model's budget without breaking it. Every bundled tool answers one JSON object whose
// main list (commits, lines, files) comes before the fields that say what the list is: counts, the window read, the
// cursor, notes. Cut as text, the model got part of the list and none of those fields (break39: 121 commits made today,
// git_log count 150 → 16,000 characters of commits and then a bracket, no `returned`, no `since`, no `nextCursor`).
import { cutText } from '../../servers/shared/sanitize';

/** The field a cut result says it was cut in, placed first so that it is read before the list. */
export const CUT_FIELD = 'truncatedByAssistant';

/**
 * `text` (a tool result's JSON, whole) cut to at most `limit` characters by shortening its largest top-level field (an
 * array loses items from its end, a string characters), every other field kept as the tool gave it, and a first field
 * CUT_FIELD saying what was left out. Undefined when `text` is not one JSON object, has no array or string field, or
 * does not fit even with that field emptied: the caller then cuts it as text.
 */
export function cutJsonResult(text: string, limit: number): string | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const data = value as Record<string, unknown>;
  const key = largestField(data);
  if (key === undefined) return undefined;
  const field = data[key] as unknown[] | string;
  const size = field.length;
  const render = (kept: number): string => {
    const part = Array.isArray(field) ? field.slice(0, kept) : cutText(field, kept);
    const rest = { ...data, [key]: part };
    delete rest[CUT_FIELD];
    const json = (shown: string) => JSON.stringify({ [CUT_FIELD]: cutNote(key, Array.isArray(field), part.length, size, shown, text.length), ...rest });
    // The note names the characters shown, its own included: the length without the figure plus the figure's digits.
    const base = json('').length;
    const digits = String(base + String(base).length).length;
    return json(String(base + digits));
  };
  if (render(0).length > limit) return undefined;
  // The most of the field that fits: binary search on the number of items (or characters) kept.
  let low = 0;
  let high = size - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(mid).length <= limit) low = mid;
    else high = mid - 1;
  }
  return render(low);
}

/** The top-level array or string field with the longest JSON, undefined when there is none. */
function largestField(data: Record<string, unknown>): string | undefined {
  let best: string | undefined;
  let bestSize = 0;
  for (const [key, field] of Object.entries(data)) {
    if (key === CUT_FIELD || !(Array.isArray(field) || typeof field === 'string') || field.length === 0) continue;
    const size = JSON.stringify(field).length;
    if (size > bestSize) {
      best = key;
      bestSize = size;
    }
  }
  return best;
}

/**
 * Read by the model, so English whatever the UI language. It opens with the marker a text cut has too, and says that
 * the tool's own fields describe the whole result: a cursor or offset in it continues after what the tool returned,
 * so following it would skip what was cut here.
 */
function cutNote(key: string, items: boolean, kept: number, size: number, shown: string, wholeChars: number): string {
  const what = items ? 'items' : 'characters';
  return (
    `[truncated by DevOps Assistant: showing ${shown} of ${wholeChars} characters] ` +
    `Only the first ${kept} of the ${size} ${what} of "${key}" fit the model's budget. Every other field is the tool's own and is about all ${size}: ` +
    `its counts include the ${size - kept} left out here, and a nextCursor or offset in it continues after all ${size}, so following it would skip them. ` +
    `For the rest, call again for at most ${Math.max(kept, 1)} ${what} (a smaller count or limit) or a narrower query.`
  );
}
