import type { EventHistoryDocument } from './event-history-document';

/** Where an entry sits in an event's history, newest first: its run's fetch time, then its run id. */
export interface HistoryPosition {
  fetchedAt: string;
  runId: string;
}

/**
 * One run's record of an event, as `GET /events/{id}/history` shows it: its history document without the
 * ids and the state kept for the next run.
 */
export type EventHistoryEntry = Omit<EventHistoryDocument, 'event_id' | 'provider_id' | 'tracked'>;

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
