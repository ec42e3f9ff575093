import { AdmissionGate } from '../../../src/api/http/admission-gate';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('AdmissionGate', () => {
  it('runs at most `limit` requests of a zone at once and lets the queued ones in as others finish', async () => {
    const gate = new AdmissionGate(2, { maxWaiting: 10, maxWaitMs: 10_000 });
    const release = deferred();
    let running = 0;
    let most = 0;
    const work = async () => {
      running += 1;
      most = Math.max(most, running);
      await release.promise;
      running -= 1;
      return 'done';
    };

    const passes = Array.from({ length: 5 }, () => gate.pass('zone-a', work));
    await new Promise((r) => setImmediate(r));
    expect(running).toBe(2);
    release.resolve();

    expect(await Promise.all(passes)).toEqual(Array(5).fill({ busy: false, value: 'done' }));
    expect(most).toBe(2);
  });

  it('turns a request away at once when the queue is full, and after the longest wait otherwise', async () => {
    const gate = new AdmissionGate(1, { maxWaiting: 1, maxWaitMs: 50 });
    const release = deferred();

    const first = gate.pass('zone-a', () => release.promise);
    const queued = gate.pass('zone-a', () => Promise.resolve('late'));
    expect(await gate.pass('zone-a', () => Promise.resolve('never'))).toEqual({ busy: true });
    expect(await queued).toEqual({ busy: true });
    release.resolve();
    await first;

    expect(await gate.pass('zone-a', () => Promise.resolve('after'))).toEqual({
      busy: false,
      value: 'after',
    });
  });

  it('keeps zones apart: a busy zone does not hold another back', async () => {
    const gate = new AdmissionGate(1, { maxWaiting: 0, maxWaitMs: 50 });
    const release = deferred();

    const busy = gate.pass('zone-a', () => release.promise);

    expect(await gate.pass('zone-b', () => Promise.resolve('b'))).toEqual({ busy: false, value: 'b' });
    release.resolve();
    await busy;
  });
});
