import type { Client } from '@elastic/elasticsearch';
import type { TrackedState } from './changed-fields';
import { historyOperations, retractEventAnalytics, type EventChange } from './event-analytics';
import { describeChanges, type PendingWrite, type StoredState } from './event-changes';
import type { IndexNames } from './index-names';
import { bulkWriteEvents } from './migration/bulk-write-events';
import { documentJson, type PreparedEvent } from './prepared-event';

/** Which run writes: its id and the instant its feed was fetched (the documents' external version). */
export interface WriteContext {
  runId: string;
  fetchedAt: string;
}

/** What a batch did to the index. */
export interface WriteCounts {
  new: number;
  changed: number;
  unchanged: number;
  /** Events a newer run had already written; left as they are. */
  superseded: number;
}

interface Stored extends StoredState {
  contentHash: string;
  everOnline: boolean;
  firstSeenAt: string;
  /** Which tracked fields the write that left the document changed. */
  changedFields: string[];
  /** The external version of the stored document: the fetch time of the run that wrote it. */
  version: number;
}

/**
 * Writes the batch's new and changed events and leaves unchanged ones alone. Order-safe: each write
 * carries the feed's fetch time as an external version, so an older run can never overwrite a newer one.
 * Idempotent: re-running a batch of the same run classifies what that run already wrote as it did then.
 *
 * One bulk request carries the history documents of the changes and then the events. Elasticsearch may
 * apply an event and fail its history document, so a re-run batch creates again the history documents of
 * the events this run already wrote, from what each event's document says it changed: a history document
 * is created once per event and run, and the repeat is refused where it is already there.
 */
export async function writeEventBatch(
  client: Client,
  names: IndexNames,
  events: PreparedEvent[],
  context: WriteContext,
): Promise<WriteCounts> {
  const counts: WriteCounts = { new: 0, changed: 0, unchanged: 0, superseded: 0 };
  if (events.length === 0) return counts;
  const stored = await readStored(client, names, events);
  const { writes, written } = pendingWrites(events, stored, context, counts);
  const changes = await describeChanges(client, names, writes);
  const recorded = [...changes, ...written.map((write) => changeWritten(write, context))];
  const conflicts = await bulkWriteEvents(client, names, [
    ...historyOperations(names, recorded, context),
    ...writes.flatMap((write, i) => eventOperation(names, write, changes[i]!, context)),
  ]);
  // Refused history documents are already there; the events' positions follow the history's.
  const refused = new Set([...conflicts].filter((p) => p >= recorded.length).map((p) => p - recorded.length));
  const ours = await refusedAsOurs(client, names, writes, refused, context);
  // A newer run wrote the other refused events since they were read: what this run recorded of them goes.
  await retractEventAnalytics(
    client,
    names,
    changes.filter(({ id }, i) => refused.has(i) && !ours.has(id)),
    context,
  );
  writes.forEach(({ event, before }, i) => {
    if (!refused.has(i)) counts[before ? 'changed' : 'new'] += 1;
    else if (ours.has(event.id)) counts[ours.get(event.id)!] += 1;
    else counts.superseded += 1;
  });
  return counts;
}

/**
 * The refused writes that this run itself had made (a feed that lists an event twice: its first listing
 * was written), counted as that first write was. Their history documents are this run's and stay.
 */
async function refusedAsOurs(
  client: Client,
  names: IndexNames,
  writes: Write[],
  refused: ReadonlySet<number>,
  context: WriteContext,
): Promise<Map<string, 'new' | 'changed'>> {
  const ours = new Map<string, 'new' | 'changed'>();
  if (refused.size === 0) return ours;
  const stored = await readStored(
    client,
    names,
    writes.filter((_, i) => refused.has(i)).map((w) => w.event),
  );
  for (const [id, now] of stored)
    if (now.lastRunId === context.runId)
      ours.set(id, now.firstSeenAt === context.fetchedAt ? 'new' : 'changed');
  return ours;
}

type Write = PendingWrite & { before: Stored | undefined };

/** An event this run has already written, and the document that write left. */
interface Written {
  event: PreparedEvent;
  stored: Stored;
}

/**
 * The events to write, and those this run has already written; the others are counted in `counts` as
 * they are.
 */
function pendingWrites(
  events: PreparedEvent[],
  stored: Map<string, Stored>,
  context: WriteContext,
  counts: WriteCounts,
): { writes: Write[]; written: Written[] } {
  const version = Date.parse(context.fetchedAt);
  const writes: Write[] = [];
  const written: Written[] = [];
  for (const event of events) {
    const before = stored.get(event.id);
    if (before?.lastRunId === context.runId) {
      counts[before.firstSeenAt === context.fetchedAt ? 'new' : 'changed'] += 1;
      written.push({ event, stored: before });
    } else if (before && before.contentHash === event.contentHash && before.listed) {
      counts.unchanged += 1;
    } else if (before && before.version > version) {
      // Known before writing, so an older run records no history of a change it does not make.
      counts.superseded += 1;
    } else {
      writes.push({ event, before });
    }
  }
  return { writes, written };
}

/** The change this run recorded when it wrote `event`, as the event's document says. */
function changeWritten({ event, stored }: Written, context: WriteContext): EventChange {
  const kind = stored.firstSeenAt === context.fetchedAt ? 'new' : 'changed';
  return { id: event.id, facts: event.facts, kind, changedFields: stored.changedFields };
}

function eventOperation(
  names: IndexNames,
  { event, before }: Write,
  change: EventChange,
  context: WriteContext,
): unknown[] {
  const version = Date.parse(context.fetchedAt);
  return [
    { index: { _index: names.events, _id: event.id, version, version_type: 'external' } },
    documentJson(event, {
      everOnline: (before?.everOnline ?? false) || event.online,
      listed: true,
      firstSeenAt: before?.firstSeenAt ?? context.fetchedAt,
      lastSeenAt: context.fetchedAt,
      updatedAt: new Date().toISOString(),
      runId: context.runId,
      contentHash: event.contentHash,
      trackedJson: JSON.stringify(event.facts.tracked),
      changedFields: change.changedFields,
    }),
  ];
}

async function readStored(
  client: Client,
  names: IndexNames,
  events: PreparedEvent[],
): Promise<Map<string, Stored>> {
  const response = await client.mget<never>({
    index: names.events,
    ids: events.map((e) => e.id),
    stored_fields: [
      'content_hash',
      'ever_online',
      'listed',
      'first_seen_at',
      'last_run_id',
      'tracked',
      'changed_fields',
    ],
    realtime: true,
  });
  const stored = new Map<string, Stored>();
  for (const doc of response.docs) {
    if (!('found' in doc) || !doc.found || !doc.fields) continue;
    const values = (name: string): unknown[] => (doc.fields![name] as unknown[] | undefined) ?? [];
    const field = (name: string): unknown => values(name)[0];
    const tracked = field('tracked');
    stored.set(doc._id, {
      contentHash: String(field('content_hash')),
      everOnline: field('ever_online') === true,
      listed: field('listed') === true,
      firstSeenAt: new Date(String(field('first_seen_at'))).toISOString(),
      lastRunId: String(field('last_run_id')),
      tracked: typeof tracked === 'string' ? (JSON.parse(tracked) as TrackedState) : undefined,
      changedFields: values('changed_fields').map(String),
      version: doc._version ?? 0,
    });
  }
  return stored;
}
