import { MockActivityEnvironment } from '@temporalio/testing';
import type { FetchedFeed, IndexedFeed, ParsedFeed, SyncRunRef } from '../../../src/activities/sync-types';
import { eventId } from '../../../src/domain/event-id';
import type { EventDocument } from '../../../src/search/event-document';
import type { ZonePriceDocument } from '../../../src/search/zone-price-document';
import { ProviderStateStore } from '../../../src/search/provider-state-store';
import { activitiesOnTestIndices, type ActivitiesOnTestIndices } from './support/activities-on-test-indices';
import { fixtureFeed, stageFeed } from './support/stage-feed';

const OLDER = '2026-03-01T10:00:00.000Z';
const NEWER = '2026-03-01T10:05:00.000Z';

const idOf = (baseEventId: string, eventIdInFeed: string): string =>
  eventId('fever', baseEventId, eventIdInFeed);
const CAMELA = idOf('291', '291');
const PANTOMIMA = idOf('322', '1642');
const MORANCOS = idOf('1591', '1642');

describe('indexEvents and finishRun when feeds arrive out of order', () => {
  let bed: ActivitiesOnTestIndices;
  const env = new MockActivityEnvironment();

  beforeEach(async () => {
    bed = await activitiesOnTestIndices();
  });

  afterEach(async () => {
    await bed.dispose();
  });

  /** A run of `fixture` fetched at `fetchedAt`, parsed and ready to index. */
  async function stagedRun(runId: string, fixture: string, fetchedAt: string) {
    const run: SyncRunRef = { providerId: 'fever', runId, workflowId: runId, startedAt: fetchedAt };
    const feed: FetchedFeed = await stageFeed(bed.stagingDir, run, fixtureFeed(fixture), fetchedAt);
    const parsed: ParsedFeed = await env.run(() => bed.activities.parseFeed(run, feed));
    return {
      run,
      feed,
      parsed,
      index: (): Promise<IndexedFeed> => env.run(() => bed.activities.indexEvents(run, feed, parsed)),
      finish: (indexed: IndexedFeed) =>
        bed.activities.finishRun(run, { feed, parsed, indexed, failure: null }),
    };
  }

  async function stored(): Promise<Map<string, { version: number; doc: EventDocument }>> {
    await bed.client.indices.refresh({ index: bed.names.events });
    const response = await bed.client.search<EventDocument>({
      index: bed.names.events,
      size: 100,
      version: true,
    });
    return new Map(response.hits.hits.map((h) => [h._id!, { version: h._version!, doc: h._source! }]));
  }

  async function zonePrices(): Promise<ZonePriceDocument[]> {
    await bed.client.indices.refresh({ index: bed.names.zonePrices });
    const response = await bed.client.search<ZonePriceDocument>({
      index: bed.names.zonePrices,
      size: 100,
      sort: [{ month: 'asc' }, { zone_name: 'asc' }],
    });
    return response.hits.hits.map((h) => h._source!);
  }

  it('does not write a feed older than the last synced one, and records its run as superseded', async () => {
    const newer = await stagedRun('newer', 'response_3.xml', NEWER);
    await newer.finish(await newer.index());
    const before = await stored();

    const older = await stagedRun('older', 'response_1.xml', OLDER);
    const indexed = await older.index();
    const summary = await older.finish(indexed);

    expect(indexed).toEqual({ new: 0, changed: 0, unchanged: 0, superseded: 3, stale: true });
    expect(summary).toMatchObject({ outcome: 'superseded', counts: { new: 0, changed: 0, unlisted: 0 } });
    expect(await stored()).toEqual(before);
    expect(before.get(CAMELA)?.doc).toMatchObject({ end_time: '21:30:00', min_price: 20 });
    expect(before.has(PANTOMIMA)).toBe(false);
    expect(await new ProviderStateStore(bed.client, bed.names).read('fever')).toEqual({
      lastFetchedAt: NEWER,
      lastSha256: newer.feed.sha256,
    });
  });

  it('keeps the newer values when an older run writes while the newer run has not finished yet', async () => {
    const newer = await stagedRun('newer', 'response_3.xml', NEWER);
    const older = await stagedRun('older', 'response_1.xml', OLDER);
    const newerIndexed = await newer.index();

    const olderIndexed = await older.index();

    // 291 and 1591 differ between the feeds: the older writes are refused by version; 322 is new to the index.
    expect(olderIndexed).toEqual({ new: 1, changed: 0, unchanged: 0, superseded: 2, stale: false });
    const events = await stored();
    expect(events.get(CAMELA)).toMatchObject({
      version: Date.parse(NEWER),
      doc: { end_time: '21:30:00', min_price: 20, last_run_id: 'newer' },
    });
    expect(events.get(MORANCOS)).toMatchObject({
      version: Date.parse(NEWER),
      doc: { min_price: 65, max_price: 65 },
    });
    expect(events.get(PANTOMIMA)).toMatchObject({ version: Date.parse(OLDER), doc: { listed: true } });

    await older.finish(olderIndexed);
    const newerSummary = await newer.finish(newerIndexed);
    expect(newerSummary).toMatchObject({ outcome: 'succeeded', counts: { unlisted: 1 } });
    expect((await stored()).get(PANTOMIMA)?.doc.listed).toBe(false);
  });

  it('never lets an older run that finishes late unlist an event the newer feed lists', async () => {
    const newer = await stagedRun('newer', 'response_1.xml', NEWER);
    const older = await stagedRun('older', 'response_3.xml', OLDER);
    const newerIndexed = await newer.index();
    const olderIndexed = await older.index();
    await newer.finish(newerIndexed);

    const olderSummary = await older.finish(olderIndexed);

    expect(olderIndexed).toMatchObject({ new: 0, changed: 0, superseded: 2, stale: false });
    expect(olderSummary.counts.unlisted).toBe(0);
    expect((await stored()).get(PANTOMIMA)).toMatchObject({
      version: Date.parse(NEWER),
      doc: { listed: true, last_run_id: 'newer' },
    });
  });

  it('keeps the zone prices of the newer feed when an older run finishes after it', async () => {
    const newer = await stagedRun('newer', 'response_1.xml', NEWER);
    const older = await stagedRun('older', 'response_3.xml', OLDER);
    const newerIndexed = await newer.index();
    const olderIndexed = await older.index();
    await newer.finish(newerIndexed);
    const written = await zonePrices();

    await older.finish(olderIndexed);

    expect(written.length).toBeGreaterThan(0);
    expect(written.every((row) => row.run_id === 'newer' && row.provider_id === 'fever')).toBe(true);
    expect(await zonePrices()).toEqual(written);
  });
});
