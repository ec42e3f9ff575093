import { clockTime } from './clock-time';
import type { PartnerFault } from './partner-fault';
import type { PartnerProduct } from './partner-product';
import type { PartnerSettings } from './partner-settings';
import type { RemovedSlot } from './removed-slot';

const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

/** A product as the control API summarises it, so a test can pick a date that has slots. */
export interface CatalogEntry {
  productId: string;
  weekdays: string[];
  startTimes: string[];
  paxTypes: string[];
}

/** A partner as `GET /control/partners/:id` shows it. */
export interface PartnerStatus extends PartnerSettings {
  providerId: string;
  catalog: CatalogEntry[];
  removedSlots: RemovedSlot[];
  /** The active fault; `remaining` is how many requests it still hits, null meaning until cleared. */
  fault: (PartnerFault & { remaining: number | null }) | null;
  /** Inventory requests since start or reset, whatever their answer. */
  requests: number;
  /** How many inventory requests got each status code, e.g. `{ "200": 12, "429": 1 }`. */
  statuses: Record<string, number>;
}

/** The control API's summary of a product. */
export function catalogEntry(product: PartnerProduct): CatalogEntry {
  return {
    productId: product.productId,
    weekdays: product.weekdays.map((weekday) => WEEKDAYS[weekday] as string),
    startTimes: product.departures.map((departure) => clockTime(departure.startMinute)),
    paxTypes: product.paxTypes.map((pax) => pax.type),
  };
}
