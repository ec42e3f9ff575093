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
  /** Retries of holds and payments after a 503 zone_busy. */
  zoneBusyRetries: number;
  /**
   * Seats of every 201, summed: a hold that expired before its payment went through freed its seats for
   * later buyers, so this may exceed capacity without any seat sold twice.
   */
  seatsEverHeld: number;
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
 * so every buyer ends with a decision. Each placed hold is paid at once (retried the same way), before
 * its TTL can end it.
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
    seatsEverHeld: 0,
    paymentAnswers: {},
    seatsConfirmed: 0,
    seconds: 0,
  };
  const started = performance.now();
  await Promise.all(
    quantities.map(async (quantity, i) => {
      const retried = () => result.zoneBusyRetries++;
      const held = await untilNotBusy(
        () => client.hold(target.eventId, zone.zoneKey, quantity, `oversell-${i}`),
        retried,
      );
      count(result.holdAnswers, held);
      if (held.status !== 201 || !held.booking) return;
      result.seatsEverHeld += held.booking.quantity;
      const { id } = held.booking;
      const paid = await untilNotBusy(() => client.pay(id, 'succeeded', `bench-payment-${i}`), retried);
      count(result.paymentAnswers, paid);
      if (paid.status === 200 && paid.booking?.status === 'confirmed') result.seatsConfirmed += quantity;
    }),
  );
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

/**
 * Repeats `call` while it answers 503 zone_busy, waiting its Retry-After (1 s) plus jitter so the retries
 * do not arrive as one burst again; the same Idempotency-Key or payment reference makes a repeat safe.
 */
async function untilNotBusy(call: () => Promise<BookingAnswer>, onRetry: () => void): Promise<BookingAnswer> {
  for (let tries = 1; ; tries++) {
    const answer = await call();
    if (answer.status !== 503 || answer.code !== 'zone_busy' || tries === MAX_TRIES) return answer;
    onRetry();
    await sleep(1000 + Math.random() * 1000);
  }
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
