import type { FaultSpecInput } from '../../../src/simulator/faults/fault-spec';
import type { FeedSpecInput } from '../../../src/simulator/generator/feed-spec';
import { activityAttempts } from './support/activity-attempts';
import { gapsBetween, watchFeedRequests } from './support/feed-requests';
import { countEvents, indexSnapshot } from './support/index-snapshot';
import { recordedRun } from './support/recorded-run';
import {
  startTimeSkippingSyncHarness,
  type TimeSkippingSyncHarness,
} from './support/time-skipping-sync-harness';

/** The harness's provider requestTimeout; the workflow's retry policy starts at 2 s and doubles. */
const REQUEST_TIMEOUT_MS = 3000;
const FIRST_BACKOFF_MS = 2000;
/** Timer and clock slack between the worker's retry and the simulator's request log. */
const SLACK_MS = 150;

// On the time-skipping server: the backoff between attempts passes in skipped time, and the history
// still shows it. The tests run in order on one index; each one's unlisted count is what the previous
// feed left listed.
describe('syncProviderWorkflow when the provider is unreliable', () => {
  let harness: TimeSkippingSyncHarness;

  beforeAll(async () => {
    harness = await startTimeSkippingSyncHarness();
    harness.simulator.control('fever', { sample: 1 });
    const { run: good } = await harness.sync();
    expect(good).toMatchObject({ outcome: 'succeeded', counts: { new: 3 } });
  });

  afterEach(() => {
    harness.simulator.control('fever', { fault: null });
  });

  afterAll(async () => {
    await harness.stop();
  });

  async function syncWithFault(
    fault: FaultSpecInput,
    feed: { sample: number } | { generate: FeedSpecInput },
  ) {
    harness.simulator.control('fever', { ...feed, fault });
    const watch = watchFeedRequests(harness);
    const started = Date.now();
    const { run, handle } = await harness.sync();
    return {
      run,
      requests: watch.requests(),
      fetch: await activityAttempts(handle, 'fetchFeed'),
      wallMs: Date.now() - started,
    };
  }

  it('when the provider stays down (503), retries five times with doubling backoff, then records a failed run and keeps the indexed events', async () => {
    const indexedBefore = await indexSnapshot(harness);

    const { run, requests, fetch, wallMs } = await syncWithFault(
      { kind: 'status', status: 503, body: 'down' },
      { sample: 2 },
    );

    expect(run).toMatchObject({
      outcome: 'failed',
      error: 'fetchFeed: provider fever answered HTTP 503',
      counts: { new: 0, changed: 0, unlisted: 0 },
    });
    expect(await recordedRun(harness, run.runId)).toMatchObject({ error_type: 'ProviderUnavailable' });
    const [latest] = await harness.runs.recent('fever', 1);
    expect(latest).toMatchObject({
      runId: run.runId,
      outcome: 'failed',
      error: expect.stringMatching(/HTTP 503/),
    });
    expect(requests.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    // Backoff of 2, 4, 8 and 16 s in server time, skipped: the run ends long before 30 s have passed.
    expect(fetch.attempts).toBe(5);
    expect(fetch.retryingMs).toBeGreaterThanOrEqual(FIRST_BACKOFF_MS * (1 + 2 + 4 + 8));
    expect(wallMs).toBeLessThan((FIRST_BACKOFF_MS * (1 + 2 + 4 + 8)) / 2);
    expect(await indexSnapshot(harness)).toEqual(indexedBefore);
  });

  it('when the connection is reset twice, the third attempt fetches the feed and the run succeeds', async () => {
    const { run, requests, fetch } = await syncWithFault({ kind: 'reset', times: 2 }, { sample: 2 });

    expect(run).toMatchObject({
      outcome: 'succeeded',
      counts: { seen: 3, new: 0, changed: 2, rejected: 1, unlisted: 1 },
    });
    expect(requests.map((r) => r.outcome)).toEqual(['fault reset', 'fault reset', 'sample 2']);
    expect(fetch.attempts).toBe(3);
    expect(fetch.retryingMs).toBeGreaterThanOrEqual(FIRST_BACKOFF_MS * (1 + 2));
  });

  it('when rate limited (429, Retry-After: 3), asks again no sooner than Retry-After, then succeeds', async () => {
    const { run, requests, fetch } = await syncWithFault(
      { kind: 'rate-limit', retryAfterSeconds: 3, times: 1 },
      { sample: 3 },
    );

    expect(run).toMatchObject({ outcome: 'succeeded', counts: { changed: 2, rejected: 1 } });
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
    // Longer than the 2 s backoff the retry policy would have used on its own.
    expect(fetch.attempts).toBe(2);
    expect(fetch.retryingMs).toBeGreaterThanOrEqual(3000);
  });

  it('when the response stalls mid-body, gives up after requestTimeout and the retry succeeds', async () => {
    const feed = { events: 40, zones: 3, seed: 7 };
    const { run, requests, fetch } = await syncWithFault(
      { kind: 'stall', afterBytes: 256, times: 1 },
      { generate: feed },
    );

    expect(run).toMatchObject({ outcome: 'succeeded', counts: { seen: 40, new: 40, unlisted: 2 } });
    expect(requests.map((r) => r.outcome)).toEqual([expect.stringMatching(/^fault stall/), 'generated']);
    // The request timeout runs in real time, the backoff after it in skipped time.
    expect(gapsBetween(requests)[0]).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - SLACK_MS);
    expect(fetch.attempts).toBe(2);
    expect(fetch.retryingMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS + FIRST_BACKOFF_MS - SLACK_MS);
  });

  it('when the body is cut short, the retry fetches it whole and every event of the feed is indexed', async () => {
    const feed = { events: 300, zones: 3, seed: 8 };
    const { run, requests, fetch } = await syncWithFault(
      { kind: 'truncate', afterBytes: 4096, times: 1 },
      { generate: feed },
    );

    expect(run).toMatchObject({ outcome: 'succeeded', counts: { seen: 300, new: 300, unlisted: 40 } });
    expect(requests.map((r) => r.outcome)).toEqual([expect.stringMatching(/^fault truncate/), 'generated']);
    expect(fetch.attempts).toBe(2);
    const listed = [...(await indexSnapshot(harness)).values()].filter((e) => e.source.listed);
    expect(listed).toHaveLength(300);
    expect(new Set(listed.map((e) => e.source.last_run_id))).toEqual(new Set([run.runId]));
    // The three sample events and the stalled run's 40 stay, unlisted, next to this feed's 300.
    expect(await countEvents(harness)).toBe(3 + 40 + 300);
  });
});
