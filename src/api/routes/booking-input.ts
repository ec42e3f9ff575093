import { z } from 'zod';
import { IdempotencyKeyRequiredError } from '../api-errors';

/** Body of `POST /bookings`. */
export const holdBody = z.strictObject({
  event_id: z.uuid().transform((id) => id.toLowerCase()),
  zone_key: z.string().min(1).max(200),
  quantity: z.number().int('must be a whole number').min(1),
});

/** Body of `POST /bookings/{id}/payment`. */
export const paymentBody = z.strictObject({
  status: z.enum(['succeeded', 'failed']),
  reference: z.string().trim().min(1).max(200),
});

// Visible ASCII, as the IETF Idempotency-Key draft's examples and Stripe's keys are; a UUID fits well.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The `Idempotency-Key` header, or a 400 saying what a key must be. */
export function idempotencyKeyOf(header: string | undefined): string {
  if (header === undefined || header === '')
    throw new IdempotencyKeyRequiredError('POST /bookings needs an Idempotency-Key header (a UUID will do)');
  if (!IDEMPOTENCY_KEY.test(header))
    throw new IdempotencyKeyRequiredError('Idempotency-Key must be 1 to 255 visible ASCII characters');
  return header;
}
