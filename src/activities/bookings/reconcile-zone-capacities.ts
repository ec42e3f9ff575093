import type { Logger } from 'pino';
import type { ZoneRef } from '../../domain/zone-inventory';
import type { BookingReadModel, RegisteredZone } from '../../search/booking-read-model';
import type { ObservedCapacity } from './booking-activity-types';

/** Tells a zone's workflow the capacity a sync saw; rejects when the signal cannot be delivered. */
export type SignalZoneCapacity = (zone: ZoneRef, observed: ObservedCapacity) => Promise<void>;

// Signals in flight at once: thousands of zones finish well within the activity's timeout.
const CONCURRENT_SIGNALS = 16;
// Zones whose capacities are read per round: bounds the memory and size of each events mget.
const ZONES_PER_ROUND = 1000;

/** What reconciliation reads: the zones that have workflows and the events index's capacities. */
export type ZoneCapacityReader = Pick<BookingReadModel, 'zonesOf' | 'indexedCapacities'>;

/**
 * Signals every zone of the provider whose capacity in the events index is not the one its workflow last
 * published, or was reported after it. A zone whose event or zone left the index is skipped; a signal that
 * fails (its workflow ended, Temporal hiccupped) is logged, and the next sync tries it again.
 */
export async function reconcileZoneCapacities(
  readModel: ZoneCapacityReader,
  providerId: string,
  signal: SignalZoneCapacity,
  logger: Logger,
): Promise<{ signalled: number }> {
  const zones = await readModel.zonesOf(providerId);
  const due: { zone: ZoneRef; observed: ObservedCapacity }[] = [];
  for (let i = 0; i < zones.length; i += ZONES_PER_ROUND) {
    const round = zones.slice(i, i + ZONES_PER_ROUND);
    const indexed = await readModel.indexedCapacities(round.map((z) => z.zone));
    round.forEach((registered, j) => {
      const observed = indexed[j];
      if (observed && isNews(registered, observed)) due.push({ zone: registered.zone, observed });
    });
  }
  let signalled = 0;
  let failed = 0;
  await forEachConcurrently(due, CONCURRENT_SIGNALS, async ({ zone, observed }) => {
    try {
      await signal(zone, observed);
      signalled += 1;
    } catch (err) {
      failed += 1;
      logger.warn({ err, zone }, 'zone not told its new capacity; the next sync tries again');
    }
  });
  if (due.length > 0)
    logger.info({ providerId, zones: zones.length, signalled, failed }, 'zone capacities reconciled');
  return { signalled };
}

function isNews(registered: RegisteredZone, observed: ObservedCapacity): boolean {
  return (
    observed.capacity !== registered.capacity ||
    Date.parse(observed.observedAt) > Date.parse(registered.capacityObservedAt)
  );
}

async function forEachConcurrently<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
