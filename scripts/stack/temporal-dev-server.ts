import { mkdirSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import path from 'node:path';
import { ensureTemporalCli } from './ensure-temporal-cli';
import { startProcess, type ManagedProcess } from './managed-process';
import { ALL_SEARCH_ATTRIBUTES } from '../../src/schedules/search-attribute-keys';
import { waitUntil } from './wait-until';

/**
 * A partner's queue-wide rate limit (src/activities/partners/partner-task-queue.ts) holds to the request
 * only on a queue of one partition, whose matcher also dispatches by priority: with the default four
 * partitions each gets a share of the rate and hands tasks out in bursts, and today's window would not
 * go first. A production cluster sets these for the partner queues in its own dynamic config.
 */
export const PARTNER_QUEUE_SETTINGS = [
  'matching.numTaskqueueReadPartitions=1',
  'matching.numTaskqueueWritePartitions=1',
  'matching.useNewMatcher=true',
];

/** A running Temporal CLI dev server. */
export interface TemporalDevServer {
  address: string;
  uiUrl: string | null;
  process: ManagedProcess;
}

/** Starts the Temporal dev server persisted to SQLite in `dataDir` and waits until it takes connections. */
export async function startTemporalDevServer(options: {
  dataDir: string;
  port: number;
  uiPort: number | null;
  log: (line: string) => void;
  timeoutMs?: number;
}): Promise<TemporalDevServer> {
  const binary = await ensureTemporalCli(options.log);
  mkdirSync(options.dataDir, { recursive: true });
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port)];
  args.push('--db-filename', path.join(options.dataDir, 'temporal.sqlite'), '--log-level', 'warn');
  args.push(...(options.uiPort === null ? ['--headless'] : ['--ui-port', String(options.uiPort)]));
  for (const setting of PARTNER_QUEUE_SETTINGS) args.push('--dynamic-config-value', setting);
  for (const key of ALL_SEARCH_ATTRIBUTES)
    args.push('--search-attribute', `${key.name}=${cliType(key.type)}`);
  const child = startProcess({
    name: 'temporal',
    command: binary,
    args,
    logFile: path.join(options.dataDir, 'temporal.log'),
    // Nothing of the caller's environment: TEMPORAL_* client settings or a CLI profile under HOME are not its business.
    env: { PATH: process.env.PATH, HOME: options.dataDir },
  });
  const address = `127.0.0.1:${options.port}`;
  await waitUntil(`Temporal dev server on ${address}`, () => answersRequests(address), {
    timeoutMs: options.timeoutMs ?? 60_000,
    exited: child.exited,
    logFile: child.logFile,
  });
  const uiUrl = options.uiPort === null ? null : `http://127.0.0.1:${options.uiPort}`;
  return { address, uiUrl, process: child };
}

async function answersRequests(address: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1000 });
  try {
    await connection.workflowService.describeNamespace({ namespace: 'default' });
    return true;
  } finally {
    await connection.close();
  }
}

/** The CLI spells types `Keyword`, `Int`; the SDK `KEYWORD`, `INT`. */
function cliType(type: string): string {
  return type.charAt(0) + type.slice(1).toLowerCase();
}
