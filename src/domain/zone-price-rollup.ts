import type { ProviderEvent } from './event';
import { zoneGroups } from './zone-groups';

/** One provider's zones of one name in events that start in one month, summed over those events. */
export interface ZonePriceRow {
  providerId: string;
  zoneName: string;
  /** `YYYY-MM` of the events' start instants (UTC). */
  month: string;
  /** Events of the month with zones of this name. */
  events: number;
  zones: number;
  numberedZones: number;
  capacity: number;
  minPrice: number;
  maxPrice: number;
  priceSum: number;
}

/**
 * Sums a feed's events into rows per provider, zone name and start month while the feed is parsed: a
 * few hundred rows where documents per event and zone name would be tens of thousands. Sums and
 * extremes only, so the rows of any months add up exactly (mean price over zones: sum of `priceSum`
 * over sum of `zones`). An event a feed lists twice counts once, as its first listing, which is the one
 * the sync writes.
 */
export class ZonePriceRollup {
  private readonly rows = new Map<string, ZonePriceRow>();
  private readonly seen = new Set<string>();

  /** Adds one event's zones, grouped by name (see zoneGroups), to its provider's rows of its start month. */
  add(event: Pick<ProviderEvent, 'id' | 'providerId' | 'start' | 'zones'>): void {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    const month = event.start.instant.slice(0, 7);
    for (const group of zoneGroups(event.zones)) {
      // Provider ids and months hold no NUL, so the key names one row.
      const key = `${event.providerId}\u0000${month}\u0000${group.name}`;
      const row = this.rows.get(key);
      if (!row) {
        this.rows.set(key, {
          providerId: event.providerId,
          zoneName: group.name,
          month,
          events: 1,
          zones: group.zones,
          numberedZones: group.numberedZones,
          capacity: group.capacity,
          minPrice: group.minPrice,
          maxPrice: group.maxPrice,
          priceSum: group.priceSum,
        });
        continue;
      }
      row.events += 1;
      row.zones += group.zones;
      row.numberedZones += group.numberedZones;
      row.capacity += group.capacity;
      row.minPrice = Math.min(row.minPrice, group.minPrice);
      row.maxPrice = Math.max(row.maxPrice, group.maxPrice);
      row.priceSum += group.priceSum;
    }
  }

  /** The rows so far, in the order each was first seen. */
  toRows(): ZonePriceRow[] {
    return [...this.rows.values()];
  }
}
