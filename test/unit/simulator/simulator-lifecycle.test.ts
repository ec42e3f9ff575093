import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createSimulator } from '../../../src/simulator/create-simulator';

describe('createSimulator lifecycle', () => {
  it('listens on 127.0.0.1 and a free port when given port 0', async () => {
    const simulator = await createSimulator({ port: 0 });
    try {
      expect(simulator.port).toBeGreaterThan(0);
      expect(simulator.url).toBe(`http://127.0.0.1:${simulator.port}`);
      expect(simulator.feedUrl()).toBe(`${simulator.url}/feeds/fever`);
    } finally {
      await simulator.close();
    }
  });

  it('listens on the port it is given, and fails to start when that port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(createSimulator({ port })).rejects.toThrow('EADDRINUSE');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    const simulator = await createSimulator({ port });
    expect(simulator.port).toBe(port);
    await simulator.close();
  });

  it('close() ends stalled and slow responses at once and can be called twice', async () => {
    const simulator = await createSimulator();
    simulator.control('stalled', { fault: { kind: 'stall', afterBytes: 10 } });
    simulator.control('slow', { fault: { kind: 'slow', bytesPerSecond: 1 } });
    const stalled = await fetch(simulator.feedUrl('stalled'));
    const slow = await fetch(simulator.feedUrl('slow'));
    const bodies = [stalled.text(), slow.text()].map((body) =>
      body.then(
        () => 'ended',
        () => 'failed',
      ),
    );

    const started = Date.now();
    await Promise.all([simulator.close(), simulator.close()]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await Promise.all(bodies)).toEqual(['failed', 'failed']);
    await expect(fetch(simulator.feedUrl())).rejects.toThrow();
  });

  it('control() and status() drive the feeds without HTTP', async () => {
    const simulator = await createSimulator();
    try {
      expect(simulator.control('fever', { sample: 2 })).toMatchObject({ pinnedSample: 2 });
      expect(() => simulator.control('fever', { fault: { kind: 'status', status: 200 } })).toThrow();
      expect(simulator.status('fever').fault).toBeNull();
    } finally {
      await simulator.close();
    }
  });
});
