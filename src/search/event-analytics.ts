import type { Client } from '@elastic/elasticsearch';
import { bulkWrite } from './bulk-write';
import type { WriteContext } from './event-writer';
import type { EventFacts } from './event-facts';
import { historyDocumentId, toHistoryDocument, type ChangeKind } from './event-history-document';
import { eventZoneDocumentId, toEventZoneDocuments } from './event-zone-document';
import type { IndexNames } from './index-names';

/** A change a run is about to make to one event, as its history and zone documents record it. */
export interface EventChange {
  id: string;
  facts: EventFacts;
  kind: ChangeKind;
  changedFields: string[];
  /** Zone names the stored event had and this version no longer has: their documents go. */
  removedZoneNames: string[];
}

// Documents per bulk request: an event with hundreds of zone names must not make one huge request.
const DOCUMENTS_PER_REQUEST = 5000;

/**
 * Writes the history and zone documents of changes a run is about to make, before the events themselves:
 * an event's write is what tells a retried batch that the event is done, so everything it records must
 * already be in. Safe to repeat: history documents are created once per event and run, and zone documents
 * carry the run's fetch time as external version, so a repeat (or an older run) is refused.
 */
export async function writeEventAnalytics(
  client: Client,
  names: IndexNames,
  changes: readonly EventChange[],
  context: WriteContext,
): Promise<void> {
  const version = Date.parse(context.fetchedAt);
  const listed = (change: EventChange): boolean => change.kind !== 'unlisted';
  const operations: unknown[][] = changes.map((change) => [
    { create: { _index: names.eventHistory, _id: historyDocumentId(change.id, context.runId) } },
    toHistoryDocument(change.id, change.facts, change, context),
    ...toEventZoneDocuments(change.id, change.facts, { ...context, listed: listed(change) }).flatMap(
      (zone) => [
        {
          index: {
            _index: names.eventZones,
            _id: eventZoneDocumentId(change.id, zone.zone_name),
            version,
            version_type: 'external',
          },
        },
        zone,
      ],
    ),
    ...change.removedZoneNames.map((name) => ({
      delete: {
        _index: names.eventZones,
        _id: eventZoneDocumentId(change.id, name),
        version,
        version_type: 'external',
      },
    })),
  ]);
  await sendInChunks(client, operations);
}

/**
 * Takes back what writeEventAnalytics wrote for changes whose event write was then refused (a newer run
 * wrote the event in between): the history document, and zone documents still at this run's version.
 */
export async function retractEventAnalytics(
  client: Client,
  names: IndexNames,
  changes: readonly EventChange[],
  context: WriteContext,
): Promise<void> {
  const version = Date.parse(context.fetchedAt);
  const operations = changes.map((change) => [
    { delete: { _index: names.eventHistory, _id: historyDocumentId(change.id, context.runId) } },
    ...change.facts.zoneGroups.map((group) => ({
      delete: {
        _index: names.eventZones,
        _id: eventZoneDocumentId(change.id, group.name),
        version,
        version_type: 'external_gte',
      },
    })),
  ]);
  await sendInChunks(client, operations);
}

/**
 * Sends each event's operations whole, several events per request, up to about DOCUMENTS_PER_REQUEST
 * documents. Refusals are version conflicts: the document is already there, or a newer run's is.
 */
async function sendInChunks(client: Client, perEvent: unknown[][]): Promise<void> {
  let chunk: unknown[] = [];
  for (const operations of perEvent) {
    chunk.push(...operations);
    if (chunk.length >= DOCUMENTS_PER_REQUEST * 2) {
      await bulkWrite(client, chunk);
      chunk = [];
    }
  }
  await bulkWrite(client, chunk);
}
