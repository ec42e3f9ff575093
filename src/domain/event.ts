/** A priced area of a session; duplicate zone ids inside one session are legal and kept. */
export interface Zone {
  zoneId: string;
  name: string;
  capacity: number;
  price: number;
  numbered: boolean;
}

/** A moment as the provider wrote it (local wall clock) and as the instant it denotes. */
export interface EventTime {
  /** Provider's wall-clock value, `YYYY-MM-DDTHH:mm:ss`, no offset. */
  local: string;
  /** ISO-8601 UTC instant, interpreted in the provider's time zone. */
  instant: string;
}

/** One dated session of a provider's plan, normalized and validated. */
export interface ProviderEvent {
  /** UUIDv5 of `provider:base_event_id:event_id`, stable across syncs. */
  id: string;
  providerId: string;
  baseEventId: string;
  eventId: string;
  title: string;
  sellMode: string;
  organizerCompanyId: string | null;
  soldOut: boolean;
  sellFrom: EventTime | null;
  sellTo: EventTime | null;
  start: EventTime;
  end: EventTime;
  zones: Zone[];
  /** Lowest price over zones with capacity > 0; null when none has capacity. */
  minPrice: number | null;
  /** Highest price over zones with capacity > 0; null when none has capacity. */
  maxPrice: number | null;
}

/** An event of a feed that failed validation, kept with its reason for ops. */
export interface EventReject {
  providerId: string;
  baseEventId: string | null;
  eventId: string | null;
  /** Human-readable reason, e.g. `event_start_date: 2021-09-31T20:00:00 is not a valid date`. */
  reason: string;
  /** Where the event sits in the feed: 1-based line and column of its opening tag. */
  position: { line: number; column: number };
  /** The offending element, re-serialized and cut to a bounded length. */
  snippet: string;
}
