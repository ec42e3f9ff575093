import type { Client } from '@elastic/elasticsearch';
import type { EventHistory, EventHistoryEntry, HistoryPosition } from './event-history';
import type { EventHistoryDocument } from './event-history-document';
import type { IndexNames } from './index-names';

/** The history index over Elasticsearch, paged with search_after on (fetched_at, run_id), newest first. */
export class ElasticsearchEventHistory implements EventHistory {
  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
  ) {}

  async historyOf(
    eventId: string,
    page: { limit: number; after?: HistoryPosition },
  ): Promise<EventHistoryEntry[] | null> {
    const [known, response] = await Promise.all([
      this.client.count({
        index: this.names.events,
        query: { bool: { filter: [{ term: { id: eventId } }, { term: { ever_online: true } }] } },
      }),
      this.client.search<EventHistoryDocument>({
        index: this.names.eventHistory,
        size: page.limit,
        query: { term: { event_id: eventId } },
        sort: [{ fetched_at: 'desc' }, { run_id: 'desc' }],
        search_after: page.after ? [Date.parse(page.after.fetchedAt), page.after.runId] : undefined,
        track_total_hits: false,
      }),
    ]);
    if (known.count === 0) return null;
    return response.hits.hits.flatMap((hit) => (hit._source ? [toEntry(hit._source)] : []));
  }
}

function toEntry({
  event_id: _event,
  provider_id: _provider,
  tracked: _tracked,
  ...entry
}: EventHistoryDocument): EventHistoryEntry {
  return entry;
}
