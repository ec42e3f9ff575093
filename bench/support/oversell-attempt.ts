import { setTimeout as sleep } from 'node:timers/promises';
import type { BookingAnswer, BookingClient } from './booking-client';
import type { HoldTarget } from './hold-knee';

/** What a burst of concurrent holds on a small zone got, as the buyers saw it. */
export interface OversellAttempt {
  capacity: number;
  buyers: number;
  /** Seats the buyers asked for in total (1 to 4 each). */
  seatsAsked: number;
  /** Final hold answers by status and code, after zone_busy retries. */
  holdAnswers: Record<string, number>;
  zoneBusyRetries: number;
  seatsHeld: number;
  /** Payment answers by status and code. */
  paymentAnswers: Record<string, number>;
  /** Seats of bookings whose payment answered `confirmed`. */
  seatsConfirmed: number;
  seconds: number;
}

const MAX_TRIES = 30;

/**
 * `buyers` concurrent holds of 1 to 4 seats (a fixed pseudo-random sequence) on the target's first zone;
 * a 503 zone_busy is retried after its Retry-After with the same Idempotency-Key, as a client should,
 * so every buyer ends with a decision. Each placed hold is paid at once, before its TTL can end it.
 */
export async function attemptOversell(
  client: BookingClient,
  target: HoldTarget,
  capacity: number,
  buyers: number,
): Promise<OversellAttempt> {
  const zone = target.zones[0]!;
  const quantities = pseudoRandomQuantities(buyers);
  const result: OversellAttempt = {
    capacity,
    buyers,
    seatsAsked: quantities.reduce((sum, q) => sum + q, 0),
    holdAnswers: {},
    zoneBusyRetries: 0,
    seatsHeld: 0,
    paymentAnswers: {},
    seatsConfirmed: 0,
    seconds: 0,
  };
  const started = performance.now();
  await Promise.all(
    quantities.map(async (quantity, i) => {
      let held: BookingAnswer | undefined;
      for (let tries = 1; tries <= MAX_TRIES; tries++) {
        held = await client.hold(target.eventId, zone.zoneKey, quantity, `oversell-${i}`);
        if (held.status !== 503 || held.code !== 'zone_busy' || tries === MAX_TRIES) break;
        result.zoneBusyRetries++;
        // Retry-After is 1 s; the jitter keeps the retries from arriving as one burst again.
        await sleep(1000 + Math.random() * 1000);
      }
      count(result.holdAnswers, held!);
      if (held!.status !== 201 || !held!.booking) return;
      result.seatsHeld += held!.booking.quantity;
      const paid = await client.pay(held!.booking.id, 'succeeded', `bench-payment-${i}`);
      count(result.paymentAnswers, paid);
      if (paid.status === 200 && paid.booking?.status === 'confirmed') result.seatsConfirmed += quantity;
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function count(tally: Record<string, number>, answer: BookingAnswer): void {
  const label = answer.code ? `${answer.status} ${answer.code}` : String(answer.status);
  tally[label] = (tally[label] ?? 0) + 1;
}

/** 1 to 4 seats per buyer from a fixed linear congruential sequence, so every run asks the same. */
function pseudoRandomQuantities(buyers: number): number[] {
  let state = 12345;
  return Array.from({ length: buyers }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return 1 + (Math.floor(state / 65536) % 4);
  });
}
