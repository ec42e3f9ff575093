import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../scripts/stack/free-port';
import { WORKER_ENV } from '../../scripts/stack/worker-runtime';
import type { BenchContext } from './bench-context';
import { logContains, startNodeChild, waitForChild, type NodeChild } from './node-child';

const ROOT = path.resolve(__dirname, '../..');

/** A started HTTP child: its base URL and process. */
export interface HttpChild {
  url: string;
  child: NodeChild;
}

/** Environment of a worker or API child: the bench's servers, an index prefix and a task queue. */
function appEnv(ctx: BenchContext, prefix: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    TEMPORAL_ADDRESS: ctx.temporalAddress,
    ELASTICSEARCH_URL: ctx.elasticsearchUrl,
    ELASTICSEARCH_INDEX_PREFIX: prefix,
    TEMPORAL_TASK_QUEUE: prefix,
    PROVIDERS_FILE: ctx.providersFile,
    ...extra,
  };
}

function track(ctx: BenchContext, child: NodeChild): NodeChild {
  ctx.children.add(child);
  void child.exited.then(() => ctx.children.delete(child));
  return child;
}

function profileArgs(ctx: BenchContext, name: string): string[] {
  if (!ctx.options.cpuProfile) return [];
  return [
    '--cpu-prof',
    `--cpu-prof-dir=${path.join(ctx.logDir, 'profiles')}`,
    `--cpu-prof-name=${name}.cpuprofile`,
  ];
}

/**
 * `node dist/src/worker.js` on its own staging folder; ready once it logs "worker started". `env` adds or
 * overrides settings, such as another PROVIDERS_FILE and the API key variable it names.
 */
export async function startWorkerProcess(
  ctx: BenchContext,
  name: string,
  prefix: string,
  env: Record<string, string> = {},
): Promise<NodeChild> {
  const child = track(
    ctx,
    startNodeChild({
      name,
      args: [path.join(ROOT, 'dist/src/worker.js')],
      env: appEnv(ctx, prefix, {
        ...WORKER_ENV,
        LOG_LEVEL: 'info',
        STAGING_DIR: mkdtempSync(path.join(ctx.workDir, `${name}-staging-`)),
        ...(ctx.options.workerNodeOptions ? { NODE_OPTIONS: ctx.options.workerNodeOptions } : {}),
        ...env,
      }),
      logDir: ctx.logDir,
    }),
  );
  await waitForChild(child, () => Promise.resolve(logContains(child, '"msg":"worker started"')));
  return child;
}

/**
 * `node dist/src/server.js`, or the one-process-per-core cluster of it; ready once `/health` answers.
 * `env` adds settings such as BOOKING_API_KEYS.
 */
export async function startApiProcess(
  ctx: BenchContext,
  name: string,
  prefix: string,
  options: { cache: boolean; cluster?: boolean; logLevel?: string; env?: Record<string, string> },
): Promise<HttpChild> {
  const port = await freePort();
  const script = options.cluster ? ['--import', 'tsx', path.join(ROOT, 'bench/cluster-server.ts')] : [];
  const child = track(
    ctx,
    startNodeChild({
      name,
      args: options.cluster ? script : [...profileArgs(ctx, name), path.join(ROOT, 'dist/src/server.js')],
      env: appEnv(ctx, prefix, {
        API_PORT: String(port),
        LOG_LEVEL: options.logLevel ?? ctx.options.apiLogLevel,
        SEARCH_CACHE_ENABLED: String(options.cache),
        ...options.env,
      }),
      logDir: ctx.logDir,
    }),
  );
  if (options.cluster) await waitForChild(child, () => Promise.resolve(logContains(child, 'cluster ready')));
  return waitForHttp(child, `http://127.0.0.1:${port}`, '/health');
}

/** The baseline: a bare Koa app answering a JSON constant (small, or of `bytes`), as a child started the same way. */
export function startKoaHello(ctx: BenchContext, bytes = 0): Promise<HttpChild> {
  return startBaselineServer(ctx, bytes ? 'koa-same-bytes' : 'koa-hello', 'bench/koa-hello-server.ts', {
    HELLO_BYTES: String(bytes),
  });
}

/** The uncached search's floor: a bare Node proxy sending `request` to Elasticsearch for every request. */
export function startEsProxy(ctx: BenchContext, request: { path: string; body: string }): Promise<HttpChild> {
  return startBaselineServer(ctx, 'es-proxy', 'bench/es-proxy-server.ts', {
    ES_URL: ctx.elasticsearchUrl,
    ES_PATH: request.path,
    ES_BODY: request.body,
  });
}

/** A baseline server script run by tsx on a free port (PORT), ready once `/` answers. */
async function startBaselineServer(
  ctx: BenchContext,
  name: string,
  script: string,
  env: Record<string, string>,
): Promise<HttpChild> {
  const port = await freePort();
  const child = track(
    ctx,
    startNodeChild({
      name,
      args: ['--import', 'tsx', path.join(ROOT, script)],
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), ...env },
      logDir: ctx.logDir,
    }),
  );
  return waitForHttp(child, `http://127.0.0.1:${port}`, '/');
}

async function waitForHttp(child: NodeChild, url: string, probe: string): Promise<HttpChild> {
  await waitForChild(child, async () => (await fetch(`${url}${probe}`)).ok);
  return { url, child };
}
