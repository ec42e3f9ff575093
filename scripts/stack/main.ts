import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { elasticsearchDataDir } from './elasticsearch-data-dir';
import { startElasticsearchNode } from './elasticsearch-node';
import { startProcess, type ManagedProcess } from './managed-process';
import { dataDir, projectRoot, runningAsRoot, STATE_DIR } from './paths';
import { pruneCloneFolders } from './prune-clone-folders';
import { startTemporalDevServer } from './temporal-dev-server';
import { waitUntil } from './wait-until';
import { WORKER_ENV, WORKER_NODE_FLAGS } from './worker-runtime';

const SERVERS = new Set(['elasticsearch', 'temporal']);

const log = (line: string): void => void process.stdout.write(`[stack] ${line}\n`);

/** `make run`: every server and app process on loopback, in the foreground, stopped together on Ctrl-C. */
async function main(): Promise<void> {
  const data = dataDir();
  mkdirSync(data, { recursive: true });
  const started: { stop(): Promise<void>; name: string }[] = [];
  let stopping = false;
  const stopAll = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      log('stopping everything this run started');
      // App processes first (they hold connections to the servers), then the servers together.
      const apps = started.filter((c) => !SERVERS.has(c.name)).reverse();
      for (const child of apps) await child.stop().catch(() => undefined);
      await Promise.all(
        started.filter((c) => SERVERS.has(c.name)).map((c) => c.stop().catch(() => undefined)),
      );
      log('stopped');
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    const { ELASTICSEARCH_DIR: elasticsearchDir, ...env } = await startServers(data, started);
    const adminToken = process.env.ADMIN_TOKEN ?? developmentAdminToken(data);
    const apiPort = process.env.API_PORT ?? '3000';
    const appEnv = {
      ...process.env,
      ...env,
      ADMIN_TOKEN: adminToken,
      STAGING_DIR: path.join(data, 'staging'),
    };
    for (const [name, script] of [
      ['simulator', 'dist/src/simulator/main.js'],
      ['worker', 'dist/src/worker.js'],
      ['api', 'dist/src/server.js'],
    ] as const) {
      const child = app(name, script, appEnv, data);
      started.push(child);
      void child.exited.then((code) => {
        if (!stopping) {
          log(`${name} exited (${code}); see ${child.logFile}`);
          void stopAll(1);
        }
      });
    }
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitUntil('API', async () => (await fetch(`${apiUrl}/health`)).ok, { timeoutMs: 180_000 });
    await triggerFirstSync(apiUrl, adminToken);
    log(`API            ${apiUrl}  (search: ${apiUrl}/search, docs: ${apiUrl}/docs)`);
    log(`Temporal UI    ${env.TEMPORAL_UI ?? 'external server'}`);
    log(`Elasticsearch  ${env.ELASTICSEARCH_URL}`);
    log(`Simulator      http://127.0.0.1:3100/feeds/fever`);
    log(
      `admin token    ${process.env.ADMIN_TOKEN ? 'from ADMIN_TOKEN' : `in ${path.join(data, 'admin-token')}`}`,
    );
    log(`logs and data  ${data}   — Ctrl-C stops everything`);
    if (elasticsearchDir && !elasticsearchDir.startsWith(data + path.sep)) {
      log(`logs and data  ${elasticsearchDir}   (Elasticsearch's: 'nobody' cannot reach ${data})`);
    }
  } catch (error) {
    log(`failed: ${(error as Error).message}`);
    await stopAll(1);
  }
}

async function startServers(
  data: string,
  started: { stop(): Promise<void>; name: string }[],
): Promise<{
  TEMPORAL_ADDRESS: string;
  ELASTICSEARCH_URL: string;
  TEMPORAL_UI?: string;
  ELASTICSEARCH_DIR?: string;
}> {
  const elasticsearchDir = process.env.ELASTICSEARCH_URL ? undefined : placeElasticsearch(data);
  const [elasticsearch, temporal] = await Promise.all([
    elasticsearchDir === undefined
      ? null
      : startElasticsearchNode({
          dataDir: elasticsearchDir,
          httpPort: 9200,
          transportPort: 9300,
          heapMb: 2048,
          log,
        }),
    process.env.TEMPORAL_ADDRESS
      ? null
      : startTemporalDevServer({ dataDir: path.join(data, 'temporal'), port: 7233, uiPort: 8233, log }),
  ]);
  if (elasticsearch) started.push({ name: 'elasticsearch', stop: () => elasticsearch.process.stop() });
  if (temporal) started.push({ name: 'temporal', stop: () => temporal.process.stop() });
  return {
    ELASTICSEARCH_URL: elasticsearch?.url ?? process.env.ELASTICSEARCH_URL!,
    TEMPORAL_ADDRESS: temporal?.address ?? process.env.TEMPORAL_ADDRESS!,
    TEMPORAL_UI: temporal?.uiUrl ?? undefined,
    ELASTICSEARCH_DIR: elasticsearchDir,
  };
}

/** The folder of the node's data and logs (see elasticsearch-data-dir.ts), saying so when it is elsewhere. */
function placeElasticsearch(data: string): string {
  const place = elasticsearchDataDir({ dataDir: data, runningAsRoot, stateDir: STATE_DIR, pid: process.pid });
  if (runningAsRoot) {
    for (const folder of pruneCloneFolders(STATE_DIR)) log(`removed ${folder}: its data folder is gone`);
  }
  if (place.unreachable) {
    log(
      `Elasticsearch runs as 'nobody', who cannot search ${place.unreachable}: ` +
        `its data and logs are in ${place.dir}`,
    );
  }
  return place.dir;
}

/** Node flags and environment per app process: the worker's memory is capped (see worker-runtime.ts). */
const NODE_FLAGS: Record<string, readonly string[]> = { worker: WORKER_NODE_FLAGS };
const ENV: Record<string, Readonly<Record<string, string>>> = { worker: WORKER_ENV };

function app(name: string, script: string, env: NodeJS.ProcessEnv, data: string): ManagedProcess {
  return startProcess({
    name,
    command: process.execPath,
    args: [...(NODE_FLAGS[name] ?? []), path.join(projectRoot, script)],
    cwd: projectRoot,
    env: { ...env, ...ENV[name] },
    logFile: path.join(data, 'logs', `${name}.log`),
    echo: (line) => process.stdout.write(`${line}\n`),
  });
}

/** A per-checkout admin token for local use, kept private in the data folder and never printed. */
function developmentAdminToken(data: string): string {
  const file = path.join(data, 'admin-token');
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** Schedules fire on their interval; a first sync now gives search something to answer straight away. */
async function triggerFirstSync(apiUrl: string, token: string): Promise<void> {
  const response = await fetch(`${apiUrl}/admin/providers/fever/sync`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  log(`first sync of provider fever requested (HTTP ${response.status})`);
}

void main();
