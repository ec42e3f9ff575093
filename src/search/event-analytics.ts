import type { Client } from '@elastic/elasticsearch';
import { bulkWrite } from './bulk-write';
import type { WriteContext } from './event-writer';
import type { EventFacts } from './event-facts';
import { historyDocumentId, toHistoryDocument, type ChangeKind } from './event-history-document';
import type { IndexNames } from './index-names';

/** A change a run is about to make to one event, as its history document records it. */
export interface EventChange {
  id: string;
  facts: EventFacts;
  kind: ChangeKind;
  changedFields: string[];
}

/**
 * Writes the history documents of changes a run is about to make, before the events themselves: an
 * event's write is what tells a retried batch that the event is done, so what it records must already be
 * in. Safe to repeat: a history document is created once per event and run, and a repeat is refused.
 */
export async function writeEventAnalytics(
  client: Client,
  names: IndexNames,
  changes: readonly EventChange[],
  context: WriteContext,
): Promise<void> {
  await bulkWrite(client, historyOperations(names, changes, context));
}

/**
 * The bulk actions that create the changes' history documents: one action each, refused as a version
 * conflict where the document is already there (the same event and run).
 */
export function historyOperations(
  names: IndexNames,
  changes: readonly EventChange[],
  context: WriteContext,
): unknown[] {
  return changes.flatMap((change) => [
    { create: { _index: names.eventHistory, _id: historyDocumentId(change.id, context.runId) } },
    toHistoryDocument(change.id, change.facts, change, context),
  ]);
}

/**
 * Takes back what writeEventAnalytics wrote for changes whose event write was then refused (a newer run
 * wrote the event in between): their history documents.
 */
export async function retractEventAnalytics(
  client: Client,
  names: IndexNames,
  changes: readonly EventChange[],
  context: WriteContext,
): Promise<void> {
  await bulkWrite(
    client,
    changes.map((change) => ({
      delete: { _index: names.eventHistory, _id: historyDocumentId(change.id, context.runId) },
    })),
  );
}
