import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { createSimulator } from '../../../src/simulator/create-simulator';
import type { Simulator } from '../../../src/simulator/create-simulator';
import type { FaultSpecInput } from '../../../src/simulator/faults/fault-spec';
import { getStatus, postControl, rawGet, readUntilError } from './simulator-client';

const fixture = (n: number): Promise<string> =>
  readFile(path.resolve(__dirname, `../../fixtures/fever/response_${n}.xml`), 'utf8');

describe('simulator faults', () => {
  let simulator: Simulator;
  const get = (init?: RequestInit): Promise<Response> => fetch(simulator.feedUrl(), init);
  const arm = (fault: FaultSpecInput | null): Promise<unknown> => postControl(simulator, 'fever', { fault });

  beforeAll(async () => {
    simulator = await createSimulator();
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.reset());

  it('status: answers the chosen code and text', async () => {
    await arm({ kind: 'status', status: 503, body: 'down for maintenance' });
    const res = await get();
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('down for maintenance');
  });

  it('rate-limit: answers 429 with Retry-After in seconds', async () => {
    await arm({ kind: 'rate-limit', retryAfterSeconds: 7 });
    const res = await get();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    await res.text();
  });

  it('reset: resets the connection without a response, so fetch throws ECONNRESET', async () => {
    await arm({ kind: 'reset' });
    await expect(get()).rejects.toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } });
    expect((await getStatus(simulator)).recentRequests[0]).toMatchObject({
      outcome: 'fault reset',
      status: null,
    });
  });

  it('slow: delivers the whole body, at the requested pace', async () => {
    await arm({ kind: 'slow', bytesPerSecond: 4000 });
    const started = Date.now();
    const body = await (await get()).text();
    // 1736 bytes at 4000 B/s: about 0.43 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(body).toBe(await fixture(1));
  });

  it('stall: sends headers and part of the body, then nothing, so the client timeout fires', async () => {
    await arm({ kind: 'stall', afterBytes: 100 });
    const res = await get({ signal: AbortSignal.timeout(300) });
    expect(res.status).toBe(200);
    const { bytes, error } = await readUntilError(res);
    expect(bytes).toBe(100);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('truncate: declares the full Content-Length, sends only K bytes and hangs up', async () => {
    await arm({ kind: 'truncate', afterBytes: 100, times: 1 });
    const res = await get();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(await fixture(1)));
    const { bytes, error } = await readUntilError(res);
    expect(bytes).toBeLessThanOrEqual(100);
    expect((error as Error).message).toBe('terminated');

    await arm({ kind: 'truncate', afterBytes: 100, times: 1 });
    const { head, body } = await rawGet(simulator.feedUrl());
    expect(head).toContain(`content-length: ${Buffer.byteLength(await fixture(1))}`);
    expect(body.toString()).toBe((await fixture(1)).slice(0, 100));
  });

  it('truncate with chunked framing: the body ends without its terminating chunk', async () => {
    await arm({ kind: 'truncate', afterBytes: 50, framing: 'chunked', times: 1 });
    const res = await get();
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect((await readUntilError(res)).error).not.toBeNull();

    await arm({ kind: 'truncate', afterBytes: 50, framing: 'chunked', times: 1 });
    const { body } = await rawGet(simulator.feedUrl());
    expect(body.toString()).toBe(`32\r\n${(await fixture(1)).slice(0, 50)}\r\n`);
  });

  it('truncate cuts a generated feed too', async () => {
    await postControl(simulator, 'fever', { generate: { events: 5000, zones: 3 } });
    await arm({ kind: 'truncate', afterBytes: 200_000 });
    const res = await get();
    expect(Number(res.headers.get('content-length'))).toBeGreaterThan(200_000);
    const { bytes, error } = await readUntilError(res);
    expect(bytes).toBeLessThanOrEqual(200_000);
    expect(error).not.toBeNull();
    expect((await rawGet(simulator.feedUrl())).body.length).toBe(200_000);
  });

  it('malformed: serves a body that is not well-formed XML', async () => {
    await arm({ kind: 'malformed' });
    const res = await get();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('<?xml')).toBe(true);
    expect(XMLValidator.validate(text)).not.toBe(true);
  });

  it('entity-bomb: serves a small body with a billion-laughs DOCTYPE', async () => {
    await arm({ kind: 'entity-bomb' });
    const text = await (await get()).text();
    expect(text).toContain('<!DOCTYPE eventList [');
    expect(text).toContain(`<!ENTITY lol9 "${'&lol8;'.repeat(10)}">`);
    expect(text).toContain('title="&lol9;"');
    expect(text.length).toBeLessThan(2048);
  });

  it('oversized: streams a well-formed feed larger than the requested bytes', async () => {
    await arm({ kind: 'oversized', bytes: 300_000 });
    const res = await get();
    expect(res.headers.get('content-length')).toBeNull();
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBeGreaterThan(300_000);
    expect(Buffer.byteLength(text)).toBeLessThan(400_000);
    expect(XMLValidator.validate(text)).toBe(true);
  });

  it('with times: K, hits the next K requests and then the feed is normal again', async () => {
    await arm({ kind: 'status', status: 500, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      const res = await get();
      await res.text();
      statuses.push(res.status);
    }
    expect(statuses).toEqual([500, 500, 200]);
    expect(await getStatus(simulator)).toMatchObject({ requests: 3, fault: null });
  });

  it('reports the armed fault and how many requests it still hits', async () => {
    const status = await postControl(simulator, 'fever', { fault: { kind: 'reset', times: 3 } });
    expect(status.fault).toEqual({ kind: 'reset', times: 3, remaining: 3 });
  });

  it('without times, lasts until cleared with null', async () => {
    await arm({ kind: 'reset' });
    await expect(get()).rejects.toThrow();
    await expect(get()).rejects.toThrow();
    await arm(null);
    expect((await get()).status).toBe(200);
    expect((await getStatus(simulator)).requests).toBe(3);
  });

  it('a request a fault spoiled does not move the samples on, so the retry gets what it missed', async () => {
    await arm({ kind: 'truncate', afterBytes: 10, times: 1 });
    await readUntilError(await get());
    expect(await (await get()).text()).toBe(await fixture(1));
    expect(await (await get()).text()).toBe(await fixture(2));
  });

  it('POST /control/reset clears faults', async () => {
    await arm({ kind: 'status', status: 503 });
    await fetch(`${simulator.url}/control/reset`, { method: 'POST' });
    expect((await get()).status).toBe(200);
  });
});
