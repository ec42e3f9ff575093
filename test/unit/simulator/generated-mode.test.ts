import { createSimulator } from '../../../src/simulator/create-simulator';
import type { Simulator } from '../../../src/simulator/create-simulator';
import { generateEventListFeed } from '../../../src/simulator/generator/generate-event-list-feed';
import { getStatus, postControl, sha256Of } from './simulator-client';

describe('simulator generated mode', () => {
  let simulator: Simulator;

  beforeAll(async () => {
    simulator = await createSimulator();
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.reset());

  it('serves, chunked, exactly what generateEventListFeed writes for the same spec', async () => {
    const spec = { events: 3000, zones: 3, seed: 21, changedPercent: 1, variant: 1 };
    const status = await postControl(simulator, 'fever', { generate: spec });
    expect(status).toMatchObject({ mode: 'generated', generate: spec, nextSample: null });

    const res = await fetch(simulator.feedUrl());
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const served = await sha256Of(res.body as unknown as AsyncIterable<Uint8Array>);
    expect(served).toBe(await sha256Of(generateEventListFeed(spec)));
    expect((await getStatus(simulator)).recentRequests[0]?.outcome).toBe('generated');
  });

  it('fills in defaults for zones, seed, changedPercent and variant', async () => {
    const status = await postControl(simulator, 'fever', { generate: { events: 10 } });
    expect(status.generate).toEqual({ events: 10, zones: 3, seed: 1, changedPercent: 0, variant: 0 });
  });

  it('streams with backpressure: a client that stops reading does not make the server buffer the feed', async () => {
    // About 1.2 GB if it were built in memory.
    await postControl(simulator, 'fever', { generate: { events: 2_000_000, zones: 3 } });
    const rssBefore = process.memoryUsage().rss;
    const res = await fetch(simulator.feedUrl());
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
    await reader.cancel();
  });

  it('keeps serving other requests while a huge feed streams, and stops it when the client hangs up', async () => {
    await postControl(simulator, 'big', { generate: { events: 2_000_000, zones: 3 } });
    const abort = new AbortController();
    const res = await fetch(simulator.feedUrl('big'), { signal: abort.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    const started = Date.now();
    expect((await fetch(simulator.feedUrl())).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    abort.abort();
    await expect(reader.read()).rejects.toThrow();
  });

  it('switches back to the samples on {"sequence": true}', async () => {
    await postControl(simulator, 'fever', { generate: { events: 1 } });
    await postControl(simulator, 'fever', { sequence: true });
    const body = await (await fetch(simulator.feedUrl())).text();
    expect(body).toContain('Camela en concierto');
  });
});
