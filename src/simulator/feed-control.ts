import { z } from 'zod';
import { faultSpecSchema } from './faults/fault-spec';
import { feedSpecSchema } from './generator/feed-spec';

/**
 * The body of `POST /control/feeds/:name`. `sample`, `sequence` and `generate` choose what the feed
 * serves (at most one of them); `fault` is independent: an object sets it, null clears it.
 */
export const feedControlSchema = z
  .strictObject({
    /** Pins the feed to response_N (1-based). */
    sample: z.number().int().positive().optional(),
    /** Back to serving the samples in order, starting over from response_1. */
    sequence: z.literal(true).optional(),
    generate: feedSpecSchema.optional(),
    fault: faultSpecSchema.nullable().optional(),
  })
  .refine(
    (control) =>
      [control.sample, control.sequence, control.generate].filter((v) => v !== undefined).length <= 1,
    { message: 'sample, sequence and generate are mutually exclusive' },
  );

/** A validated control request. */
export type FeedControl = z.output<typeof feedControlSchema>;

/** A control request as callers write it. */
export type FeedControlInput = z.input<typeof feedControlSchema>;
