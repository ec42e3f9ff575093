import { trackedState, type TrackedState } from './changed-fields';
import type { FeedDocument } from './event-document';

/**
 * What an event's history document says about it. Taken from the feed document while the
 * feed is parsed and staged beside it, so writing them never parses the event's JSON again.
 */
export interface EventFacts {
  providerId: string;
  title: string;
  startsAt: string;
  minPrice: number | null;
  maxPrice: number | null;
  totalCapacity: number;
  zoneCount: number;
  /** What the next run compares the event with to say which fields it changed. */
  tracked: TrackedState;
}

/**
 * The facts of an event's feed document (as built from the feed, or as read back from the index);
 * `zonesJson` is `JSON.stringify(feed.zones)`, when already at hand.
 */
export function eventFacts(feed: FeedDocument, zonesJson?: string): EventFacts {
  return {
    providerId: feed.provider_id,
    title: feed.title,
    startsAt: feed.starts_at,
    minPrice: feed.min_price,
    maxPrice: feed.max_price,
    totalCapacity: feed.total_capacity,
    zoneCount: feed.zone_count,
    tracked: trackedState(feed, zonesJson),
  };
}
