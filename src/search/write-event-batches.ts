import type { Client } from '@elastic/elasticsearch';
import { prepareEventBatch, type WriteContext, type WriteCounts } from './event-writer';
import type { IndexNames } from './index-names';
import type { PreparedEvent } from './prepared-event';

/**
 * Writes batches in order as writeEventBatch does, with the next batch's reads and history documents under
 * way while a batch's events are written: Elasticsearch then writes the history and the events on its two
 * write threads at once. A batch's history is always in before its own events are sent. `onWritten` hears
 * of each batch, in order, once its events are in; when it throws, or a write fails, no later batch's
 * events are sent (their history may be in already, as a retried batch expects).
 */
export async function writeEventBatches(
  client: Client,
  names: IndexNames,
  batches: AsyncIterable<PreparedEvent[]> | Iterable<PreparedEvent[]>,
  context: WriteContext,
  onWritten: (events: number, counts: WriteCounts) => void,
): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const events of batches) {
      const batch = await prepareEventBatch(client, names, events, context);
      await writing;
      writing = batch.commit().then((counts) => onWritten(events.length, counts));
      // Observed by the next `await writing`, at the latest below: never an unhandled rejection.
      writing.catch(() => undefined);
    }
  } catch (error) {
    await writing.catch(() => undefined);
    throw error;
  }
  await writing;
}
