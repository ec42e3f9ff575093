import { z } from 'zod';

/** Omitted: the fault lasts until cleared; K: it hits K more requests, then the partner is normal. */
const times = z.number().int().positive().optional();

/** The wrong shapes a `bad-shape` fault can serve; `all` lists one slot with each. */
export const BAD_SHAPE_PROBLEMS = [
  'all',
  'negative-remaining',
  'impossible-date',
  'missing-fields',
  'wrong-types',
  'not-an-array',
] as const;

/** Every way a partner API can misbehave, as `POST /control/partners/:id` accepts it. */
export const partnerFaultSchema = z.discriminatedUnion('kind', [
  /** Fails about `share` of the requests with `status`; `times` counts the failed ones only. */
  z.strictObject({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599).default(503),
    share: z.number().gt(0).max(1).default(1),
    times,
  }),
  /** Answers normally after `delayMs`. */
  z.strictObject({
    kind: z.literal('slow'),
    delayMs: z.number().int().min(0).max(120_000).default(2000),
    times,
  }),
  /** 429 with this Retry-After whatever the rate limit says; these refusals are not counted by it. */
  z.strictObject({
    kind: z.literal('rate-limit-storm'),
    retryAfterSeconds: z.number().int().min(1).max(3600).default(20),
    times,
  }),
  /** A 200 labelled JSON whose body is this text. */
  z.strictObject({
    kind: z.literal('malformed'),
    body: z
      .string()
      .max(64 * 1024)
      .default('not json'),
    times,
  }),
  /** A 200 with valid JSON in the wrong shape. */
  z.strictObject({ kind: z.literal('bad-shape'), problem: z.enum(BAD_SHAPE_PROBLEMS).default('all'), times }),
]);

/** A validated partner fault, defaults applied. */
export type PartnerFault = z.output<typeof partnerFaultSchema>;

/** A partner fault as control callers write it. */
export type PartnerFaultInput = z.input<typeof partnerFaultSchema>;
