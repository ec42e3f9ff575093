import type { estypes } from '@elastic/elasticsearch';
import { documentId } from './document-id';
import type { TrackedState } from './changed-fields';
import type { EventFacts } from './event-facts';
import { keyword, date } from './mapping-fields';

/** How a run changed an event: first seen, different from what was stored, or no longer in the feed. */
export type ChangeKind = 'new' | 'changed' | 'unlisted';

/** One event as one run left it: a point of its price and capacity history, for Kibana and the API. */
export interface EventHistoryDocument {
  event_id: string;
  provider_id: string;
  run_id: string;
  fetched_at: string;
  change: ChangeKind;
  title: string;
  starts_at: string;
  min_price: number | null;
  max_price: number | null;
  total_capacity: number;
  zone_count: number;
  /** Fields whose value differs from the stored one (see changedFields); empty for a new event. */
  changed_fields: string[];
  /**
   * The event's tracked fields as this run left them: the next run that changes the event compares with
   * this rather than read the event's whole stored document back. Kept, not indexed.
   */
  tracked: TrackedState;
}

/** Event history: append-only, one document per event per run that changed it. */
export const eventHistoryMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    event_id: keyword,
    provider_id: keyword,
    run_id: keyword,
    fetched_at: date,
    change: keyword,
    title: { type: 'keyword', ignore_above: 512 },
    starts_at: date,
    min_price: { type: 'double' },
    max_price: { type: 'double' },
    total_capacity: { type: 'long' },
    zone_count: { type: 'integer' },
    changed_fields: keyword,
    tracked: { type: 'object', enabled: false },
  },
};

/**
 * The `_id` of an event's history document for one run: `<eventId>:<runId>`, so a retried batch creates
 * the same document again (and is refused) rather than a second one.
 */
export function historyDocumentId(eventId: string, runId: string): string {
  return documentId(`${eventId}:${runId}`);
}

/** The history document of `eventId` as run `run` left it. */
export function toHistoryDocument(
  eventId: string,
  facts: EventFacts,
  change: { kind: ChangeKind; changedFields: string[] },
  run: { runId: string; fetchedAt: string },
): EventHistoryDocument {
  return {
    event_id: eventId,
    provider_id: facts.providerId,
    run_id: run.runId,
    fetched_at: run.fetchedAt,
    change: change.kind,
    title: facts.title,
    starts_at: facts.startsAt,
    min_price: facts.minPrice,
    max_price: facts.maxPrice,
    total_capacity: facts.totalCapacity,
    zone_count: facts.zoneCount,
    changed_fields: change.changedFields,
    tracked: facts.tracked,
  };
}
