import type { EventHistory, EventHistoryEntry, HistoryPosition } from '../../../../src/search/event-history';

/** In-memory EventHistory: entries per event id, answered newest first as Elasticsearch sorts them. */
export class FakeEventHistory implements EventHistory {
  readonly entries = new Map<string, EventHistoryEntry[]>();
  /** When set, historyOf rejects with it (Elasticsearch unreachable). */
  failure: Error | null = null;
  /** Every page asked for, in order. */
  readonly pages: { eventId: string; limit: number; after?: HistoryPosition }[] = [];

  historyOf(
    eventId: string,
    page: { limit: number; after?: HistoryPosition },
  ): Promise<EventHistoryEntry[] | null> {
    this.pages.push({ eventId, ...page });
    if (this.failure) return Promise.reject(this.failure);
    const all = this.entries.get(eventId);
    if (!all) return Promise.resolve(null);
    const key = (fetchedAt: string, runId: string) => `${fetchedAt} ${runId}`;
    const newestFirst = [...all].sort((a, b) =>
      key(b.fetched_at, b.run_id).localeCompare(key(a.fetched_at, a.run_id)),
    );
    const after = page.after;
    const rest = after
      ? newestFirst.filter((e) => key(e.fetched_at, e.run_id) < key(after.fetchedAt, after.runId))
      : newestFirst;
    return Promise.resolve(rest.slice(0, page.limit));
  }
}

/** A history entry of run `n` (fetched n days after 2026-01-01), with overrides. */
export function historyEntry(n: number, overrides: Partial<EventHistoryEntry> = {}): EventHistoryEntry {
  return {
    run_id: `run-${n}`,
    fetched_at: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(),
    change: n === 0 ? 'new' : 'changed',
    title: 'Camela en concierto',
    starts_at: '2030-06-30T21:00:00.000Z',
    min_price: 20 + n,
    max_price: 30 + n,
    total_capacity: 100 - n,
    zone_count: 2,
    changed_fields: n === 0 ? [] : ['min_price', 'max_price', 'total_capacity', 'zones'],
    ...overrides,
  };
}
