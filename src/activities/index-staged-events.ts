import type { Client } from '@elastic/elasticsearch';
import { writeEventBatch } from '../search/event-writer';
import type { IndexNames } from '../search/index-names';
import { readStagedEventBatches, type StagedBatchLimits } from './staged-events';
import type { IndexedFeed } from './sync-types';

/** Where an interrupted indexEvents attempt stopped, carried in heartbeat details. */
export interface IndexCheckpoint {
  line: number;
  counts: Omit<IndexedFeed, 'stale'>;
}

/**
 * Bulk-writes the staged events in batches, reporting a checkpoint after each, and starting after
 * `resumeFrom` when a previous attempt of the same activity got that far.
 */
export async function indexStagedEvents(
  client: Client,
  names: IndexNames,
  options: {
    eventsPath: string;
    runId: string;
    fetchedAt: string;
    batch: StagedBatchLimits;
    resumeFrom: IndexCheckpoint | undefined;
    onCheckpoint: (checkpoint: IndexCheckpoint) => void;
  },
): Promise<Omit<IndexedFeed, 'stale'>> {
  const checkpoint: IndexCheckpoint = options.resumeFrom ?? {
    line: 0,
    counts: { new: 0, changed: 0, unchanged: 0, superseded: 0 },
  };
  const batches = readStagedEventBatches(options.eventsPath, options.batch, checkpoint.line);
  for await (const batch of batches) {
    const counts = await writeEventBatch(client, names, batch, {
      runId: options.runId,
      fetchedAt: options.fetchedAt,
    });
    checkpoint.line += batch.length;
    for (const key of ['new', 'changed', 'unchanged', 'superseded'] as const)
      checkpoint.counts[key] += counts[key];
    options.onCheckpoint(checkpoint);
  }
  return checkpoint.counts;
}
