// The annotations of every tool of the bundled servers: they only read.
import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';

/**
 * Read-only, not destructive, idempotent in the spec's sense (repeating a call has no further effect
 * on the world, even when live readings such as CPU use differ from call to call), closed world
 * (only the repository, the log directories or this machine are read).
 */
export const READ_ONLY: Readonly<ToolAnnotations> = Object.freeze({
  readOnlyHint: true,
  destructiveHint: false,
  idempotentHint: true,
  openWorldHint: false,
});
