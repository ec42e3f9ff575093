import { freePort } from '../../scripts/stack/free-port';
import { zoneWorkflowId } from '../../src/bookings/zone-workflow-id';
import type { Zone } from '../../src/domain/event';
import { zoneKeysOf } from '../../src/domain/zone-key';
import type { ZoneAvailability, ZoneRef } from '../../src/domain/zone-inventory';
import { writeEventBatch } from '../../src/search/event-writer';
import { prepareEvent } from '../../src/search/prepared-event';
import { startServer, type RunningServer } from '../../src/server';
import { zoneQuery, type ZoneSnapshot } from '../../src/workflows/zone-inventory-workflow';
import { makeEvent } from './fixture-events';
import { startSyncHarness, type SyncHarness } from './sync-harness';

/** The consumer key booking tests present. */
export const CONSUMER_KEY = 'consumer-key-for-tests-0001';

/** A JSON answer of the API. */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: { data: Record<string, unknown> | null; error: { code: string; message: string } | null };
}

/** A real worker and API process over the test servers, with events written straight to the index. */
export interface BookingHarness {
  sync: SyncHarness;
  api: RunningServer;
  /** Writes an ever-online event with these zones; answers its id and its zones' refs, in order. */
  seedEvent(n: number, zones: Pick<Zone, 'zoneId' | 'capacity'>[]): Promise<{ id: string; zones: ZoneRef[] }>;
  /** The zone as its workflow sees it now (authoritative, not the read model). */
  zoneNow(zone: ZoneRef): Promise<ZoneSnapshot>;
  /** Samples the zone's seats from its workflow every few milliseconds while `during` runs. */
  sampleSeats<T>(
    zone: ZoneRef,
    during: () => Promise<T>,
  ): Promise<{ result: T; samples: ZoneAvailability[] }>;
  /** The zone's `available` in `GET /events/{id}` (the read model). */
  availableIn(eventId: string, zoneKey: string): Promise<number | undefined>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
  get(path: string, headers?: Record<string, string>): Promise<ApiAnswer>;
  stop(): Promise<void>;
}

/**
 * Starts a sync harness and an API with booking keys; `env` overrides settings. Without an in-process
 * worker the test runs its own (see test/support/worker-process.ts).
 */
export async function startBookingHarness(
  env: Record<string, string> = {},
  options: { inProcessWorker?: boolean } = {},
): Promise<BookingHarness> {
  const port = await freePort();
  const sync = await startSyncHarness({
    env: { API_PORT: String(port), BOOKING_API_KEYS: CONSUMER_KEY, ...env },
    inProcessWorker: options.inProcessWorker,
  });
  const api = await startServer(sync.config);
  const call = async (path: string, init: RequestInit): Promise<ApiAnswer> => {
    const response = await fetch(`${api.url}${path}`, init);
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as ApiAnswer['body'],
    };
  };
  const auth = { authorization: `Bearer ${CONSUMER_KEY}` };
  const zoneNow = (zone: ZoneRef): Promise<ZoneSnapshot> => {
    const workflowId = zoneWorkflowId(sync.config.ELASTICSEARCH_INDEX_PREFIX, zone);
    return sync.temporal.workflow.getHandle(workflowId).query(zoneQuery);
  };
  return {
    sync,
    api,
    async seedEvent(n, zones) {
      const event = makeEvent(n, {
        zones: zones.map((z) => ({ name: `Zone ${z.zoneId}`, price: 20, numbered: false, ...z })),
      });
      await writeEventBatch(sync.elasticsearch, sync.indices, [prepareEvent(event)], {
        runId: `seed-${n}`,
        fetchedAt: new Date().toISOString(),
      });
      await sync.elasticsearch.indices.refresh({ index: sync.indices.events });
      const keys = zoneKeysOf(event.zones.map((z) => ({ zone_id: z.zoneId })));
      return {
        id: event.id,
        zones: keys.map((zoneKey) => ({ providerId: event.providerId, eventId: event.id, zoneKey })),
      };
    },
    zoneNow,
    async sampleSeats(zone, during) {
      const samples: ZoneAvailability[] = [];
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          // Before the first hold the zone has no workflow to ask.
          const now = await zoneNow(zone).catch(() => null);
          if (now) samples.push(now.availability);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
      const result = await during().finally(() => (sampling = false));
      await sampler;
      return { result, samples };
    },
    async availableIn(eventId, zoneKey) {
      const answer = await call(`/events/${eventId}`, {});
      const { zones } = (answer.body.data as { event: { zones: { zone_key: string; available: number }[] } })
        .event;
      return zones.find((z) => z.zone_key === zoneKey)?.available;
    },
    post: (path, body, headers = {}) =>
      call(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth, ...headers },
        body: JSON.stringify(body),
      }),
    get: (path, headers = {}) => call(path, { headers: { ...auth, ...headers } }),
    async stop() {
      await api.close();
      await sync.stop();
    },
  };
}
