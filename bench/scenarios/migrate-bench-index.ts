import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { feedParserFor } from '../../src/providers/feed-parser';
import { ensureIndices } from '../../src/search/ensure-indices';
import { writeEventBatch } from '../../src/search/event-writer';
import { eventsMapping } from '../../src/search/index-mappings';
import { EVENTS_MAPPING_VERSION, indexNames, type IndexNames } from '../../src/search/index-names';
import { eventsIndexOf } from '../../src/search/migration/events-mapping-target';
import { migrateEvents } from '../../src/search/migration/migrate-events';
import { describeProgress, type MigrationProgress } from '../../src/search/migration/migration-progress';
import { prepareEvent, type PreparedEvent } from '../../src/search/prepared-event';
import type { BenchContext } from '../support/bench-context';
import { writeFeedFile } from '../support/write-feed-file';

/** The main feed's index migrated to the next mapping version, alone on the node. */
export interface MigrationBenchResult {
  /** From the call to the alias on the new index: copy, seal, catch-up, verification, switch. */
  seconds: number;
  /** From the old index's write block to the switch: how long writes waited. */
  sealedSeconds: number;
  documents: number;
  /** Size of the old index on disk: what the copy reads. */
  storeBytes: number;
  /** How long parsing the feed and writing the index through the sync's writer took: the baseline. */
  buildSeconds: number;
}

const PREFIX = 'bench-migrate';
const BATCH = 500;

/** Builds the events x zones index of the bench's feed, then migrates it and times the migration. */
export async function measureMigration(
  ctx: BenchContext,
  elasticsearch: Client,
  log: (line: string) => void,
): Promise<MigrationBenchResult> {
  const names = indexNames(PREFIX);
  const feedFile = path.join(ctx.workDir, 'migrate-feed.xml');
  await writeFeedFile({ events: ctx.options.events, zones: ctx.options.zones, seed: 1 }, feedFile);
  await ensureIndices(elasticsearch, names);
  try {
    const built = performance.now();
    await writeFeed(elasticsearch, names, feedFile);
    const buildSeconds = (performance.now() - built) / 1000;
    await rm(feedFile);
    await elasticsearch.indices.refresh({ index: names.events });
    const stats = await elasticsearch.indices.stats({ index: names.eventsVersioned, metric: 'store' });
    const at: Partial<Record<MigrationProgress['step'], number>> = {};
    const result = await migrateEvents(
      elasticsearch,
      names,
      { version: EVENTS_MAPPING_VERSION + 1, mapping: eventsMapping },
      {
        onProgress: (progress) => {
          at[progress.step] = performance.now();
          log(`migration: ${describeProgress(progress)}`);
        },
      },
    );
    return {
      seconds: result.seconds,
      sealedSeconds: ((at.switched ?? 0) - (at.sealed ?? 0)) / 1000,
      documents: result.documents ?? 0,
      storeBytes: stats._all.primaries?.store?.size_in_bytes ?? 0,
      buildSeconds,
    };
  } finally {
    await removeIndices(elasticsearch, names);
  }
}

/** Writes the feed's events through the sync's writer, in the sync's batch size. */
async function writeFeed(elasticsearch: Client, names: IndexNames, feedFile: string): Promise<void> {
  const context = { runId: 'bench-migrate', fetchedAt: new Date().toISOString() };
  let batch: PreparedEvent[] = [];
  const items = feedParserFor('xml-event-list')(createReadStream(feedFile), {
    providerId: 'fever',
    timeZone: 'UTC',
  });
  for await (const item of items) {
    if (item.kind === 'event') batch.push(prepareEvent(item.event));
    if (batch.length < BATCH) continue;
    await writeEventBatch(elasticsearch, names, batch, context);
    batch = [];
  }
  await writeEventBatch(elasticsearch, names, batch, context);
}

async function removeIndices(elasticsearch: Client, names: IndexNames): Promise<void> {
  // Every index of the set (the alias goes with its index), and the version the migration made.
  const indices = Object.values(names).filter((name) => name !== names.events);
  await elasticsearch.indices.delete({
    index: [...indices, eventsIndexOf(names, EVENTS_MAPPING_VERSION + 1)],
    ignore_unavailable: true,
  });
}
