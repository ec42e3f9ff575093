import type { estypes } from '@elastic/elasticsearch';
import type { ZonePriceRow } from '../domain/zone-price-rollup';
import { documentId } from './document-id';
import { keyword, date, double } from './mapping-fields';

/**
 * Zone prices of one provider, zone name and start month, as the provider's latest run listed them, so
 * Kibana Lens can group prices and capacities by zone name (it cannot aggregate `nested` fields, and the
 * events index keeps `zones` as a plain object array, where a zone's name and price lose their pairing).
 */
export interface ZonePriceDocument {
  provider_id: string;
  zone_name: string;
  /** First instant (UTC) of the month the events start in: the data view's time field. */
  month: string;
  /** Events of the month with zones of this name. */
  events: number;
  /** Zones of this name in those events (feeds may repeat a name, or a zone id, in one event). */
  zones: number;
  numbered_zones: number;
  capacity: number;
  min_price: number;
  max_price: number;
  /** Sum of the zones' prices: `sum(price_sum) / sum(zones)` is the exact mean over zones of any months. */
  price_sum: number;
  /** The month's mean price over zones. */
  avg_price: number;
  run_id: string;
  fetched_at: string;
}

/** Zone prices: one document per provider, zone name and start month, versioned by its run's fetch time. */
export const zonePricesMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    provider_id: keyword,
    zone_name: keyword,
    month: date,
    events: { type: 'integer' },
    zones: { type: 'integer' },
    numbered_zones: { type: 'integer' },
    capacity: { type: 'long' },
    min_price: double,
    max_price: double,
    price_sum: double,
    avg_price: double,
    run_id: keyword,
    fetched_at: date,
  },
};

/** The `_id` of a row: `<provider>:<month>:<zone name>`, the name last so that a `:` in it shifts nothing. */
export function zonePriceDocumentId(row: Pick<ZonePriceRow, 'providerId' | 'month' | 'zoneName'>): string {
  return documentId(`${row.providerId}:${row.month}:${row.zoneName}`);
}

/** The document of `row` as run `run` wrote it. */
export function toZonePriceDocument(
  row: ZonePriceRow,
  run: { runId: string; fetchedAt: string },
): ZonePriceDocument {
  return {
    provider_id: row.providerId,
    zone_name: row.zoneName,
    month: `${row.month}-01T00:00:00.000Z`,
    events: row.events,
    zones: row.zones,
    numbered_zones: row.numberedZones,
    capacity: row.capacity,
    min_price: row.minPrice,
    max_price: row.maxPrice,
    price_sum: row.priceSum,
    avg_price: row.priceSum / row.zones,
    run_id: run.runId,
    fetched_at: run.fetchedAt,
  };
}
