import type { z } from 'zod';

/** `path: message` of a zod error's first issue: one precise complaint reads better than a list. */
export function describeFirstIssue(error: z.ZodError, fallbackPath = 'value'): string {
  const issue = error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : fallbackPath;
  return `${path}: ${issue?.message ?? 'is invalid'}`;
}
