import type { z } from 'zod';
import { InvalidControlError } from './invalid-control-error';

/** Validates a control body; a mismatch becomes an InvalidControlError (a 400) naming every problem. */
export function parseControl<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
  );
  throw new InvalidControlError(problems.join('; '));
}
