/**
 * Stable keys naming each zone of one session, even when the feed repeats a `zone_id` (response_3 lists
 * zone 186 twice): `<zone_id>:<n>`, n counting that id's occurrences in feed order from 1.
 */
export function zoneKeysOf(zones: readonly { zone_id: string }[]): string[] {
  const seen = new Map<string, number>();
  return zones.map((zone) => {
    const occurrence = (seen.get(zone.zone_id) ?? 0) + 1;
    seen.set(zone.zone_id, occurrence);
    return `${zone.zone_id}:${occurrence}`;
  });
}
