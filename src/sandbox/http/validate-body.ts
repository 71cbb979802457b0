import type { z } from 'zod';
import { invalidArgument } from './api-error';

/** Parses a body with a zod schema; each problem becomes a BadRequest field violation. */
export function validateBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw invalidArgument(
    result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || 'body',
      description: issue.message,
    })),
  );
}
