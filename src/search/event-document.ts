import type { ProviderEvent } from '../domain/event';

/** What a sync knows about an event beyond the feed: lifecycle fields kept across runs. */
export interface EventLifecycle {
  everOnline: boolean;
  listed: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
  updatedAt: string;
  runId: string;
  contentHash: string;
  /** The tracked fields as this write leaves them: `JSON.stringify(TrackedState)`. */
  trackedJson: string;
  /** Which tracked fields this write changes; empty for a new event. */
  changedFields: string[];
}

/** The fields of an event's document that come from the feed alone. */
export interface FeedDocument {
  id: string;
  provider_id: string;
  base_event_id: string;
  event_id: string;
  title: string;
  sell_mode: string;
  organizer_company_id: string | null;
  sold_out: boolean;
  sell_from: string | null;
  sell_to: string | null;
  sell_from_local: string | null;
  sell_to_local: string | null;
  start_date: string;
  start_time: string;
  end_date: string;
  end_time: string;
  starts_at: string;
  ends_at: string;
  date_range: { gte: string; lte: string };
  min_price: number | null;
  max_price: number | null;
  zones: { zone_id: string; name: string; capacity: number; price: number; numbered: boolean }[];
  zone_count: number;
  total_capacity: number;
}

/** The fields of an event's document that a sync adds: its lifecycle across runs. */
export interface LifecycleDocument {
  ever_online: boolean;
  listed: boolean;
  first_seen_at: string;
  last_seen_at: string;
  updated_at: string;
  last_run_id: string;
  content_hash: string;
  /** The tracked fields (TrackedState JSON) as the last write left them; absent in documents of mapping v2. */
  tracked?: string;
  /** The tracked fields the last write changed; absent in documents of mapping v2. */
  changed_fields?: string[];
}

/** The Elasticsearch document of one event, field names as analysts see them in Kibana. */
export type EventDocument = FeedDocument & LifecycleDocument;

/** The feed's part of an event's document, in a fixed field order. */
export function toFeedDocument(event: ProviderEvent): FeedDocument {
  const [startDate, startTime] = splitLocal(event.start.local);
  const [endDate, endTime] = splitLocal(event.end.local);
  return {
    id: event.id,
    provider_id: event.providerId,
    base_event_id: event.baseEventId,
    event_id: event.eventId,
    title: event.title,
    sell_mode: event.sellMode,
    organizer_company_id: event.organizerCompanyId,
    sold_out: event.soldOut,
    sell_from: event.sellFrom?.instant ?? null,
    sell_to: event.sellTo?.instant ?? null,
    sell_from_local: event.sellFrom?.local ?? null,
    sell_to_local: event.sellTo?.local ?? null,
    start_date: startDate,
    start_time: startTime,
    end_date: endDate,
    end_time: endTime,
    starts_at: event.start.instant,
    ends_at: event.end.instant,
    date_range: { gte: event.start.instant, lte: event.end.instant },
    min_price: event.minPrice,
    max_price: event.maxPrice,
    zones: event.zones.map((z) => ({
      zone_id: z.zoneId,
      name: z.name,
      capacity: z.capacity,
      price: z.price,
      numbered: z.numbered,
    })),
    zone_count: event.zones.length,
    total_capacity: event.zones.reduce((sum, z) => sum + z.capacity, 0),
  };
}

/** The sync's part of an event's document. */
export function toLifecycleDocument(lifecycle: EventLifecycle): LifecycleDocument {
  return {
    ever_online: lifecycle.everOnline,
    listed: lifecycle.listed,
    first_seen_at: lifecycle.firstSeenAt,
    last_seen_at: lifecycle.lastSeenAt,
    updated_at: lifecycle.updatedAt,
    last_run_id: lifecycle.runId,
    content_hash: lifecycle.contentHash,
    tracked: lifecycle.trackedJson,
    changed_fields: lifecycle.changedFields,
  };
}

function splitLocal(local: string): [string, string] {
  const [date = local, time = '00:00:00'] = local.split('T');
  return [date, time];
}
