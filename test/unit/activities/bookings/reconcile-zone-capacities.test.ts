import pino from 'pino';
import type { ObservedCapacity } from '../../../../src/activities/bookings/booking-activity-types';
import {
  reconcileZoneCapacities,
  type ZoneCapacityReader,
} from '../../../../src/activities/bookings/reconcile-zone-capacities';
import type { ZoneRef } from '../../../../src/domain/zone-inventory';
import type { RegisteredZone } from '../../../../src/search/booking-read-model';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-01-01T11:00:00.000Z';

function zone(eventId: string, zoneKey = '1:1'): ZoneRef {
  return { providerId: 'fever', eventId, zoneKey };
}

/** Zones with workflows, and what the events index says of each (absent: its event or zone is gone). */
class FakeReader implements ZoneCapacityReader {
  readonly capacityReads: number[] = [];
  constructor(
    private readonly registered: RegisteredZone[],
    private readonly indexed: Map<string, ObservedCapacity>,
  ) {}

  zonesOf(providerId: string): Promise<RegisteredZone[]> {
    return Promise.resolve(this.registered.filter((r) => r.zone.providerId === providerId));
  }

  indexedCapacities(zones: ZoneRef[]): Promise<(ObservedCapacity | null)[]> {
    this.capacityReads.push(zones.length);
    return Promise.resolve(zones.map((z) => this.indexed.get(`${z.eventId}/${z.zoneKey}`) ?? null));
  }
}

function recordingSignal(failFor: Set<string> = new Set()) {
  const signals: { eventId: string; observed: ObservedCapacity }[] = [];
  const signal = (z: ZoneRef, observed: ObservedCapacity) => {
    if (failFor.has(z.eventId)) return Promise.reject(new Error(`workflow for ${z.eventId} not found`));
    signals.push({ eventId: z.eventId, observed });
    return Promise.resolve();
  };
  return { signal, signals };
}

const silent = pino({ level: 'silent' });

describe('reconcileZoneCapacities', () => {
  it('signals a zone whose indexed capacity differs from the one its workflow published', async () => {
    const reader = new FakeReader(
      [{ zone: zone('a'), capacity: 10, capacityObservedAt: T1 }],
      new Map([['a/1:1', { capacity: 4, observedAt: T1 }]]),
    );
    const { signal, signals } = recordingSignal();

    const result = await reconcileZoneCapacities(reader, 'fever', signal, silent);

    expect(result).toEqual({ signalled: 1 });
    expect(signals).toEqual([{ eventId: 'a', observed: { capacity: 4, observedAt: T1 } }]);
  });

  it('signals a zone whose capacity was reported again after its workflow last saw it', async () => {
    const reader = new FakeReader(
      [{ zone: zone('a'), capacity: 10, capacityObservedAt: T1 }],
      new Map([['a/1:1', { capacity: 10, observedAt: T2 }]]),
    );
    const { signal, signals } = recordingSignal();

    await reconcileZoneCapacities(reader, 'fever', signal, silent);

    expect(signals).toEqual([{ eventId: 'a', observed: { capacity: 10, observedAt: T2 } }]);
  });

  it('leaves alone a zone whose workflow already has the indexed capacity', async () => {
    const reader = new FakeReader(
      [{ zone: zone('a'), capacity: 10, capacityObservedAt: T2 }],
      new Map([['a/1:1', { capacity: 10, observedAt: T2 }]]),
    );
    const { signal, signals } = recordingSignal();

    expect(await reconcileZoneCapacities(reader, 'fever', signal, silent)).toEqual({ signalled: 0 });
    expect(signals).toEqual([]);
  });

  it('skips a zone whose event or zone left the events index', async () => {
    const reader = new FakeReader([{ zone: zone('gone'), capacity: 10, capacityObservedAt: T1 }], new Map());
    const { signal, signals } = recordingSignal();

    expect(await reconcileZoneCapacities(reader, 'fever', signal, silent)).toEqual({ signalled: 0 });
    expect(signals).toEqual([]);
  });

  it('goes on with the other zones when one signal fails', async () => {
    const registered = ['a', 'b', 'c'].map((id) => ({
      zone: zone(id),
      capacity: 10,
      capacityObservedAt: T1,
    }));
    const indexed = new Map(['a', 'b', 'c'].map((id) => [`${id}/1:1`, { capacity: 5, observedAt: T2 }]));
    const { signal, signals } = recordingSignal(new Set(['b']));
    const warnings: unknown[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });

    const result = await reconcileZoneCapacities(
      new FakeReader(registered, indexed),
      'fever',
      signal,
      logger,
    );

    expect(result).toEqual({ signalled: 2 });
    expect(signals.map((s) => s.eventId).sort()).toEqual(['a', 'c']);
    expect(warnings).toEqual([expect.objectContaining({ zone: zone('b') })]);
  });

  it('reads the capacities of thousands of zones in a few batches, not one read per zone', async () => {
    const registered = Array.from({ length: 2500 }, (_, i) => ({
      zone: zone(`e${i}`),
      capacity: 10,
      capacityObservedAt: T1,
    }));
    const indexed = new Map(
      registered.map((r) => [`${r.zone.eventId}/1:1`, { capacity: 9, observedAt: T2 }]),
    );
    const reader = new FakeReader(registered, indexed);
    const { signal, signals } = recordingSignal();

    const result = await reconcileZoneCapacities(reader, 'fever', signal, silent);

    expect(result).toEqual({ signalled: 2500 });
    expect(new Set(signals.map((s) => s.eventId)).size).toBe(2500);
    expect(reader.capacityReads).toEqual([1000, 1000, 500]);
  });
});
