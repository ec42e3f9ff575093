import type { Client } from '@elastic/elasticsearch';
import {
  changedFields,
  TRACKED_FIELDS,
  trackedState,
  type TrackedState,
  type TrackedValues,
} from './changed-fields';
import type { EventChange } from './event-analytics';
import type { FeedDocument } from './event-document';
import { historyDocumentId } from './event-history-document';
import type { IndexNames } from './index-names';
import type { PreparedEvent } from './prepared-event';

/**
 * What the index holds of an event: whether it is listed, the run that last wrote it, and its tracked
 * fields as that write left them (absent in a document an earlier mapping version wrote).
 */
export interface StoredState {
  listed: boolean;
  lastRunId: string;
  tracked: TrackedState | undefined;
}

/** An event a batch is about to write, and the version the index holds of it, if any. */
export interface PendingWrite {
  event: PreparedEvent;
  before: StoredState | undefined;
}

/**
 * The changes that the batch's writes make. A stored event's tracked fields come with what the writer
 * read of it (a stored field beside its content hash); those of an event an earlier mapping version wrote
 * are read from the history document of the run that last wrote it, a few hundred bytes, rather than from
 * the event itself (hundreds of zones). A first sync, which writes every event new, reads nothing.
 */
export async function describeChanges(
  client: Client,
  names: IndexNames,
  writes: readonly PendingWrite[],
): Promise<EventChange[]> {
  const before = await readBefore(
    client,
    names,
    writes.flatMap(({ event, before }) => (before ? [{ id: event.id, ...before }] : [])),
  );
  return writes.map(({ event }) => {
    const change = { id: event.id, facts: event.facts };
    const previous = before.get(event.id);
    if (!previous) return { ...change, kind: 'new', changedFields: [] };
    const current = { ...event.facts.tracked, listed: true };
    return { ...change, kind: 'changed', changedFields: changedFields(previous, current) };
  });
}

/**
 * The tracked fields of stored events as the index holds them: as read with the event, or else from the
 * history document of the run that last wrote it (each one names its run, so it is read by id), or else,
 * for an event whose history keeps no tracked state either (an earlier release wrote both), from its own
 * `_source`.
 */
async function readBefore(
  client: Client,
  names: IndexNames,
  stored: (StoredState & { id: string })[],
): Promise<Map<string, TrackedValues>> {
  const before = new Map<string, TrackedValues>();
  const unread = stored.filter(({ id, listed, tracked }) => {
    if (tracked) before.set(id, { ...tracked, listed });
    return !tracked;
  });
  if (unread.length === 0) return before;
  const history = await client.mget<{ tracked?: TrackedState }>({
    index: names.eventHistory,
    ids: unread.map(({ id, lastRunId }) => historyDocumentId(id, lastRunId)),
    _source_includes: ['tracked'],
  });
  const unrecorded: string[] = [];
  unread.forEach(({ id, listed }, i) => {
    const doc = history.docs[i];
    const tracked = doc && 'found' in doc && doc.found ? doc._source?.tracked : undefined;
    if (tracked) before.set(id, { ...tracked, listed });
    else unrecorded.push(id);
  });
  for (const [id, source] of await readTracked(client, names, unrecorded))
    before.set(id, { ...trackedState(source as FeedDocument), listed: source.listed });
  return before;
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
