import { z } from 'zod';

/** Omitted: the fault lasts until cleared; K: it hits the next K feed requests, then the feed is normal. */
const times = z.number().int().positive().optional();

/** Every way the simulator can misbehave, as the control API accepts it. */
export const faultSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599).default(500),
    body: z.string().default('Internal Server Error'),
    /** Sent as Retry-After when set (a 503 may say when to come back). */
    retryAfterSeconds: z.number().int().min(0).optional(),
    times,
  }),
  /** Destroys the socket before any response byte. */
  z.strictObject({ kind: z.literal('reset'), times }),
  /** Sends the normal body in small chunks at this pace. */
  z.strictObject({
    kind: z.literal('slow'),
    bytesPerSecond: z.number().int().positive().default(1024),
    times,
  }),
  /** Sends headers and `afterBytes` of the body, then nothing until a side closes the socket. */
  z.strictObject({ kind: z.literal('stall'), afterBytes: z.number().int().min(0).default(256), times }),
  /**
   * Sends `afterBytes` of the body, then destroys the socket. `content-length` declares a larger
   * length up front; `chunked` never sends the terminating chunk.
   */
  z.strictObject({
    kind: z.literal('truncate'),
    afterBytes: z.number().int().min(0).default(512),
    framing: z.enum(['content-length', 'chunked']).default('content-length'),
    times,
  }),
  /** A body that is not well-formed XML. */
  z.strictObject({ kind: z.literal('malformed'), times }),
  /** A billion-laughs DOCTYPE: tiny on the wire, gigabytes if a parser expands entities. */
  z.strictObject({ kind: z.literal('entity-bomb'), times }),
  z.strictObject({
    kind: z.literal('rate-limit'),
    retryAfterSeconds: z.number().int().min(0).default(1),
    times,
  }),
  /** A well-formed, valid-looking feed strictly larger than `bytes`, streamed. */
  z.strictObject({ kind: z.literal('oversized'), bytes: z.number().int().positive(), times }),
]);

/** A validated fault, defaults applied. */
export type FaultSpec = z.output<typeof faultSpecSchema>;

/** A fault as control API callers write it. */
export type FaultSpecInput = z.input<typeof faultSpecSchema>;
