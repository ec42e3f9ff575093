import { setTimeout as sleep } from 'node:timers/promises';

/** One request of an open-loop run, timed from when it was due rather than from when it left. */
export interface OpenLoopSample {
  /** From the planned send time to the answer. */
  latencyMs: number;
  /** How late the generator sent it: large values mean the bench process itself fell behind. */
  sendLagMs: number;
  status: number;
  code: string | null;
}

/** A constant request rate held for a duration. */
export interface OpenLoopRate {
  perS: number;
  durationS: number;
}

/**
 * Sends request `i` at `start + i / rate`, whether or not earlier ones have answered, and times each from
 * its planned send time: a server that stalls is charged for every request that should have gone out
 * meanwhile, which a closed loop (send, wait, send) leaves out (coordinated omission).
 */
export async function runOpenLoop(
  rate: OpenLoopRate,
  send: (i: number) => Promise<{ status: number; code: string | null }>,
): Promise<OpenLoopSample[]> {
  const total = Math.round(rate.perS * rate.durationS);
  const intervalMs = 1000 / rate.perS;
  const start = performance.now() + 20;
  const pending: Promise<OpenLoopSample>[] = [];
  for (let i = 0; i < total;) {
    const now = performance.now();
    for (; i < total && start + i * intervalMs <= now; i++)
      pending.push(timed(start + i * intervalMs, i, send));
    if (i < total) await sleep(Math.max(0, start + i * intervalMs - performance.now()));
  }
  return Promise.all(pending);
}

async function timed(
  dueMs: number,
  i: number,
  send: (i: number) => Promise<{ status: number; code: string | null }>,
): Promise<OpenLoopSample> {
  const sendLagMs = performance.now() - dueMs;
  const { status, code } = await send(i);
  return { latencyMs: performance.now() - dueMs, sendLagMs, status, code };
}
