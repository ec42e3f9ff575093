import { createReadStream } from 'node:fs';
import type { Client } from '@elastic/elasticsearch';
import type { ProviderEvent } from '../../src/domain/event';
import { feedParserFor } from '../../src/providers/feed-parser';
import { ensureIndices } from '../../src/search/ensure-indices';
import { writeEventBatch, type WriteCounts } from '../../src/search/event-writer';
import { indexNames } from '../../src/search/index-names';
import { prepareEvent } from '../../src/search/prepared-event';
import type { BenchContext } from '../support/bench-context';
import { meterCpuSeconds } from '../support/cpu-meter';

/** The sync's parts measured alone, without Temporal: the baselines of `sync.end_to_end_s`. */
export interface ParseAndBulkResult {
  /** The simulator's feed downloaded through the relay and dropped: what the provider side costs. */
  fetchSeconds: number;
  /** Parser and normalizer over the feed file, nothing written. */
  parseSeconds: number;
  events: number;
  rejected: number;
  /** The same events prepared and written by writeEventBatch (mget + bulk) in batches of 500 into fresh indices. */
  bulkSeconds: number;
  /** The same, on the just-started node: the untimed warm-up pass. */
  warmupSeconds: number;
  bulkCounts: WriteCounts;
  /** CPU seconds of the measured bulk pass: Elasticsearch's (null when the bench did not start it) and this process's. */
  bulkCpuSeconds: { elasticsearch: number | null; bench: number };
}

const BATCH = 500;
const CONTEXT = { providerId: 'fever', timeZone: 'UTC' };

/** Measures fetch, parse and bulk of the feed in `feedFile` (which the simulator currently serves). */
export async function measureParseAndBulk(
  ctx: BenchContext,
  feedFile: string,
  elasticsearch: Client,
): Promise<ParseAndBulkResult> {
  const fetchSeconds = await timed(() => download(ctx.relay.url));
  let events = 0;
  let rejected = 0;
  const parseSeconds = await timed(async () => {
    for await (const item of feedParserFor('xml-event-list')(createReadStream(feedFile), CONTEXT)) {
      if (item.kind === 'event') events += 1;
      else rejected += 1;
    }
  });
  const batches = await parsedBatches(feedFile);
  // A just-started JVM indexes at a fraction of its warm speed: the first full pass warms it (and
  // Elasticsearch for the syncs after it), into indices that are then dropped.
  const warmup = await bulkInto(elasticsearch, 'bench-warmup', batches);
  const elasticsearchCpu = ctx.elasticsearchPid === null ? null : meterCpuSeconds([ctx.elasticsearchPid]);
  const benchCpu = process.cpuUsage();
  const measured = await bulkInto(elasticsearch, 'bench-direct', batches);
  const { user, system } = process.cpuUsage(benchCpu);
  const bulkCpuSeconds = { elasticsearch: elasticsearchCpu?.stop() ?? null, bench: (user + system) / 1e6 };
  return {
    fetchSeconds,
    parseSeconds,
    events,
    rejected,
    warmupSeconds: warmup.seconds,
    bulkSeconds: measured.seconds,
    bulkCounts: measured.counts,
    bulkCpuSeconds,
  };
}

/** Writes the batches into a fresh index set under `prefix`, timed, then deletes its events index. */
async function bulkInto(
  elasticsearch: Client,
  prefix: string,
  batches: ProviderEvent[][],
): Promise<{ seconds: number; counts: WriteCounts }> {
  const names = indexNames(prefix);
  await ensureIndices(elasticsearch, names);
  const counts: WriteCounts = { new: 0, changed: 0, unchanged: 0, superseded: 0 };
  const write = { runId: prefix, fetchedAt: new Date().toISOString() };
  const seconds = await timed(async () => {
    for (const batch of batches) {
      // Preparing (hash, document JSON) is timed here: the sync pays it while parsing, this baseline while writing.
      const written = await writeEventBatch(elasticsearch, names, batch.map(prepareEvent), write);
      for (const key of Object.keys(counts) as (keyof WriteCounts)[]) counts[key] += written[key];
    }
  });
  await elasticsearch.indices.delete({ index: names.eventsVersioned });
  return { seconds, counts };
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function download(url: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`feed download answered HTTP ${response.status}`);
  for await (const _chunk of response.body) {
    // Dropped: only the time to receive it counts.
  }
}

/** The normalized events in write batches, held in memory so the bulk timing excludes parsing. */
async function parsedBatches(feedFile: string): Promise<ProviderEvent[][]> {
  const batches: ProviderEvent[][] = [[]];
  for await (const item of feedParserFor('xml-event-list')(createReadStream(feedFile), CONTEXT)) {
    if (item.kind !== 'event') continue;
    if (batches.at(-1)!.length >= BATCH) batches.push([]);
    batches.at(-1)!.push(item.event);
  }
  return batches;
}
