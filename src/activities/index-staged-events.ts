import type { Client } from '@elastic/elasticsearch';
import type { IndexNames } from '../search/index-names';
import { writeEventBatches } from '../search/write-event-batches';
import { readStagedEventBatches, type StagedBatchLimits } from './staged-events';
import type { IndexedFeed } from './sync-types';

/** Where an interrupted indexEvents attempt stopped, carried in heartbeat details. */
export interface IndexCheckpoint {
  line: number;
  counts: Omit<IndexedFeed, 'stale'>;
}

/**
 * Bulk-writes the staged events in batches (see writeEventBatches), reporting a checkpoint once each
 * batch's events are in, and starting after `resumeFrom` when a previous attempt of the same activity got
 * that far.
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
  const context = { runId: options.runId, fetchedAt: options.fetchedAt };
  await writeEventBatches(client, names, batches, context, (events, counts) => {
    checkpoint.line += events;
    for (const key of ['new', 'changed', 'unchanged', 'superseded'] as const)
      checkpoint.counts[key] += counts[key];
    options.onCheckpoint(checkpoint);
  });
  return checkpoint.counts;
}
