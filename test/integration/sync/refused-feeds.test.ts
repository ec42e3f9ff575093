import type { FaultSpecInput } from '../../../src/simulator/faults/fault-spec';
import { startSyncHarness, type SyncHarness } from '../../support/sync-harness';
import { watchFeedRequests } from './support/feed-requests';
import { indexSnapshot, type StoredEvent } from './support/index-snapshot';
import { recordedRun } from './support/recorded-run';

const MAX_FEED_BYTES = 64 * 1024;

describe('syncProviderWorkflow with a feed that no retry can fix', () => {
  let harness: SyncHarness;
  let indexedBefore: Map<string, StoredEvent>;

  beforeAll(async () => {
    harness = await startSyncHarness({ providerYaml: `    maxFeedBytes: ${MAX_FEED_BYTES}\n` });
    harness.simulator.control('fever', { sample: 1 });
    const good = await harness.control.syncNow('fever', { wait: true });
    expect(good).toMatchObject({ outcome: 'succeeded', counts: { new: 3 } });
    indexedBefore = await indexSnapshot(harness);
  });

  afterEach(() => {
    harness.simulator.control('fever', { fault: null });
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function syncWithFault(fault: FaultSpecInput) {
    harness.simulator.control('fever', { fault });
    const watch = watchFeedRequests(harness);
    const run = await harness.control.syncNow('fever', { wait: true });
    return { run, requests: watch.requests(), recorded: await recordedRun(harness, run.runId) };
  }

  it('when the feed is not well-formed XML, fails as MalformedFeed after one request and changes nothing', async () => {
    const { run, requests, recorded } = await syncWithFault({ kind: 'malformed' });

    expect(run).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/parseFeed: .*malformed feed/),
    });
    expect(recorded).toMatchObject({ outcome: 'failed', error_type: 'MalformedFeed' });
    expect(requests.map((r) => r.outcome)).toEqual(['fault malformed']);
    expect(await indexSnapshot(harness)).toEqual(indexedBefore);
  });

  it('when the feed declares an entity bomb, refuses its DOCTYPE unexpanded after one request and changes nothing', async () => {
    const started = Date.now();
    const { run, requests, recorded } = await syncWithFault({ kind: 'entity-bomb' });

    expect(run).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/DOCTYPE with an internal subset is refused/),
    });
    expect(recorded).toMatchObject({ error_type: 'MalformedFeed' });
    expect(requests.map((r) => r.outcome)).toEqual(['fault entity-bomb']);
    // Expanding 10^9 entities would take minutes and gigabytes; refusing takes a moment.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await indexSnapshot(harness)).toEqual(indexedBefore);
  });

  it('when the feed outgrows maxFeedBytes, fails as FeedTooLarge after one request and changes nothing', async () => {
    const { run, requests, recorded } = await syncWithFault({ kind: 'oversized', bytes: 4 * MAX_FEED_BYTES });

    expect(run).toMatchObject({
      outcome: 'failed',
      error: expect.stringContaining(
        `fetchFeed: provider fever sent more than maxFeedBytes (${MAX_FEED_BYTES}`,
      ),
    });
    expect(recorded).toMatchObject({ error_type: 'FeedTooLarge' });
    expect(requests.map((r) => r.outcome)).toEqual(['fault oversized']);
    expect(await indexSnapshot(harness)).toEqual(indexedBefore);
  });

  it('when the provider refuses the request (404), fails as ProviderRejectedRequest without retrying', async () => {
    const { run, requests, recorded } = await syncWithFault({
      kind: 'status',
      status: 404,
      body: 'no such feed',
    });

    expect(run).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/answered HTTP 404/) });
    expect(recorded).toMatchObject({ error_type: 'ProviderRejectedRequest' });
    expect(requests).toHaveLength(1);
    expect(await indexSnapshot(harness)).toEqual(indexedBefore);
  });

  it('after refused feeds, the same good feed is still recognised as unchanged', async () => {
    const again = await harness.control.syncNow('fever', { wait: true });

    expect(again).toMatchObject({ outcome: 'unchanged', counts: { new: 0, changed: 0, unlisted: 0 } });
    const runs = await harness.control.recentRuns('fever', 10);
    expect(runs.map((r) => r.outcome)).toEqual([
      'unchanged',
      'failed',
      'failed',
      'failed',
      'failed',
      'succeeded',
    ]);
  });
});
