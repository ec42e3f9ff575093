import { createHash } from 'node:crypto';
import type { FeedDocument } from './event-document';

/**
 * Fields of an event whose changes its history records. Identity fields cannot change, and the local
 * wall-clock and `date_range` fields only restate the instants listed here.
 */
export const TRACKED_FIELDS = [
  'title',
  'sell_mode',
  'organizer_company_id',
  'sold_out',
  'sell_from',
  'sell_to',
  'starts_at',
  'ends_at',
  'min_price',
  'max_price',
  'total_capacity',
  'zone_count',
  'zones',
  'listed',
] as const;

type TrackedField = (typeof TRACKED_FIELDS)[number];

/** An event's tracked fields as stored or as about to be written; absent means null. */
export type TrackedValues = Partial<Record<TrackedField, unknown>>;

/**
 * An event's tracked fields as its history document keeps them for the next run to compare with: the feed's
 * values, but `zones` as the sha256 of their JSON, since hundreds of zones would make each history document
 * as large as the event. `listed` is left out: the stored event says it.
 */
export type TrackedState = Record<Exclude<TrackedField, 'listed'>, unknown>;

/** The tracked state of a feed document; `zonesJson` is `JSON.stringify(feed.zones)`, when already at hand. */
export function trackedState(feed: FeedDocument, zonesJson = JSON.stringify(feed.zones)): TrackedState {
  return {
    title: feed.title,
    sell_mode: feed.sell_mode,
    organizer_company_id: feed.organizer_company_id,
    sold_out: feed.sold_out,
    sell_from: feed.sell_from,
    sell_to: feed.sell_to,
    starts_at: feed.starts_at,
    ends_at: feed.ends_at,
    min_price: feed.min_price,
    max_price: feed.max_price,
    total_capacity: feed.total_capacity,
    zone_count: feed.zone_count,
    zones: createHash('sha256').update(zonesJson).digest('base64url'),
  };
}

/** The tracked fields whose value differs between two versions of an event, in TRACKED_FIELDS order. */
export function changedFields(before: TrackedValues, after: TrackedValues): string[] {
  // Both sides come from documents built by toFeedDocument (one may be read back), so key order matches.
  return TRACKED_FIELDS.filter(
    (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null),
  );
}
