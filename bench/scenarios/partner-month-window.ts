import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client as EsClient } from '@elastic/elasticsearch';
import type { Client } from '@temporalio/client';
import { partnerRequestsPerSecond } from '../../src/activities/partners/partner-task-queue';
import type { RunSummary } from '../../src/domain/run-summary';
import type { AvailabilityJsonSettings } from '../../src/providers/availability-json/availability-json-settings';
import { isProviderOfKind, loadProviderSettings } from '../../src/providers/provider-settings';
import { scheduledScopes } from '../../src/providers/scheduled-scopes';
import { syncIdsOf } from '../../src/schedules/sync-ids';
import { TemporalSyncControl } from '../../src/schedules/temporal-sync-control';
import { indexNames } from '../../src/search/index-names';
import { SyncRunStore } from '../../src/search/sync-run-store';
import type { PartnerRequestEntry } from '../../src/simulator/partners/partner-request-log';
import { startWorkerProcess } from '../support/app-processes';
import type { BenchContext } from '../support/bench-context';
import { SimulatedPartner } from '../support/simulated-partner';

/** One run of a partner's month window against the simulator at the partner's real limit. */
export interface PartnerMonthWindowResult {
  /** The partner's limit, as the simulator enforces it and the providers file states it. */
  limit: { requests: number; perSeconds: number };
  /** Requests per second the partner's task queue dispatches (its limit less the queue's burst). */
  queueRequestsPerSecond: number;
  /** The run's summary, as `syncNow` with `wait` returned it. */
  run: RunSummary;
  /** What the partner received during the run, oldest first. */
  requests: PartnerRequestEntry[];
  /** Requests before the run (a schedule that fired before it was paused); 0 when only the bench asked. */
  strayRequests: number;
  /** From the bench's call to `syncNow` to its answer. */
  waitedSeconds: number;
}

const PREFIX = 'bench-partner';
const PROVIDER_ID = 'partner';
const KEY_VARIABLE = 'BENCH_PARTNER_API_KEY';
const KEY = 'bench-partner-key-0001';
const LIMIT = { requests: 30, perSeconds: 60 };
const WINDOW = 'month';

/**
 * Starts a worker with one partner (3 products, the default windows, 30 requests per 60 s), pauses the
 * partner's schedules as soon as the worker made them, triggers the month window (days 7 to 29: 69
 * requests) and waits for it, then reads what reached the partner from the simulator's request log.
 */
export async function measurePartnerMonthWindow(
  ctx: BenchContext,
  temporal: Client,
  elasticsearch: EsClient,
  log: (line: string) => void,
): Promise<PartnerMonthWindowResult> {
  const partner = new SimulatedPartner(ctx.simulator.url, PROVIDER_ID);
  await partner.control({ apiKey: KEY, products: 3, rateLimit: LIMIT });
  const providersFile = writeProvidersFile(ctx.workDir, ctx.simulator.partnerUrl(PROVIDER_ID));
  const provider = partnerSettings(providersFile);
  const control = new TemporalSyncControl(
    temporal,
    [provider],
    new SyncRunStore(elasticsearch, indexNames(PREFIX)),
    { taskQueue: PREFIX, deployment: PREFIX },
  );
  const worker = await startWorkerProcess(ctx, 'worker-partner', PREFIX, {
    PROVIDERS_FILE: providersFile,
    [KEY_VARIABLE]: KEY,
  });
  try {
    // Only the bench's run may ask the partner: no schedule starts another window beside it.
    await control.pause(PROVIDER_ID, 'the bench triggers its own run');
    await settleOpenRuns(temporal, provider);
    const strayRequests = (await partner.requests()).length;
    if (strayRequests > 0) log(`${strayRequests} requests by a schedule before the pause`);
    // Fresh rate windows, so what a stray run asked does not count against the bench's run.
    await partner.control({ rateLimit: LIMIT });
    const started = performance.now();
    const run = await control.syncNow(PROVIDER_ID, { wait: true, window: WINDOW });
    const waitedSeconds = (performance.now() - started) / 1000;
    const requests = (await partner.requests()).slice(strayRequests);
    log(
      `month window: ${run.outcome} in ${((run.durationMs ?? 0) / 1000).toFixed(1)} s, ` +
        `${requests.length} requests, ${JSON.stringify(run.partner)}`,
    );
    return {
      limit: LIMIT,
      queueRequestsPerSecond: partnerRequestsPerSecond(provider),
      run,
      requests,
      strayRequests,
      waitedSeconds,
    };
  } finally {
    await worker.stop();
    await deleteSchedules(temporal, provider);
  }
}

/** The partner alone, with the default windows; its key comes from the variable the worker gets too. */
function writeProvidersFile(dir: string, baseUrl: string): string {
  const file = path.join(dir, 'partner-providers.yaml');
  writeFileSync(
    file,
    `providers:\n  - id: ${PROVIDER_ID}\n    kind: availability-json\n    baseUrl: ${baseUrl}\n` +
      `    apiKeyFromEnv: ${KEY_VARIABLE}\n    products: [p-1001, p-1002, p-1003]\n` +
      `    rateLimit: { requests: ${LIMIT.requests}, per: ${LIMIT.perSeconds}s }\n` +
      `    timeZone: UTC\n    requestTimeout: 10s\n`,
  );
  return file;
}

function partnerSettings(providersFile: string): AvailabilityJsonSettings {
  const [provider] = loadProviderSettings(providersFile, {
    env: (name) => (name === KEY_VARIABLE ? KEY : undefined),
  });
  if (!provider || !isProviderOfKind(provider, 'availability-json'))
    throw new Error(`${providersFile} has no availability-json provider`);
  return provider;
}

/** Waits for any window run a schedule started before the pause; the pause signalled it to stop. */
async function settleOpenRuns(temporal: Client, provider: AvailabilityJsonSettings): Promise<void> {
  for (const { scope } of scheduledScopes(provider)) {
    const handle = temporal.workflow.getHandle(syncIdsOf(PREFIX, provider.id, scope).runWorkflowId);
    const running = await handle.describe().then(
      (d) => d.status.name === 'RUNNING',
      () => false,
    );
    if (running) await handle.result().catch(() => undefined);
  }
}

/** The schedules are paused; deleted, they leave nothing behind on a Temporal server the bench did not start. */
async function deleteSchedules(temporal: Client, provider: AvailabilityJsonSettings): Promise<void> {
  for (const { scope } of scheduledScopes(provider))
    await temporal.schedule
      .getHandle(syncIdsOf(PREFIX, provider.id, scope).scheduleId)
      .delete()
      .catch(() => undefined);
}
