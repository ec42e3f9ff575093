import { Client, Connection } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { PartnerActivities } from '../../../src/activities/partners/create-partner-activities';
import type {
  PairRequest,
  PairResult,
  WindowPlan,
} from '../../../src/activities/partners/partner-sync-types';
import { finishedRun, type RunSummary } from '../../../src/domain/run-summary';
import { SyncFailureType } from '../../../src/domain/sync-failure-types';
import { registerSearchAttributes } from '../../../src/schedules/register-search-attributes';
import {
  pauseWindowSignal,
  syncPartnerWindowWorkflow,
} from '../../../src/workflows/sync-partner-window-workflow';
import { registerNamespace } from '../../support/register-namespace';
import { uniqueName } from '../../support/test-config';
import { waitFor } from '../../support/wait-for';

/**
 * The window workflow on the real Temporal dev server with stand-in activities (the partner and the
 * index are not what this is about): bounded history, cool-downs, pause, and failing pairs.
 */
const address = process.env.TEMPORAL_ADDRESS!;
const namespace = uniqueName('partner-ns');
const taskQueue = uniqueName('partner');
const requestQueue = `${taskQueue}-requests`;
let connection: Connection;
let client: Client;
const workers: Worker[] = [];
const running: Promise<void>[] = [];

interface Behaviour {
  products: number;
  dates: number;
  answer: (request: PairRequest, attempt: number) => Promise<PairResult>;
}
let behaviour: Behaviour;
const calls: { at: number; request: PairRequest }[] = [];
const finished: RunSummary[] = [];

const synced = (n = 1): PairResult => ({
  outcome: 'synced',
  unchanged: false,
  slots: { new: n, changed: 0, unchanged: 0, unavailable: 0 },
  rejected: 0,
  requests: 1,
});

const standIns: Pick<PartnerActivities, 'planWindow' | 'finishWindowRun'> = {
  planWindow: (input) => {
    const plan: WindowPlan = {
      products: Array.from({ length: behaviour.products }, (_, i) => `p-${i}`),
      dates: Array.from({ length: behaviour.dates }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`),
      skipped: [],
      taskQueue: requestQueue,
      priorityKey: input.window === 'today' ? 1 : 3,
    };
    return Promise.resolve(plan);
  },
  finishWindowRun: (run, tally, ending) => {
    const summary = finishedRun(
      { ...run, scope: run.window },
      { ...ending, bytes: null, sha256: null, counts: tally.counts, superseded: 0, partner: tally.partner },
      new Date(),
    );
    finished.push(summary);
    return Promise.resolve(summary);
  },
};

beforeAll(async () => {
  await registerNamespace(address, namespace);
  connection = await Connection.connect({ address });
  await registerSearchAttributes(connection, namespace);
  client = new Client({ connection, namespace });
  const native = await NativeConnection.connect({ address });
  workers.push(
    await Worker.create({
      connection: native,
      namespace,
      taskQueue,
      workflowsPath: require.resolve('../../../src/workflows'),
      activities: standIns,
    }),
    await Worker.create({
      connection: native,
      namespace,
      taskQueue: requestQueue,
      activities: {
        syncPair: async (request: PairRequest) => {
          calls.push({ at: Date.now(), request });
          const { Context } = await import('@temporalio/activity');
          return behaviour.answer(request, Context.current().info.attempt);
        },
      },
    }),
  );
  for (const worker of workers) running.push(worker.run());
});

afterAll(async () => {
  for (const worker of workers) worker.shutdown();
  await Promise.all(running);
  await connection?.close();
});

beforeEach(() => {
  calls.length = 0;
  finished.length = 0;
});

function start(window = 'month') {
  return client.workflow.start(syncPartnerWindowWorkflow, {
    taskQueue,
    workflowId: uniqueName('sync-partner'),
    args: [{ providerId: 'partner', window }],
  });
}

describe('syncPartnerWindowWorkflow', () => {
  it('asks 60 products x 30 days once each, continuing as new so no execution passes 100 KB or 10k events', async () => {
    behaviour = { products: 60, dates: 30, answer: () => Promise.resolve(synced(2)) };

    const handle = await start();
    const summary = await handle.result();

    expect(summary).toMatchObject({ outcome: 'succeeded', scope: 'month', counts: { new: 3600 } });
    expect(summary.partner).toMatchObject({ pairs: 1800, requests: 1800, failed: 0, rateLimited: 0 });
    const asked = calls.map((c) => `${c.request.productId}@${c.request.date}`);
    expect(new Set(asked).size).toBe(1800);
    expect(asked).toHaveLength(1800);
    const executions = await executionsOf(handle.workflowId);
    expect(executions.length).toBeGreaterThanOrEqual(9);
    for (const { events, payloadBytes } of executions) {
      expect(events).toBeLessThan(10_000);
      expect(payloadBytes).toBeLessThan(100 * 1024);
    }
  }, 600_000);

  it('after a cool-down answer, asks nothing until it ends, then asks the pair again', async () => {
    let until = 0;
    behaviour = {
      products: 2,
      dates: 4,
      answer: (request) => {
        if (until === 0 && request.productId === 'p-0' && request.date === '2026-12-02') {
          until = Date.now() + 3000;
          return Promise.resolve({ outcome: 'cooling-down', until, rateLimited: true, requests: 1 });
        }
        return Promise.resolve(synced());
      },
    };

    const summary = await (await start()).result();

    const limited = calls.findIndex((c) => c.request.date === '2026-12-02' && c.request.productId === 'p-0');
    // The other three lanes' requests, already scheduled when the 429 came, may still start (with the
    // real activity they read the cool-down and do not ask); the workflow schedules none until the reset.
    const after = calls.slice(limited + 1);
    expect(after.filter((c) => c.at < until).length).toBeLessThanOrEqual(3);
    expect(after.filter((c) => c.at >= until).length).toBeGreaterThan(0);
    expect(
      calls.filter((c) => c.request.productId === 'p-0' && c.request.date === '2026-12-02'),
    ).toHaveLength(2);
    expect(summary.partner).toMatchObject({ pairs: 8, requests: 9, rateLimited: 1, failed: 0 });
    expect(summary.counts.new).toBe(8);
  }, 120_000);

  it('stops asking as soon as it is paused, and records the run as paused', async () => {
    behaviour = {
      products: 3,
      dates: 30,
      answer: () => new Promise((resolve) => setTimeout(() => resolve(synced()), 300)),
    };
    const handle = await start();
    await waitFor('ten requests made', () => calls.length >= 10);

    await handle.signal(pauseWindowSignal);
    const signalled = Date.now();
    const summary = await handle.result();

    expect(summary.outcome).toBe('paused');
    // In-flight requests finish; nothing starts 5 s after the signal (what ops are promised).
    expect(calls.filter((c) => c.at > signalled + 5000)).toEqual([]);
    expect(calls.length).toBeLessThan(90);
  }, 120_000);

  it('reports a pair that keeps failing and completes the window without it', async () => {
    behaviour = {
      products: 2,
      dates: 3,
      answer: (request) => {
        if (request.productId === 'p-1' && request.date === '2026-12-02')
          throw ApplicationFailure.create({
            type: SyncFailureType.UnknownProduct,
            message: 'provider partner does not know product p-1',
            nonRetryable: true,
          });
        return Promise.resolve(synced());
      },
    };

    const summary = await (await start()).result();

    expect(summary.outcome).toBe('succeeded');
    expect(summary.counts.new).toBe(5);
    expect(summary.partner).toMatchObject({
      failed: 1,
      failures: [{ productId: 'p-1', date: '2026-12-02', error: expect.stringContaining('does not know') }],
    });
  }, 120_000);

  it('fails the window, saying why, when the partner refuses the key', async () => {
    behaviour = {
      products: 3,
      dates: 10,
      answer: () => {
        throw ApplicationFailure.create({
          type: SyncFailureType.ProviderRejectedRequest,
          message: 'provider partner answered HTTP 401: check its API key',
          nonRetryable: true,
        });
      },
    };

    const summary = await (await start()).result();

    expect(summary).toMatchObject({ outcome: 'failed', error: expect.stringContaining('HTTP 401') });
    // The lanes in flight when the first refusal came finish; the rest of the window is never asked.
    expect(calls.length).toBeLessThanOrEqual(4);
  }, 120_000);
});

/** Events and bytes of payloads (inputs, results, failures' details) of each execution, last first. */
async function executionsOf(workflowId: string): Promise<{ events: number; payloadBytes: number }[]> {
  const runs: { events: number; payloadBytes: number }[] = [];
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  // Walk back from the last execution through each continued-as-new predecessor.
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory();
    const events = history.events ?? [];
    runs.push({ events: events.length, payloadBytes: payloadBytesIn(events) });
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
  }
  return runs;
}

/** Sum of the `data` of every Payload anywhere in `value`. */
function payloadBytesIn(value: unknown): number {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + payloadBytesIn(item), 0);
  const record = value as Record<string, unknown>;
  if ('metadata' in record && record.data instanceof Uint8Array) return record.data.length;
  return Object.values(record).reduce((sum: number, item) => sum + payloadBytesIn(item), 0);
}
