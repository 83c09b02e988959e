import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/**
 * Every system tool only reads. idempotentHint is true in the spec's sense (repeating a call has no
 * further effect on the machine), even though live readings differ from call to call.
 */
export const READ_ONLY_LIVE: ToolAnnotations = {
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
};
