import type { EventDocument } from '../../src/search/event-document';
import { eventId } from '../../src/domain/event-id';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';

describe('syncing the three real provider responses in order', () => {
  let harness: SyncHarness;

  beforeAll(async () => {
    harness = await startSyncHarness();
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function allEvents(): Promise<Map<string, EventDocument>> {
    const { elasticsearch, indices } = harness;
    await elasticsearch.indices.refresh({ index: indices.events });
    const response = await elasticsearch.search<EventDocument>({ index: indices.events, size: 100 });
    return new Map(response.hits.hits.map((hit) => [hit._source!.base_event_id, hit._source!]));
  }

  it('indexes response_1, then _2 and _3, keeping 322 after the provider dropped it and never 444', async () => {
    harness.simulator.control('fever', { sample: 1 });
    const first = await harness.control.syncNow('fever', { wait: true });
    expect(first).toMatchObject({ outcome: 'succeeded', counts: { seen: 3, new: 3, rejected: 0 } });

    harness.simulator.control('fever', { sample: 2 });
    const second = await harness.control.syncNow('fever', { wait: true });
    expect(second).toMatchObject({
      outcome: 'succeeded',
      counts: { seen: 3, new: 0, changed: 2, rejected: 1, unlisted: 1 },
    });

    harness.simulator.control('fever', { sample: 3 });
    const third = await harness.control.syncNow('fever', { wait: true });
    expect(third).toMatchObject({
      outcome: 'succeeded',
      counts: { seen: 3, changed: 2, unchanged: 0, rejected: 1 },
    });

    const events = await allEvents();
    expect([...events.keys()].sort()).toEqual(['1591', '291', '322']);
    expect(events.get('322')).toMatchObject({
      listed: false,
      ever_online: true,
      min_price: 55,
      max_price: 55,
    });
    expect(events.get('291')).toMatchObject({
      id: eventId('fever', '291', '291'),
      listed: true,
      end_time: '21:30:00',
      min_price: 20,
      max_price: 30,
    });
    expect(events.get('1591')).toMatchObject({ end_time: '21:00:00', min_price: 65, max_price: 65 });
    expect(events.get('1591')?.zones.filter((z) => z.zone_id === '186')).toHaveLength(2);
  });

  it('records each run and the reason for each rejected event', async () => {
    const runs = await harness.control.recentRuns('fever', 10);
    await harness.elasticsearch.indices.refresh({ index: harness.indices.rejects });
    const rejects = await harness.elasticsearch.search<{ reason: string; base_event_id: string }>({
      index: harness.indices.rejects,
      size: 10,
    });
    expect(runs.map((r) => r.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(rejects.hits.hits.map((h) => h._source?.base_event_id)).toEqual(['444', '444']);
    expect(rejects.hits.hits[0]?._source?.reason).toMatch(/2021-09-31/);
  });

  it('writes nothing when the same feed is synced again', async () => {
    harness.simulator.control('fever', { sample: 3 });
    const again = await harness.control.syncNow('fever', { wait: true });
    expect(again).toMatchObject({ outcome: 'unchanged', counts: { new: 0, changed: 0, unlisted: 0 } });
  });
});
