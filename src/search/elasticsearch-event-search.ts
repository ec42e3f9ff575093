import type { Client, estypes } from '@elastic/elasticsearch';
import { zoneKeysOf } from '../domain/zone-key';
import { BookingReadModel } from './booking-read-model';
import type { EventDocument } from './event-document';
import type { EventDetail, EventSearch, EventSummary, EventZone, SearchWindow } from './event-search';
import type { IndexNames } from './index-names';
import { GENERATION_DOC_ID } from './provider-state-store';
import { SearchResponseError, type SearchTransport } from './search-transport';
import { versionOfEventsIndex } from './migration/events-mapping-target';
import { lacksTitle, summaryFieldsRequest, summaryOf, type SummaryShape } from './summary-fields';

// Only what summaries and paging read: a third less for Elasticsearch to write and the API to parse. The
// stored shape also names each hit's index, to notice when the alias has moved to a doc-values mapping.
const FILTER_PATH: Record<SummaryShape, string> = {
  'doc-values': `filter_path=${encodeURIComponent('hits.hits.fields,hits.hits.sort')}`,
  stored: `filter_path=${encodeURIComponent('hits.hits.fields,hits.hits.sort,hits.hits._index')}`,
};

/**
 * Read side over the events alias: window queries on `date_range`, paged with search_after (and a PIT past
 * one page). Window queries, the API's hot path, go through `transport`; everything else through `client`.
 */
export class ElasticsearchEventSearch implements EventSearch {
  private readonly bookings: BookingReadModel;
  // Doc values until the alias answers that its index has none for the summary (a v1 index mid-rollout).
  private shape: SummaryShape = 'doc-values';

  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
    private readonly transport: SearchTransport,
    private readonly pageSize = 5000,
  ) {
    this.bookings = new BookingReadModel(client, names);
  }

  async *search(window: SearchWindow): AsyncIterable<EventSummary[]> {
    const { shape, hits: first } = await this.firstPage(window);
    yield await this.summariesOf(first, shape);
    if (first.length < this.pageSize) return;
    // More than one page: page on a point in time so concurrent syncs cannot shift results between pages.
    const pit = await this.client.openPointInTime({ index: this.names.events, keep_alive: '1m' });
    try {
      let after = first.at(-1)?.sort;
      for (;;) {
        const request = { ...this.windowRequest(window, shape), pit: { id: pit.id, keep_alive: '1m' } };
        const page = await this.windowPage('', { ...request, search_after: after }, shape);
        if (page.length === 0) return;
        yield await this.summariesOf(page, shape);
        if (page.length < this.pageSize) return;
        after = page.at(-1)?.sort;
      }
    } finally {
      await this.client.closePointInTime({ id: pit.id }).catch(() => undefined);
    }
  }

  /**
   * The window's first page, in the shape the alias's index answers. During a rollout the alias may still
   * point at a v1 index, which refuses doc values for the summary (400): the search then reads stored
   * fields, as the previous release did, until an answer comes from an index of mapping v2 or later.
   */
  private async firstPage(window: SearchWindow): Promise<{ shape: SummaryShape; hits: estypes.SearchHit[] }> {
    const alias = `/${encodeURIComponent(this.names.events)}`;
    const shape = this.shape;
    try {
      return { shape, hits: await this.windowPage(alias, this.windowRequest(window, shape), shape) };
    } catch (err) {
      if (shape !== 'doc-values' || !(err instanceof SearchResponseError) || err.statusCode !== 400)
        throw err;
      this.shape = 'stored';
      return {
        shape: 'stored',
        hits: await this.windowPage(alias, this.windowRequest(window, 'stored'), 'stored'),
      };
    }
  }

  async getEvent(id: string): Promise<EventDetail | null> {
    const response = await this.client.search<EventDocument>({
      index: this.names.events,
      size: 1,
      query: { bool: { filter: [{ term: { id } }, { term: { ever_online: true } }] } },
    });
    const source = response.hits.hits[0]?._source;
    if (!source) return null;
    const keys = zoneKeysOf(source.zones);
    const available = await this.bookings.zoneAvailability(source.id, keys);
    return toDetail(source, zonesWithSeats(source.zones, keys, available));
  }

  async currentGeneration(): Promise<string> {
    const response = await this.client.get<{ generation: string }>(
      { index: this.names.providerState, id: GENERATION_DOC_ID },
      { ignore: [404] },
    );
    return response.found ? (response._source?.generation ?? '0') : '0';
  }

  async ping(): Promise<void> {
    await this.client.cluster.health({ timeout: '2s' }, { requestTimeout: 2000 });
  }

  /** The hits as summaries; titles too long for doc values (over 8191 characters) are read from _source. */
  private async summariesOf(hits: estypes.SearchHit[], shape: SummaryShape): Promise<EventSummary[]> {
    const summaries = hits.map((hit) => summaryOf(hit, shape));
    const untitled = summaries.filter((_, i) => lacksTitle(hits[i]!, shape));
    if (untitled.length === 0) return summaries;
    const response = await this.client.mget<{ title: string }>({
      index: this.names.events,
      ids: untitled.map((s) => s.id),
      _source_includes: ['title'],
    });
    const titles = new Map(
      response.docs.map((d) => [d._id, 'found' in d && d.found ? d._source?.title : '']),
    );
    for (const summary of untitled) summary.title = titles.get(summary.id) ?? '';
    return summaries;
  }

  private async windowPage(
    indexPath: string,
    request: estypes.SearchRequest,
    shape: SummaryShape,
  ): Promise<estypes.SearchHit[]> {
    const response = await this.transport.post(
      `${indexPath}/_search?${FILTER_PATH[shape]}`,
      JSON.stringify(request),
    );
    const hits = hitsOf(response as estypes.SearchResponse);
    const index = hits[0]?._index;
    if (shape === 'stored' && index !== undefined && (versionOfEventsIndex(this.names, index) ?? 0) >= 2)
      this.shape = 'doc-values';
    return hits;
  }

  private windowRequest(window: SearchWindow, shape: SummaryShape): estypes.SearchRequest {
    const range: estypes.QueryDslRangeQuery & { relation: 'within' } = { relation: 'within' };
    if (window.startsAt) range.gte = window.startsAt.toISOString();
    if (window.endsAt) range.lte = window.endsAt.toISOString();
    const filter: estypes.QueryDslQueryContainer[] = [{ term: { ever_online: true } }];
    if (range.gte || range.lte) filter.push({ range: { date_range: range } });
    return {
      size: this.pageSize,
      query: { bool: { filter } },
      sort: [{ starts_at: 'asc' }, { id: 'asc' }],
      ...summaryFieldsRequest(shape),
      track_total_hits: false,
    };
  }
}

// filter_path drops every empty part: a search that matched nothing answers `{}`.
function hitsOf(response: estypes.SearchResponse): estypes.SearchHit[] {
  return (response.hits as estypes.SearchHitsMetadata | undefined)?.hits ?? [];
}

function toDetail(doc: EventDocument, zones: EventZone[]): EventDetail {
  return {
    id: doc.id,
    title: doc.title,
    start_date: doc.start_date,
    start_time: doc.start_time,
    end_date: doc.end_date,
    end_time: doc.end_time,
    min_price: doc.min_price,
    max_price: doc.max_price,
    provider_id: doc.provider_id,
    base_event_id: doc.base_event_id,
    event_id: doc.event_id,
    sell_mode: doc.sell_mode,
    organizer_company_id: doc.organizer_company_id,
    sold_out: doc.sold_out,
    sell_from: doc.sell_from_local,
    sell_to: doc.sell_to_local,
    starts_at: doc.starts_at,
    ends_at: doc.ends_at,
    listed: doc.listed,
    first_seen_at: doc.first_seen_at,
    last_seen_at: doc.last_seen_at,
    updated_at: doc.updated_at,
    zones,
  };
}

function zonesWithSeats(
  zones: EventDocument['zones'],
  keys: string[],
  available: Map<string, number>,
): EventZone[] {
  return zones.map((zone, i) => {
    const zoneKey = keys[i]!;
    return { ...zone, zone_key: zoneKey, available: available.get(zoneKey) ?? zone.capacity };
  });
}
