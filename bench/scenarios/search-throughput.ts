import { get } from 'node:http';
import os from 'node:os';
import type { IndexNames } from '../../src/search/index-names';
import { startApiProcess, startEsProxy, startKoaHello, type HttpChild } from '../support/app-processes';
import type { BenchContext } from '../support/bench-context';
import { waitForQuietCpu } from '../support/cpu-meter';
import { capturedSearchRequest } from '../support/es-search-body';
import { measureLoad, type LoadResult } from '../support/http-load';
import { searchPath, WIDE, type SearchWindow } from '../support/search-windows';

const TARGETS = [
  'koaHello',
  'koaSameBytes',
  'esDirect',
  'esProxy',
  'cached',
  'cachedWarnLog',
  'uncached',
  'wideGzip',
  'wideIdentity',
  'cluster',
] as const;

/** Requests per second and latency of the API and of its baselines, on the index holding the large feed. */
export type SearchThroughputResult = Record<(typeof TARGETS)[number], LoadResult> & {
  /** Narrow window's response size (identity): the body of the `koaSameBytes` baseline. */
  narrowBytes: number;
  wideBytes: { identity: number; gzip: number; br: number; events: number };
  clusterWorkers: number;
  /** Busiest the machine was (all CPUs, %) before a measured run, while nothing of the bench ran. */
  backgroundBusyPct: number;
};

type Target = { load: Parameters<typeof measureLoad>[0]; pids: number[] };

/**
 * Measures every target in `rounds` interleaved rounds and keeps each one's best run, so a burst of
 * other work on the machine cannot decide a ratio. `cachedApi` serves `prefix` with its cache on.
 */
export async function measureSearchThroughput(
  ctx: BenchContext,
  names: IndexNames,
  prefix: string,
  cachedApi: HttpChild,
  narrow: SearchWindow,
): Promise<SearchThroughputResult> {
  const narrowUrl = `${cachedApi.url}${narrow.path}`;
  const narrowBytes = (await rawBody(narrowUrl, 'identity')).length;
  const esRequest = await capturedSearchRequest(names, narrow.startsAt, narrow.endsAt);
  const children = await Promise.all([
    startKoaHello(ctx),
    startKoaHello(ctx, narrowBytes),
    startEsProxy(ctx, esRequest),
    startApiProcess(ctx, 'api-warn-log', prefix, { cache: true, logLevel: 'warn' }),
    startApiProcess(ctx, 'api-uncached', prefix, { cache: false }),
    startApiProcess(ctx, 'api-cluster', prefix, { cache: true, cluster: true }),
  ]);
  try {
    const [hello, sameBytes, esProxy, warnLog, uncached, cluster] = children;
    const wide = `${cachedApi.url}${searchPath(WIDE.startsAt, WIDE.endsAt)}`;
    const wideBytes = await wideResponseSizes(wide);
    await expectCacheHit(narrowUrl);
    await expectCacheHit(`${warnLog.url}${narrow.path}`);
    const api = [cachedApi.child.pid];
    const targets: Record<(typeof TARGETS)[number], Target> = {
      koaHello: { load: { url: `${hello.url}/` }, pids: [hello.child.pid] },
      koaSameBytes: { load: { url: `${sameBytes.url}/` }, pids: [sameBytes.child.pid] },
      esDirect: {
        load: {
          url: `${ctx.elasticsearchUrl}${esRequest.path}`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: esRequest.body,
        },
        pids: ctx.elasticsearchPid === null ? [] : [ctx.elasticsearchPid],
      },
      esProxy: { load: { url: `${esProxy.url}/` }, pids: [esProxy.child.pid] },
      cached: { load: { url: narrowUrl }, pids: api },
      cachedWarnLog: { load: { url: `${warnLog.url}${narrow.path}` }, pids: [warnLog.child.pid] },
      uncached: { load: { url: `${uncached.url}${narrow.path}` }, pids: [uncached.child.pid] },
      wideGzip: { load: { url: wide, headers: { 'accept-encoding': 'gzip' } }, pids: api },
      wideIdentity: { load: { url: wide }, pids: api },
      cluster: { load: { url: `${cluster.url}${narrow.path}` }, pids: [cluster.child.pid] },
    };
    const { best, backgroundBusyPct } = await bestOfRounds(ctx, targets);
    return {
      ...best,
      narrowBytes,
      wideBytes,
      clusterWorkers: Number(process.env.BENCH_CLUSTER_WORKERS) || os.availableParallelism(),
      backgroundBusyPct,
    };
  } finally {
    await Promise.all(children.map((c) => c.child.stop()));
  }
}

async function bestOfRounds(
  ctx: BenchContext,
  targets: Record<(typeof TARGETS)[number], Target>,
): Promise<{ best: Record<(typeof TARGETS)[number], LoadResult>; backgroundBusyPct: number }> {
  const settings = { connections: ctx.options.connections, durationS: ctx.options.durationS };
  const best: Partial<Record<(typeof TARGETS)[number], LoadResult>> = {};
  let backgroundBusyPct = 0;
  for (let round = 0; round < ctx.options.rounds; round++) {
    for (const name of TARGETS) {
      // Before every target, not only every round: Elasticsearch keeps collecting garbage and merging for
      // seconds after a run that loaded it, which would take CPU from the next target.
      backgroundBusyPct = Math.max(backgroundBusyPct, await waitForQuietCpu());
      const result = await measureLoad(targets[name].load, settings, targets[name].pids);
      if (!best[name] || result.rps > best[name].rps) best[name] = result;
    }
  }
  return { best: best as Record<(typeof TARGETS)[number], LoadResult>, backgroundBusyPct };
}

async function expectCacheHit(url: string): Promise<void> {
  await rawBody(url, 'identity');
  const response = await fetch(url);
  await response.arrayBuffer();
  const cache = response.headers.get('x-cache');
  if (cache !== 'HIT') throw new Error(`expected a warm cache at ${url}, got X-Cache ${cache}`);
}

async function wideResponseSizes(url: string): Promise<SearchThroughputResult['wideBytes']> {
  const identity = await rawBody(url, 'identity');
  const events = (JSON.parse(identity.toString('utf8')) as { data: { events: unknown[] } }).data.events
    .length;
  return {
    identity: identity.length,
    gzip: (await rawBody(url, 'gzip')).length,
    br: (await rawBody(url, 'br')).length,
    events,
  };
}

/** The body as sent on the wire (not decompressed). */
function rawBody(url: string, encoding: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    }).on('error', reject);
  });
}
