// Tool inputs refuse arguments they do not know. A model (or a hand-written client) that guesses a
// name (`file` for `path`, `branch` for `ref`, `limit` for `count`, `filter` for `name`) would
// otherwise have the argument silently dropped and get an answer for a question it did not ask
// (the whole history, every process) presented as the answer to its own: a confident wrong answer.
import { z } from 'zod';

/**
 * `schema` with unknown keys refused (JSON Schema `additionalProperties: false`); the error names
 * the unknown keys and lists the ones the tool takes, so the caller can correct the call.
 */
export function strictInput<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<S, z.core.$strict> {
  const names = Object.keys(schema.shape).join(', ');
  return z.strictObject(schema.shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown argument${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}; this tool takes ${names}`
        : undefined,
  });
}
