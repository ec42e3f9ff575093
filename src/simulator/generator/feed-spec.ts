import { z } from 'zod';

/** What a generated feed looks like; the same spec always yields byte-identical XML. */
export const feedSpecSchema = z.strictObject({
  /** Number of base events, each with exactly one event (session). */
  events: z.number().int().min(0).max(50_000_000),
  /** Zones per event. */
  zones: z.number().int().min(1).max(1000).default(3),
  seed: z.number().int().min(0).default(1),
  /** Share of events (0-100) whose zone prices and capacities differ from the `changedPercent: 0` feed. */
  changedPercent: z.number().min(0).max(100).default(0),
  /** Picks which events change and how, so two variants of one seed are distinct but related. */
  variant: z.number().int().min(0).default(0),
});

/** A validated generated-feed spec, defaults applied. */
export type FeedSpec = z.output<typeof feedSpecSchema>;

/** A generated-feed spec as callers write it: everything but `events` may be left out. */
export type FeedSpecInput = z.input<typeof feedSpecSchema>;
