import type { ProviderEvent } from './event';

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

  /**
   * Adds one event's zones to its provider's rows of its start month, each zone to the row of its name.
   * Sold-out zones count too: their price is still the zone's price, and `capacity` says what is left.
   */
  add(event: Pick<ProviderEvent, 'id' | 'providerId' | 'start' | 'zones'>): void {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    const month = event.start.instant.slice(0, 7);
    const counted = new Set<ZonePriceRow>();
    for (const zone of event.zones) {
      const row = this.rowOf(event.providerId, month, zone.name);
      if (!counted.has(row)) {
        counted.add(row);
        row.events += 1;
      }
      row.zones += 1;
      row.numberedZones += zone.numbered ? 1 : 0;
      row.capacity += zone.capacity;
      row.minPrice = Math.min(row.minPrice, zone.price);
      row.maxPrice = Math.max(row.maxPrice, zone.price);
      row.priceSum += zone.price;
    }
  }

  /** The rows so far, in the order each was first seen. */
  toRows(): ZonePriceRow[] {
    return [...this.rows.values()];
  }

  private rowOf(providerId: string, month: string, zoneName: string): ZonePriceRow {
    // Provider ids and months hold no NUL, so the key names one row.
    const key = `${providerId}\u0000${month}\u0000${zoneName}`;
    let row = this.rows.get(key);
    if (!row) {
      row = {
        providerId,
        zoneName,
        month,
        events: 0,
        zones: 0,
        numberedZones: 0,
        capacity: 0,
        minPrice: Infinity,
        maxPrice: -Infinity,
        priceSum: 0,
      };
      this.rows.set(key, row);
    }
    return row;
  }
}
