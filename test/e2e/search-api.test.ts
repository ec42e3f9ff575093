import type { RunSummary } from '../../src/domain/run-summary';
import { startServer, type RunningServer } from '../../src/server';
import { freePort } from '../../scripts/stack/free-port';
import { createContractValidator } from '../support/contract';
import { waitFor } from '../support/wait-for';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness';

const contract = createContractValidator('/search');
const ADMIN_TOKEN = 'test-admin-token-0123456789';
interface SearchBody {
  data: { events: Record<string, unknown>[] } | null;
  error: { code: string; message: string } | null;
}

const WINDOW = 'starts_at=2021-02-01T00:00:00Z&ends_at=2022-07-03T00:00:00Z';

describe('the search API over a real sync', () => {
  let harness: SyncHarness;
  let api: RunningServer;

  beforeAll(async () => {
    const port = await freePort();
    harness = await startSyncHarness({ env: { API_PORT: String(port), ADMIN_TOKEN } });
    api = await startServer(harness.config);
  });

  afterAll(async () => {
    await api.close();
    await harness.stop();
  });

  async function search(query: string): Promise<{ status: number; body: SearchBody; headers: Headers }> {
    const response = await fetch(`${api.url}/search?${query}`);
    const body = (await response.json()) as SearchBody;
    contract.assert(response.status, body);
    return { status: response.status, body, headers: response.headers };
  }

  function admin(
    path: string,
    init: RequestInit = {},
    token: string | null = ADMIN_TOKEN,
  ): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    return fetch(`${api.url}${path}`, { method: 'POST', ...init, headers });
  }

  async function syncSample(sample: number): Promise<unknown> {
    harness.simulator.control('fever', { sample });
    const response = await admin('/admin/providers/fever/sync?wait=true');
    expect(response.status).toBe(200);
    return response.json();
  }

  it('shows a sync’s changes in /search within 2 seconds of the run ending', async () => {
    await syncSample(1);
    const before = await search(WINDOW);
    await syncSample(2);
    const ended = Date.now();
    let latest = before;
    while (JSON.stringify(latest.body) === JSON.stringify(before.body) && Date.now() - ended < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      latest = await search(WINDOW);
    }
    expect(Date.now() - ended).toBeLessThanOrEqual(2000);
    expect(latest.body).not.toEqual(before.body);
  });

  it('answers the first search after a waited sync from that sync, with no wait in between', async () => {
    // Polling as slow as it may be: only the waited trigger itself can bring this API to the new data.
    const slowPoller = await startServer({
      ...harness.config,
      API_PORT: await freePort(),
      SEARCH_GENERATION_POLL_MS: 60_000,
    });
    try {
      const searchOn = async (): Promise<unknown> =>
        (await fetch(`${slowPoller.url}/search?${WINDOW}`)).json();
      harness.simulator.control('fever', { sample: 1 });
      await fetch(`${slowPoller.url}/admin/providers/fever/sync?wait=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const before = await searchOn();
      harness.simulator.control('fever', { sample: 2 });
      const synced = await fetch(`${slowPoller.url}/admin/providers/fever/sync?wait=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      const after = await searchOn();
      expect(synced.status).toBe(200);
      expect(
        ((await synced.json()) as { data: { run: RunSummary } }).data.run.counts.changed,
      ).toBeGreaterThan(0);
      expect(after).not.toEqual(before);
    } finally {
      await slowPoller.close();
    }
  });

  it('returns exactly the sessions of 291, 322 and 1591 with their latest values after response_1, _2, _3', async () => {
    const before = await search(WINDOW);
    await syncSample(3);
    // Caches follow the data generation within 2 seconds of the run's end (the test above).
    const { status, body } = await waitFor(
      'the third feed in /search',
      async () => {
        const latest = await search(WINDOW);
        return JSON.stringify(latest.body) !== JSON.stringify(before.body) && latest;
      },
      { timeoutMs: 2000, intervalMs: 50 },
    );
    expect(status).toBe(200);
    expect(body.error).toBeNull();
    const events = body.data!.events.map(({ id: _id, ...rest }: Record<string, unknown>) => rest);
    expect(events).toEqual([
      {
        title: 'Pantomima Full',
        start_date: '2021-02-10',
        start_time: '20:00:00',
        end_date: '2021-02-10',
        end_time: '21:30:00',
        min_price: 55,
        max_price: 55,
      },
      {
        title: 'Camela en concierto',
        start_date: '2021-06-30',
        start_time: '21:00:00',
        end_date: '2021-06-30',
        end_time: '21:30:00',
        min_price: 20,
        max_price: 30,
      },
      {
        title: 'Los Morancos',
        start_date: '2021-07-31',
        start_time: '20:00:00',
        end_date: '2021-07-31',
        end_time: '21:00:00',
        min_price: 65,
        max_price: 65,
      },
    ]);
  });

  it('answers 400 in the contract shape for bad parameters', async () => {
    for (const query of [
      'starts_at=yesterday',
      'starts_at=2021-02-30T00:00:00Z',
      'starts_at=2022-01-01T00:00:00Z&ends_at=2021-01-01T00:00:00Z',
      'starts_at=2021-01-01T00:00:00Z&starts_at=2021-01-02T00:00:00Z',
    ]) {
      const { status, body } = await search(query);
      expect([query, status, body.data]).toEqual([query, 400, null]);
    }
  });

  it('answers a request line too large for Node’s parser in the contract error shape', async () => {
    const response = await fetch(`${api.url}/search?starts_at=${'9'.repeat(100_000)}`);
    expect(response.status).toBe(431);
    expect(await response.json()).toEqual({
      error: { code: 'request_too_large', message: 'request line or headers are too large' },
      data: null,
    });
  });

  it('serves one event with its zones, and 404 for an unknown id', async () => {
    const { body } = await search(WINDOW);
    const morancos = body.data!.events.find((e) => e.title === 'Los Morancos')!;
    const detail = await (await fetch(`${api.url}/events/${String(morancos.id)}`)).json();
    const missing = await fetch(`${api.url}/events/00000000-0000-5000-8000-000000000000`);
    expect(JSON.stringify(detail)).toContain('"zone_id":"186"');
    expect(missing.status).toBe(404);
  });

  it('refuses the admin API without a token (401) and with a wrong one (403)', async () => {
    const missing = await admin('/admin/providers/fever/sync', {}, null);
    const wrong = await admin('/admin/providers/fever/sync', {}, 'not-the-admin-token-at-all');
    expect([missing.status, wrong.status]).toEqual([401, 403]);
  });

  it('pauses and resumes the provider’s Temporal Schedule', async () => {
    const schedule = harness.temporal.schedule.getHandle(harness.feverIds.scheduleId);
    const paused = await admin('/admin/providers/fever/pause', {
      body: JSON.stringify({ note: 'provider maintenance' }),
    });
    const whilePaused = await schedule.describe();
    const listed = await (
      await fetch(`${api.url}/admin/providers`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json();
    const resumed = await admin('/admin/providers/fever/resume', { body: JSON.stringify({ note: 'back' }) });
    const afterResume = await schedule.describe();

    expect([paused.status, resumed.status]).toEqual([200, 200]);
    expect([whilePaused.state.paused, whilePaused.state.note]).toEqual([true, 'provider maintenance']);
    expect(JSON.stringify(listed)).toContain('provider maintenance');
    expect(afterResume.state.paused).toBe(false);
  });

  it('keeps answering searches while the provider is down, and records the failed run', async () => {
    const before = await search(WINDOW);
    // Down, and saying to come back in a second: five attempts end the run in seconds, not in 30 s of backoff.
    harness.simulator.control('fever', { fault: { kind: 'status', status: 503, retryAfterSeconds: 1 } });
    const sync = admin('/admin/providers/fever/sync?wait=true');
    const during = await search(WINDOW);
    const failed = await sync;
    const afterFailure = await search(WINDOW);
    harness.simulator.control('fever', { fault: null });

    expect(during.status).toBe(200);
    expect(during.body).toEqual(before.body);
    expect(failed.status).toBe(502);
    expect(JSON.stringify(await failed.json())).toMatch(/503/);
    expect(afterFailure.body).toEqual(before.body);
  });
});
