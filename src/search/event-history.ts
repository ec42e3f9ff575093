import type { ChangeKind } from './event-history-document';

/** Where an entry sits in an event's history, newest first: its run's fetch time, then its run id. */
export interface HistoryPosition {
  fetchedAt: string;
  runId: string;
}

/** One run's record of an event, as `GET /events/{id}/history` shows it. */
export interface EventHistoryEntry {
  run_id: string;
  fetched_at: string;
  change: ChangeKind;
  title: string;
  starts_at: string;
  min_price: number | null;
  max_price: number | null;
  total_capacity: number;
  zone_count: number;
  changed_fields: string[];
}

/** Read side of the history index, as the API needs it. */
export interface EventHistory {
  /**
   * Up to `limit` entries of an ever-online event's history, newest first, after `after` when given; null
   * when no ever-online event has the id.
   */
  historyOf(
    eventId: string,
    page: { limit: number; after?: HistoryPosition },
  ): Promise<EventHistoryEntry[] | null>;
}
