import { z } from 'zod';
import { InvalidBodyError, InvalidPathParameterError, InvalidQueryError } from '../api-errors';
import { describeFirstIssue } from '../http/describe-first-issue';
import { readQueryParams } from '../http/read-query-params';

/** Longest pause/resume note kept: a sentence for the Temporal UI, not a document. */
export const MAX_NOTE_LENGTH = 500;

const PROVIDER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** `?wait=true|false&window=` of a sync trigger. */
export const syncQuery = z.object({
  wait: z.enum(['true', 'false']).optional(),
  window: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,30}$/, 'must be a window name such as today')
    .optional(),
});

/** `?provider=&limit=` of the runs list. */
export const runsQuery = z.object({
  provider: z.string().regex(PROVIDER_ID, 'must be a provider id').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Body of a pause: the note is required, so the Temporal UI always says why a provider stopped. */
export const pauseBody = z.strictObject({
  note: z
    // Only for a missing note: as a plain string this message would replace every other complaint, even "too long".
    .string({
      error: (issue) =>
        issue.input === undefined ? 'is required: say why the provider is paused' : undefined,
    })
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_NOTE_LENGTH),
});

/** Body of a resume; the note is optional. */
export const resumeBody = z.strictObject({ note: z.string().trim().max(MAX_NOTE_LENGTH).default('') });

/** The `:id` path parameter as a provider id, or a 400. */
export function providerIdOf(raw: string | undefined): string {
  if (raw === undefined || !PROVIDER_ID.test(raw)) {
    throw new InvalidPathParameterError('id: must be a provider id (letters, digits, ".", "_" or "-")');
  }
  return raw;
}

/** The named query parameters validated by `schema`, or a 400 `invalid_parameter`. */
export function parseQuery<T>(schema: z.ZodType<T>, querystring: string, names: readonly string[]): T {
  const parsed = schema.safeParse(readQueryParams(querystring, names));
  if (!parsed.success) throw new InvalidQueryError(describeFirstIssue(parsed.error, 'query'));
  return parsed.data;
}

/** A JSON body validated by `schema`, or a 400 `invalid_body`. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new InvalidBodyError(describeFirstIssue(parsed.error, 'body'));
  return parsed.data;
}
