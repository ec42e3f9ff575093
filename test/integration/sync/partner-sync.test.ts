import { todayIn, addDays } from '../../../src/domain/calendar-date';
import { startWorker, type RunningWorker } from '../../../src/worker';
import { waitFor } from '../../support/wait-for';
import {
  maxInAnyWindow,
  startPartnerHarness,
  TEST_LIMIT,
  type PartnerHarness,
} from './support/partner-harness';

/**
 * A partner (the simulator's, limited to 10 requests per 10 s) synced by window through the real
 * Temporal dev server, one in-process worker and the real Elasticsearch node.
 */
describe('partner availability sync', () => {
  let harness: PartnerHarness;
  let worker: RunningWorker;
  const today = todayIn('UTC', new Date());

  beforeAll(async () => {
    harness = await startPartnerHarness();
    Object.assign(process.env, harness.workerEnv);
    worker = await startWorker(harness.config);
    // Tests trigger their own runs; an hourly window must not start one in the middle of a test.
    await harness.control.pause('partner', 'tests trigger their runs');
  }, 120_000);

  afterAll(async () => {
    await worker?.shutdown();
    await harness?.stop();
  });

  async function slotsOf(productId: string, date: string) {
    await harness.elasticsearch.indices.refresh({ index: harness.indices.slots });
    const response = await harness.elasticsearch.search<{
      provider_slot_id: string;
      available: boolean;
      start_time: string;
    }>({
      index: harness.indices.slots,
      size: 100,
      version: true,
      seq_no_primary_term: true,
      query: { bool: { filter: [{ term: { product_id: productId } }, { term: { date } }] } },
    });
    return response.hits.hits.map((hit) => ({ ...hit._source!, seqNo: hit._seq_no }));
  }

  it('keeps every 10 s within the limit while two windows run at once, today first', async () => {
    const week = harness.control.syncNow('partner', { wait: true, window: 'week' });
    await waitFor('the week window asking', async () => (await harness.requests()).length >= 2);
    const todayRun = await harness.control.syncNow('partner', { wait: true, window: 'today' });
    const weekRun = await week;

    const requests = await harness.requests();
    expect(todayRun).toMatchObject({
      outcome: 'succeeded',
      scope: 'today',
      partner: { pairs: 3, failed: 0 },
    });
    expect(weekRun).toMatchObject({ outcome: 'succeeded', scope: 'week', partner: { pairs: 12, failed: 0 } });
    expect(requests).toHaveLength(15);
    expect(requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(maxInAnyWindow(requests, TEST_LIMIT.perSeconds * 1000)).toBeLessThanOrEqual(TEST_LIMIT.requests);
    // Once today's requests wait in the queue they go first: at most the week's few already queued pass them.
    const firstToday = requests.findIndex((r) => r.date === today);
    const lastToday = requests.findLastIndex((r) => r.date === today);
    expect(
      requests.slice(firstToday, lastToday + 1).filter((r) => r.date !== today).length,
    ).toBeLessThanOrEqual(4);
    expect(weekRun.counts.new).toBeGreaterThan(0);
    const weekSlots = await harness.elasticsearch.count({
      index: harness.indices.slots,
      query: { range: { date: { gte: addDays(today, 1), lte: addDays(today, 4) } } },
    });
    expect(weekSlots.count).toBe(weekRun.counts.new);
  }, 180_000);

  it('writes nothing when the same answers come again', async () => {
    const before = await slotsOf('p-1002', today);

    const run = await harness.control.syncNow('partner', { wait: true, window: 'today' });

    expect(run).toMatchObject({ outcome: 'succeeded', counts: { new: 0, changed: 0, unlisted: 0 } });
    expect(await slotsOf('p-1002', today)).toEqual(before);
  }, 120_000);

  it('marks a slot the partner stops listing unavailable after the next run', async () => {
    const [gone, ...kept] = (await slotsOf('p-1003', addDays(today, 2))).filter((s) => s.available);
    expect(gone).toBeDefined();
    await harness.partnerControl({
      removeSlots: [{ productId: 'p-1003', date: addDays(today, 2), startTime: gone!.start_time }],
    });

    const run = await harness.control.syncNow('partner', { wait: true, window: 'week' });

    expect(run.counts.unlisted).toBe(1);
    const after = await slotsOf('p-1003', addDays(today, 2));
    expect(after.find((s) => s.provider_slot_id === gone!.provider_slot_id)).toMatchObject({
      available: false,
    });
    expect(
      after
        .filter((s) => s.available)
        .map((s) => s.provider_slot_id)
        .sort(),
    ).toEqual(kept.map((s) => s.provider_slot_id).sort());
  }, 120_000);

  it('after a 429 with Retry-After: 20, sends no request for 20 s, then completes the window', async () => {
    await harness.partnerControl({
      variant: 2,
      fault: { kind: 'rate-limit-storm', retryAfterSeconds: 20, times: 1 },
    });
    const since = (await harness.requests()).length;

    const run = await harness.control.syncNow('partner', { wait: true, window: 'today' });

    const requests = (await harness.requests()).slice(since);
    const limited = requests.find((r) => r.status === 429)!;
    expect(limited).toBeDefined();
    const after = requests.filter((r) => Date.parse(r.at) > Date.parse(limited.at));
    expect(after.length).toBeGreaterThan(0);
    for (const request of after)
      expect(Date.parse(request.at) - Date.parse(limited.at)).toBeGreaterThanOrEqual(20_000);
    expect(run).toMatchObject({ outcome: 'succeeded', partner: { rateLimited: 1, failed: 0 } });
    expect(run.counts.changed).toBeGreaterThan(0);
  }, 180_000);

  it('completes the window when a fifth of the answers are 503s, retrying them', async () => {
    await harness.partnerControl({ variant: 3, fault: { kind: 'status', status: 503, share: 0.2 } });
    const since = (await harness.requests()).length;

    const run = await harness.control.syncNow('partner', { wait: true, window: 'week' });
    await harness.partnerControl({ fault: null });

    const requests = (await harness.requests()).slice(since);
    expect(requests.some((r) => r.status === 503)).toBe(true);
    expect(run).toMatchObject({ outcome: 'succeeded', partner: { pairs: 12, failed: 0 } });
    expect(run.partner!.requests).toBe(requests.length);
    expect(maxInAnyWindow(await harness.requests(), TEST_LIMIT.perSeconds * 1000)).toBeLessThanOrEqual(
      TEST_LIMIT.requests,
    );
  }, 180_000);

  it('fails a pair whose answer is not JSON, rejects bad slots with their reasons, and goes on', async () => {
    await harness.partnerControl({ fault: { kind: 'malformed', body: 'not json', times: 1 } });
    const malformed = await harness.control.syncNow('partner', { wait: true, window: 'today' });

    expect(malformed).toMatchObject({ outcome: 'succeeded', partner: { pairs: 3, failed: 1, requests: 3 } });
    expect(malformed.partner!.failures[0]!.error).toContain('answered');

    await harness.partnerControl({
      variant: 5,
      fault: { kind: 'bad-shape', problem: 'negative-remaining', times: 1 },
    });
    const badSlots = await harness.control.syncNow('partner', { wait: true, window: 'today' });

    expect(badSlots).toMatchObject({ outcome: 'succeeded', partner: { failed: 0 } });
    expect(badSlots.counts.rejected).toBeGreaterThan(0);
    await harness.elasticsearch.indices.refresh({ index: harness.indices.rejects });
    const rejects = await harness.elasticsearch.search<{ reason: string; product_id: string }>({
      index: harness.indices.rejects,
      query: { term: { run_id: badSlots.runId } },
    });
    expect(rejects.hits.hits).toHaveLength(badSlots.counts.rejected);
    expect(rejects.hits.hits[0]!._source!.reason).toContain('remaining');
  }, 180_000);

  it('stops every request within 5 s of a pause; resume runs today at once, skipping what is fresh', async () => {
    const since = (await harness.requests()).length;
    const week = harness.control.syncNow('partner', { wait: true, window: 'week' });
    await waitFor('the week window asking', async () => (await harness.requests()).length >= since + 3);

    await harness.control.pause('partner', 'the partner asked us to stop');
    const paused = Date.now();
    const run = await week;

    expect(run.outcome).toBe('paused');
    // Nothing is asked afterwards: wait out two more request intervals before reading the log.
    await new Promise((resolve) => setTimeout(resolve, 7000));
    const late = (await harness.requests()).filter((r) => Date.parse(r.at) > paused + 5000);
    expect(late).toEqual([]);

    const beforeResume = (await harness.requests()).length;
    await harness.control.resume('partner', 'the partner is back');
    const resumed = await waitFor('the run that resume started', async () => {
      const [latest] = await harness.control.recentRuns('partner', 1);
      return latest && latest.scope === 'today' && Date.parse(latest.startedAt) >= paused
        ? latest
        : undefined;
    });
    expect(resumed).toMatchObject({ outcome: 'succeeded', partner: { pairs: 3, skipped: 3, requests: 0 } });
    expect((await harness.requests()).length).toBe(beforeResume);
    await harness.control.pause('partner', 'tests trigger their runs');
  }, 180_000);
});
