import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createSimulator } from '../../../src/simulator/create-simulator';
import type { Simulator } from '../../../src/simulator/create-simulator';
import { resolveSamplesDir } from '../../../src/simulator/resolve-samples-dir';
import { getStatus, postControl } from './simulator-client';

const fixtures = path.resolve(__dirname, '../../fixtures/fever');
const fixture = (n: number): Promise<string> => readFile(path.join(fixtures, `response_${n}.xml`), 'utf8');

describe('simulator sample mode', () => {
  let simulator: Simulator;
  const get = async (): Promise<string> => (await fetch(simulator.feedUrl())).text();

  beforeAll(async () => {
    simulator = await createSimulator();
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.reset());

  it('ships the same samples as the test fixtures, in a folder that production builds can reach', async () => {
    for (const n of [1, 2, 3]) {
      const shipped = await readFile(path.join(resolveSamplesDir(), `response_${n}.xml`), 'utf8');
      expect(shipped).toBe(await fixture(n));
    }
    expect(resolveSamplesDir(path.join(__dirname, '..', '..', '..', 'dist', 'src', 'simulator'))).toBe(
      resolveSamplesDir(),
    );
  });

  it('serves response_1, _2, _3 in order and then stays on the last', async () => {
    const bodies = [await get(), await get(), await get(), await get()];
    expect(bodies).toEqual([await fixture(1), await fixture(2), await fixture(3), await fixture(3)]);
  });

  it('answers with XML and an exact Content-Length', async () => {
    const res = await fetch(simulator.feedUrl());
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
  });

  it('when pinned to a sample, serves it on every request until the sequence is re-enabled', async () => {
    await postControl(simulator, 'fever', { sample: 2 });
    expect([await get(), await get()]).toEqual([await fixture(2), await fixture(2)]);

    const status = await postControl(simulator, 'fever', { sequence: true });
    expect(status).toMatchObject({ mode: 'samples', pinnedSample: null, nextSample: 1 });
    expect([await get(), await get()]).toEqual([await fixture(1), await fixture(2)]);
  });

  it('keeps each provider path apart', async () => {
    await postControl(simulator, 'other', { sample: 3 });
    expect(await get()).toBe(await fixture(1));
    expect(await (await fetch(simulator.feedUrl('other'))).text()).toBe(await fixture(3));
    expect((await getStatus(simulator, 'fever')).requests).toBe(1);
  });

  it('counts requests and logs what each one got', async () => {
    await get();
    await get();
    const status = await getStatus(simulator);
    expect(status.requests).toBe(2);
    expect(status.recentRequests.map((r) => [r.number, r.path, r.outcome, r.status])).toEqual([
      [1, '/feeds/fever', 'sample 1', 200],
      [2, '/feeds/fever', 'sample 2', 200],
    ]);
  });

  it('POST /control/reset restores every feed and counter', async () => {
    await postControl(simulator, 'fever', { sample: 3 });
    await get();
    const res = await fetch(`${simulator.url}/control/reset`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await getStatus(simulator)).toMatchObject({ mode: 'samples', pinnedSample: null, requests: 0 });
    expect(await get()).toBe(await fixture(1));
  });

  it('rejects a control request that does not fit, saying why', async () => {
    const post = (body: string): Promise<Response> =>
      fetch(`${simulator.url}/control/feeds/fever`, { method: 'POST', body });
    const responses = await Promise.all([
      post('{"sample": 4}'),
      post('{"sample": 1, "sequence": true}'),
      post('{"fault": {"kind": "earthquake"}}'),
      post('not json'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(await responses[0]?.json()).toEqual({ error: 'sample must be between 1 and 3' });
  });

  it('answers 404 on paths it does not know', async () => {
    expect((await fetch(`${simulator.url}/nope`)).status).toBe(404);
    expect((await fetch(`${simulator.url}/health`)).status).toBe(200);
  });
});

describe('simulator start-up control', () => {
  it('starts every feed pinned when asked to (the --sample flag)', async () => {
    const simulator = await createSimulator({ initialControl: { sample: 3 } });
    try {
      const body = await (await fetch(simulator.feedUrl())).text();
      expect(body).toBe(await fixture(3));
      simulator.reset();
      expect(simulator.status('fever').pinnedSample).toBe(3);
    } finally {
      await simulator.close();
    }
  });

  it('refuses to start with a sample that does not exist', async () => {
    await expect(createSimulator({ initialControl: { sample: 7 } })).rejects.toThrow(
      'sample must be between',
    );
  });
});
