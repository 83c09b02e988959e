// Response content blocks: their text, and the same blocks as request params for the history.
import type Anthropic from '@anthropic-ai/sdk';

/** The text blocks of a response or of a history message, joined. */
export function textOf(content: ReadonlyArray<Anthropic.ContentBlock | Anthropic.ContentBlockParam>): string {
  return content
    .filter((b): b is Anthropic.TextBlock | Anthropic.TextBlockParam => b.type === 'text')
    .map((b) => b.text)
    .join('');
}

/** A response block as a request block (drops response-only fields such as citations: null). */
export function toParam(block: Anthropic.ContentBlock): Anthropic.ContentBlockParam {
  switch (block.type) {
    case 'text':
      return { type: 'text', text: block.text };
    case 'tool_use':
      return { type: 'tool_use', id: block.id, name: block.name, input: block.input ?? {} };
    case 'thinking':
      return { type: 'thinking', thinking: block.thinking, signature: block.signature };
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: block.data };
    default:
      return block as unknown as Anthropic.ContentBlockParam;
  }
}

/** The text of a tool result's content (a string, or its text blocks joined by newlines). */
export function toolResultBody(block: Anthropic.ToolResultBlockParam): string {
  if (typeof block.content === 'string') return block.content;
  return (block.content ?? [])
    .filter((b): b is Anthropic.TextBlockParam => b.type === 'text')
    .map((b) => b.text)
    .join('\n');
}

/** Whether `text` is one whole JSON value. */
export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
