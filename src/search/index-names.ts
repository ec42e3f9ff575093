/** Names of every index and alias the service owns, under one configurable prefix. */
export interface IndexNames {
  /** Alias searches and writes go through; points at the current `eventsVersioned` index. */
  events: string;
  eventsVersioned: string;
  syncRuns: string;
  rejects: string;
  providerState: string;
  /** The events migration's lock and state, read by every events write (src/search/migration/). */
  migrations: string;
  /** Bookings as their zones' workflows last published them, for reads and Kibana. */
  bookings: string;
  /** One document per zone that has a workflow: its seat counts. */
  zoneAvailability: string;
  /** Append-only: one document per event per run that changed it. */
  eventHistory: string;
  /** One document per provider, zone name and start month, from its latest run: analysis by zone. */
  zonePrices: string;
  /** One document per slot of a partner's product on a date (src/search/slots/). */
  slots: string;
}

/**
 * Bumped with every change of the events mapping: a starting worker (or `npm run migrate`) then copies
 * the alias's index into `events-v<this>` and switches the alias (src/search/migration/migrate-events.ts).
 */
export const EVENTS_MAPPING_VERSION = 3;

/** Index names for a prefix such as `eventhub`. */
export function indexNames(prefix: string): IndexNames {
  return {
    events: `${prefix}-events`,
    eventsVersioned: `${prefix}-events-v${EVENTS_MAPPING_VERSION}`,
    syncRuns: `${prefix}-sync-runs`,
    rejects: `${prefix}-event-rejects`,
    providerState: `${prefix}-provider-state`,
    migrations: `${prefix}-migrations`,
    bookings: `${prefix}-bookings`,
    zoneAvailability: `${prefix}-zone-availability`,
    eventHistory: `${prefix}-event-history`,
    zonePrices: `${prefix}-zone-prices`,
    slots: `${prefix}-availability-slots`,
  };
}
