import { z } from 'zod';
import { partnerFaultSchema } from './partner-fault';
import { removedSlotSchema } from './removed-slot';

/**
 * The body of `POST /control/partners/:id`. Every field is optional and they combine; `removeSlots`
 * adds to the slots already removed (a reset brings them back), `fault: null` clears the fault.
 */
export const partnerControlSchema = z.strictObject({
  apiKey: z.string().min(1).max(256).optional(),
  /** How many products the partner has: `p-1001` up to `p-1000+N`. */
  products: z.number().int().min(1).max(1000).optional(),
  seed: z.number().int().min(0).optional(),
  /** Starts a fresh window for every key. */
  rateLimit: z
    .strictObject({
      requests: z.number().int().min(1).max(10_000),
      perSeconds: z.number().positive().max(86_400),
    })
    .optional(),
  variant: z.number().int().min(0).optional(),
  removeSlots: z.array(removedSlotSchema).max(10_000).optional(),
  fault: partnerFaultSchema.nullable().optional(),
});

/** A validated partner control. */
export type PartnerControl = z.output<typeof partnerControlSchema>;

/** A partner control as callers write it. */
export type PartnerControlInput = z.input<typeof partnerControlSchema>;
