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

/** An event's tracked fields as stored or as about to be written; absent means null. */
export type TrackedValues = Partial<Record<(typeof TRACKED_FIELDS)[number], unknown>>;

/** The tracked fields whose value differs between two versions of an event, in TRACKED_FIELDS order. */
export function changedFields(before: TrackedValues, after: TrackedValues): string[] {
  // Both sides are JSON written by toFeedDocument (one read back from _source), so key order matches.
  return TRACKED_FIELDS.filter(
    (field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null),
  );
}
