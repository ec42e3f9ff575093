import { get } from 'node:http';
import os from 'node:os';
import type { IndexNames } from '../../src/search/index-names';
import { startApiProcess, startEsProxy, startKoaHello, type HttpChild } from '../support/app-processes';
import type { BenchContext } from '../support/bench-context';
import { waitForQuietCpu } from '../support/cpu-meter';
import { capturedSearchRequest } from '../support/captured-search-request';
import { measureLoad, type LoadResult } from '../support/http-load';
import { indexSegments, waitForSettledIndex, type IndexSegments } from '../support/index-settled';
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
  /** Every measured run's requests per second, in the order each target ran them. */
  runs: Record<(typeof TARGETS)[number], number[]>;
  /** The events index when the rounds began (after waiting for its merges) and when they ended. */
  index: { before: IndexSegments & { waitedS: number }; after: IndexSegments };
};

type Target = { load: Parameters<typeof measureLoad>[0]; pids: number[] };

/** Seconds of unmeasured load on Elasticsearch before the first round. */
const ES_WARM_UP_S = 30;

/**
 * Measures every target in `rounds` interleaved rounds, every other one in reverse order, and keeps each
 * one's best run, so neither a burst of other work on the machine nor the order can decide a ratio.
 * `cachedApi` serves `prefix` with its cache on.
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
    const before = await waitForSettledIndex(ctx.elasticsearchUrl, names.events);
    // Searches straight after the syncs ran at half the rate they reached minutes later, with no merge
    // running: an unmeasured run first, so the first targets do not meet a colder node than the last.
    await measureLoad(
      targets.esDirect.load,
      { connections: ctx.options.connections, durationS: ES_WARM_UP_S },
      [],
    );
    const { best, runs, backgroundBusyPct } = await bestOfRounds(ctx, targets);
    const after = await indexSegments(ctx.elasticsearchUrl, names.events);
    return {
      ...best,
      narrowBytes,
      wideBytes,
      clusterWorkers: Number(process.env.BENCH_CLUSTER_WORKERS) || os.availableParallelism(),
      backgroundBusyPct,
      runs,
      index: { before, after },
    };
  } finally {
    await Promise.all(children.map((c) => c.child.stop()));
  }
}

async function bestOfRounds(
  ctx: BenchContext,
  targets: Record<(typeof TARGETS)[number], Target>,
): Promise<{
  best: Record<(typeof TARGETS)[number], LoadResult>;
  runs: SearchThroughputResult['runs'];
  backgroundBusyPct: number;
}> {
  const settings = { connections: ctx.options.connections, durationS: ctx.options.durationS };
  const best: Partial<Record<(typeof TARGETS)[number], LoadResult>> = {};
  const runs = Object.fromEntries(
    TARGETS.map((name) => [name, [] as number[]]),
  ) as SearchThroughputResult['runs'];
  let backgroundBusyPct = 0;
  for (let round = 0; round < ctx.options.rounds; round++) {
    // Every other round runs backwards, so that no target always runs after its baseline: a node that is
    // still warming up or merging would always favour the later one.
    for (const name of round % 2 === 0 ? TARGETS : [...TARGETS].reverse()) {
      // Before every target, not only every round: Elasticsearch keeps collecting garbage and merging for
      // seconds after a run that loaded it, which would take CPU from the next target.
      backgroundBusyPct = Math.max(backgroundBusyPct, await waitForQuietCpu());
      const result = await measureLoad(targets[name].load, settings, targets[name].pids);
      runs[name].push(Math.round(result.rps));
      if (!best[name] || result.rps > best[name].rps) best[name] = result;
    }
  }
  return { best: best as Record<(typeof TARGETS)[number], LoadResult>, runs, backgroundBusyPct };
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
