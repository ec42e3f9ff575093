import type { Client } from '@elastic/elasticsearch';
import { changedFields, TRACKED_FIELDS, type TrackedValues } from './changed-fields';
import type { EventChange } from './event-analytics';
import type { FeedDocument } from './event-document';
import type { IndexNames } from './index-names';
import type { PreparedEvent } from './prepared-event';

/** An event a batch is about to write, and whether the index already holds a version of it. */
export interface PendingWrite {
  event: PreparedEvent;
  stored: boolean;
}

/**
 * The changes that the batch's writes make. Only events the index already holds are read back (their
 * tracked fields, from `_source`): a sync rewrites few events once the first one is done, and a first
 * sync, which writes them all, reads none.
 */
export async function describeChanges(
  client: Client,
  names: IndexNames,
  writes: readonly PendingWrite[],
): Promise<EventChange[]> {
  const before = await readTracked(
    client,
    names,
    writes.filter((w) => w.stored).map((w) => w.event.id),
  );
  return writes.map(({ event }) => {
    const previous = before.get(event.id);
    if (!previous) return { ...changeOf(event), kind: 'new', changedFields: [] };
    const current = { ...(JSON.parse(event.feedJson) as FeedDocument), listed: true };
    return { ...changeOf(event), kind: 'changed', changedFields: changedFields(previous, current) };
  });
}

function changeOf(event: PreparedEvent): Pick<EventChange, 'id' | 'facts'> {
  return { id: event.id, facts: event.facts };
}

async function readTracked(
  client: Client,
  names: IndexNames,
  ids: string[],
): Promise<Map<string, TrackedValues>> {
  const tracked = new Map<string, TrackedValues>();
  if (ids.length === 0) return tracked;
  const response = await client.mget<TrackedValues>({
    index: names.events,
    ids,
    _source_includes: [...TRACKED_FIELDS],
    realtime: true,
  });
  for (const doc of response.docs) {
    if ('found' in doc && doc.found && doc._source) tracked.set(doc._id, doc._source);
  }
  return tracked;
}
