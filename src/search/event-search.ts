/** A search window; both bounds optional, compared as instants. */
export interface SearchWindow {
  /** Events that start at or after this instant. */
  startsAt?: Date;
  /** Events that end at or before this instant. */
  endsAt?: Date;
}

/** One event as the contract's `EventSummary` shows it (provider wall-clock dates and times). */
export interface EventSummary {
  id: string;
  title: string;
  start_date: string;
  start_time: string | null;
  end_date: string | null;
  end_time: string | null;
  min_price: number | null;
  max_price: number | null;
}

/** One event with its sessions' detail and zones, for `GET /events/{id}`. */
export interface EventDetail extends EventSummary {
  provider_id: string;
  base_event_id: string;
  event_id: string;
  sell_mode: string;
  organizer_company_id: string | null;
  sold_out: boolean;
  sell_from: string | null;
  sell_to: string | null;
  starts_at: string;
  ends_at: string;
  listed: boolean;
  first_seen_at: string;
  last_seen_at: string;
  updated_at: string;
  zones: EventZone[];
}

/** One zone of an event, with the key bookings address it by and the seats it has left. */
export interface EventZone {
  zone_id: string;
  name: string;
  capacity: number;
  price: number;
  numbered: boolean;
  /** `<zone_id>:<n>`: tells apart zones that share a zone_id (see zoneKeysOf). */
  zone_key: string;
  /** Seats left for sale: the zone's booking availability, or its capacity while nobody has booked it. */
  available: number;
}

/** Read side of the events index, as the API needs it. */
export interface EventSearch {
  /** Every ever-online event in the window, sorted by start then id, in pages (never cut at 10,000). */
  search(window: SearchWindow): AsyncIterable<EventSummary[]>;
  /** One ever-online event by id, or null. */
  getEvent(id: string): Promise<EventDetail | null>;
  /** Current data generation; changes whenever a sync changed indexed data. */
  currentGeneration(): Promise<string>;
  /** Throws when Elasticsearch cannot be reached. */
  ping(): Promise<void>;
}
