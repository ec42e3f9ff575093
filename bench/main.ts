import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Client as EsClient } from '@elastic/elasticsearch';
import { Client, Connection } from '@temporalio/client';
import { startTestServers, type TestServers } from '../scripts/stack/test-servers';
import { createSimulator } from '../src/simulator/create-simulator';
import { createElasticsearchClient } from '../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../src/search/elasticsearch-connection';
import { readBenchOptions, type BenchOptions } from './bench-options';
import type { BenchResults, FeedResults } from './report/bench-results';
import { bookingFigures } from './report/booking-figures';
import { formatHoldSteps } from './report/format-hold-steps';
import { loadFigures } from './report/load-figures';
import { migrationFigures } from './report/migration-figures';
import { partnerFigures } from './report/partner-figures';
import { peakFigures } from './report/peak-figures';
import { searchFigures } from './report/search-figures';
import { syncFigures } from './report/sync-figures';
import { formatTable } from './report/format-table';
import { writeResults } from './report/write-results';
import { measureBookingHolds } from './scenarios/booking-holds';
import { measureLargeFeedSync } from './scenarios/large-feed-sync';
import { measureLoadDuringSync } from './scenarios/load-during-sync';
import { measureMigration } from './scenarios/migrate-bench-index';
import { measureParseAndBulk } from './scenarios/parse-and-bulk';
import { measurePartnerMonthWindow } from './scenarios/partner-month-window';
import { measureSearchPeak, type SearchPeakResult } from './scenarios/search-peak';
import { measureSearchThroughput } from './scenarios/search-throughput';
import { runSyncs } from './scenarios/sync-runs';
import { startApiProcess, startWorkerProcess } from './support/app-processes';
import type { BenchContext } from './support/bench-context';
import { startFeedRelay } from './support/feed-relay';
import { machineInfo } from './support/machine-info';
import { SyncDriver } from './support/sync-driver';
import { writeFeedFile } from './support/write-feed-file';

const RESULTS_DIR = path.join(__dirname, 'results');
const PREFIX = 'bench';
const started = performance.now();
const LOAD_AT_START = os.loadavg();

function log(line: string): void {
  process.stdout.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}\n`);
}

async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  log(`${what}...`);
  const at = performance.now();
  const result = await work();
  log(`${what}: done in ${((performance.now() - at) / 1000).toFixed(1)} s`);
  return result;
}

/** Provider `fever` as the bench's worker sees it: the relay in front of the simulator, UTC wall clock. */
function writeProvidersFile(dir: string, url: string): string {
  const file = path.join(dir, 'providers.yaml');
  writeFileSync(
    file,
    `providers:\n  - id: fever\n    kind: xml-event-list\n    url: ${url}\n    schedule: { every: 24h }\n` +
      `    timeZone: UTC\n    requestTimeout: 60s\n    maxFeedBytes: 4294967296\n`,
  );
  return file;
}

async function runFeedScenarios(
  ctx: BenchContext,
  temporal: Client,
  es: EsClient,
  results: BenchResults,
): Promise<FeedResults> {
  const { events, zones } = ctx.options;
  const base = { events, zones, seed: 1 };
  const feedFile = path.join(ctx.workDir, 'feed.xml');
  const feedBytes = await step(`writing the ${events}x${zones} feed`, () => writeFeedFile(base, feedFile));
  log(`feed: ${(feedBytes / 2 ** 20).toFixed(1)} MB`);
  ctx.simulator.control('fever', { generate: base });
  const parseAndBulk = await step('fetch, parse and bulk alone', () =>
    measureParseAndBulk(ctx, feedFile, es),
  );
  rmSync(feedFile);

  const worker = await startWorkerProcess(ctx, 'worker', PREFIX);
  const api = await startApiProcess(ctx, 'api', PREFIX, { cache: true });
  const driver = new SyncDriver(temporal, es, ctx.providersFile, PREFIX, ctx.elasticsearchPid);
  const syncs = await step('syncs (full, no-ops, 1%)', () => runSyncs(ctx, driver, worker, api.url, base));
  const search = await step('search throughput', () =>
    measureSearchThroughput(ctx, driver.indices, PREFIX, api, syncs.window),
  );
  if (ctx.options.only.includes('peak'))
    results.peak = await step('search at a peak (open loop)', () => measureSearchPeak(ctx, PREFIX, log));
  const load = await step('load during sync', () =>
    measureLoadDuringSync(ctx, driver, worker, api, PREFIX, base, syncs.window),
  );
  await api.child.stop();
  await worker.stop();
  const largeFeed = await step('first sync of the 2x feed', () =>
    measureLargeFeedSync(ctx, temporal, es, { ...base, events: events * 2 }),
  );
  return {
    feedBytes,
    largeFeedBytes: largeFeed.summary.bytes ?? 0,
    parseAndBulk,
    syncs,
    largeFeed,
    search,
    load,
  };
}

/** The peak without the feed's other scenarios: one full sync of the main feed builds its index. */
async function runPeakAlone(ctx: BenchContext, temporal: Client, es: EsClient): Promise<SearchPeakResult> {
  const { events, zones } = ctx.options;
  ctx.simulator.control('fever', { generate: { events, zones, seed: 1 } });
  const worker = await startWorkerProcess(ctx, 'worker', PREFIX);
  await step('full sync', () =>
    new SyncDriver(temporal, es, ctx.providersFile, PREFIX, ctx.elasticsearchPid).sync(worker),
  );
  await worker.stop();
  return step('search at a peak (open loop)', () => measureSearchPeak(ctx, PREFIX, log));
}

/**
 * The scenario groups BENCH_ONLY left in. The booking holds run on a machine the syncs no longer load; the
 * partner's window comes last: it mostly waits on the partner's limit, and run beside another scenario
 * its worker and the queue's pacing would share the CPU with what that scenario measures.
 */
async function runScenarios(ctx: BenchContext, temporal: Client, es: EsClient): Promise<BenchResults> {
  const results: BenchResults = {};
  if (ctx.options.only.includes('feed')) results.feed = await runFeedScenarios(ctx, temporal, es, results);
  else if (ctx.options.only.includes('peak')) results.peak = await runPeakAlone(ctx, temporal, es);
  if (ctx.options.only.includes('migrate'))
    results.migration = await step('migration of the feed index', () => measureMigration(ctx, es, log));
  if (ctx.options.only.includes('booking'))
    results.booking = await step('booking holds', () => measureBookingHolds(ctx, temporal, es, log));
  if (ctx.options.only.includes('partner'))
    results.partner = await step("a partner's month window", () =>
      measurePartnerMonthWindow(ctx, temporal, es, log),
    );
  return results;
}

function report(options: BenchOptions, results: BenchResults, startedAt: Date): void {
  const { feed, peak, migration, booking, partner } = results;
  const figures = [
    ...(feed ? [...syncFigures(feed), ...searchFigures(feed), ...loadFigures(feed)] : []),
    ...(peak ? peakFigures(peak) : []),
    ...(migration ? migrationFigures(migration) : []),
    ...(booking ? bookingFigures(booking) : []),
    ...(partner ? partnerFigures(partner) : []),
  ];
  const unmet = figures.filter((f) => f.pass === false).map((f) => f.name);
  const machine = machineInfo();
  const feedLine = feed
    ? `; feed ${(feed.feedBytes / 2 ** 20).toFixed(0)} MB (${options.events} events x ${options.zones} zones)`
    : '';
  const holdSteps = booking
    ? `Hold rate steps (open loop, ${booking.oneZone.steps[0]?.durationS ?? 0} s each):\n` +
      `${formatHoldSteps([
        { zones: 1, knee: booking.oneZone },
        { zones: 20, knee: booking.twentyZones },
      ])}\n\n`
    : '';
  process.stdout.write(
    `\n${machine.cpus} CPUs (${machine.model}), ${machine.memoryGb} GB, Node ${machine.node}${feedLine}\n\n` +
      `${formatTable(figures)}\n\n${holdSteps}${figures.filter((f) => f.goal).length - unmet.length} goals met, ` +
      `${unmet.length} unmet${unmet.length ? `: ${unmet.join(', ')}` : ''}\n`,
  );
  const file = path.join(RESULTS_DIR, 'latest.json');
  writeResults(file, {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    // Other work on the machine skews every figure: what was running besides the bench.
    background: {
      loadAverageAtStart: LOAD_AT_START,
      loadAverageAtEnd: os.loadavg(),
      busyPctBeforeSearchRounds: feed?.search.backgroundBusyPct ?? null,
    },
    options: { ...options, feedBytes: feed?.feedBytes ?? null, largeFeedBytes: feed?.largeFeedBytes ?? null },
    figures: Object.fromEntries(figures.map((f) => [f.name, f])),
    partnerRequests: partner?.requests ?? null,
    goals: { met: figures.filter((f) => f.pass).length, unmet },
  });
  log(`results written to ${path.relative(process.cwd(), file)}`);
}

async function main(): Promise<void> {
  const options = readBenchOptions();
  const startedAt = new Date();
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'event-hub-bench-'));
  const cleanups: (() => Promise<unknown>)[] = [() => rm(workDir, { recursive: true, force: true })];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const undo of [...cleanups].reverse())
        await undo().catch((e: Error) => log(`cleanup: ${e.message}`));
    })());
  process.once('SIGINT', () => {
    // Scenarios still awaiting the clients being closed fail as they go: only the cleanup matters now.
    process.on('uncaughtException', (error) => log(`while stopping: ${error.message}`));
    void cleanup().then(() => process.exit(130));
  });
  try {
    const servers: TestServers = await step('starting Temporal and Elasticsearch', () =>
      startTestServers(log),
    );
    cleanups.push(() => servers.stop());
    const simulator = await createSimulator();
    cleanups.push(() => simulator.close());
    const relay = await startFeedRelay(simulator.feedUrl());
    cleanups.push(() => relay.close());
    const connection = await Connection.connect({ address: servers.temporalAddress });
    cleanups.push(() => connection.close());
    const es = createElasticsearchClient(
      elasticsearchConnection({ ELASTICSEARCH_URL: servers.elasticsearchUrl }),
    );
    cleanups.push(() => es.close());
    const ctx: BenchContext = {
      options,
      temporalAddress: servers.temporalAddress,
      elasticsearchUrl: servers.elasticsearchUrl,
      elasticsearchPid: servers.elasticsearch?.process.pid ?? null,
      temporalPid: servers.temporal?.process.pid ?? null,
      providersFile: writeProvidersFile(workDir, relay.url),
      simulator,
      relay,
      workDir,
      logDir: path.join(RESULTS_DIR, 'logs'),
      children: new Set(),
    };
    cleanups.push(() => Promise.all([...ctx.children].map((child) => child.stop())));
    log(`options ${JSON.stringify(options)}; child logs in ${path.relative(process.cwd(), ctx.logDir)}`);
    const results = await runScenarios(ctx, new Client({ connection }), es);
    report(options, results, startedAt);
  } catch (error) {
    log(`failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

void main();
