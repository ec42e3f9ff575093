import type { Client, estypes } from '@elastic/elasticsearch';
import { zoneKeysOf } from '../domain/zone-key';
import { BookingReadModel } from './booking-read-model';
import type { EventDocument } from './event-document';
import type { EventDetail, EventSearch, EventSummary, EventZone, SearchWindow } from './event-search';
import type { IndexNames } from './index-names';
import { GENERATION_DOC_ID } from './provider-state-store';
import type { SearchTransport } from './search-transport';

// Doc values only: see eventsMapping for why a search must not load stored fields.
const SUMMARY_FIELDS = [
  'id',
  'title.raw',
  'start_date',
  'start_time',
  'end_date',
  'end_time',
  'min_price',
  'max_price',
];

// Only what toSummary and paging read: a third less for Elasticsearch to write and the API to parse.
const WINDOW_FILTER_PATH = `filter_path=${encodeURIComponent('hits.hits.fields,hits.hits.sort')}`;

/**
 * Read side over the events alias: window queries on `date_range`, paged with search_after (and a PIT past
 * one page). Window queries, the API's hot path, go through `transport`; everything else through `client`.
 */
export class ElasticsearchEventSearch implements EventSearch {
  private readonly bookings: BookingReadModel;

  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
    private readonly transport: SearchTransport,
    private readonly pageSize = 5000,
  ) {
    this.bookings = new BookingReadModel(client, names);
  }

  async *search(window: SearchWindow): AsyncIterable<EventSummary[]> {
    const request = this.windowRequest(window);
    const first = await this.windowPage(`/${encodeURIComponent(this.names.events)}`, request);
    yield await this.summariesOf(first);
    if (first.length < this.pageSize) return;
    // More than one page: page on a point in time so concurrent syncs cannot shift results between pages.
    const pit = await this.client.openPointInTime({ index: this.names.events, keep_alive: '1m' });
    try {
      let after = first.at(-1)?.sort;
      for (;;) {
        const page = await this.windowPage('', {
          ...request,
          pit: { id: pit.id, keep_alive: '1m' },
          search_after: after,
        });
        if (page.length === 0) return;
        yield await this.summariesOf(page);
        if (page.length < this.pageSize) return;
        after = page.at(-1)?.sort;
      }
    } finally {
      await this.client.closePointInTime({ id: pit.id }).catch(() => undefined);
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
  private async summariesOf(hits: estypes.SearchHit[]): Promise<EventSummary[]> {
    const summaries = hits.map(toSummary);
    const untitled = summaries.filter((_, i) => hits[i]!.fields?.['title.raw'] === undefined);
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

  private async windowPage(indexPath: string, request: estypes.SearchRequest): Promise<estypes.SearchHit[]> {
    const response = await this.transport.post(
      `${indexPath}/_search?${WINDOW_FILTER_PATH}`,
      JSON.stringify(request),
    );
    return hitsOf(response as estypes.SearchResponse);
  }

  private windowRequest(window: SearchWindow): estypes.SearchRequest {
    const range: estypes.QueryDslRangeQuery & { relation: 'within' } = { relation: 'within' };
    if (window.startsAt) range.gte = window.startsAt.toISOString();
    if (window.endsAt) range.lte = window.endsAt.toISOString();
    const filter: estypes.QueryDslQueryContainer[] = [{ term: { ever_online: true } }];
    if (range.gte || range.lte) filter.push({ range: { date_range: range } });
    return {
      size: this.pageSize,
      query: { bool: { filter } },
      sort: [{ starts_at: 'asc' }, { id: 'asc' }],
      _source: false,
      stored_fields: ['_none_'],
      docvalue_fields: SUMMARY_FIELDS,
      track_total_hits: false,
    };
  }
}

// filter_path drops every empty part: a search that matched nothing answers `{}`.
function hitsOf(response: estypes.SearchResponse): estypes.SearchHit[] {
  return (response.hits as estypes.SearchHitsMetadata | undefined)?.hits ?? [];
}

function toSummary(hit: estypes.SearchHit): EventSummary {
  const fields = hit.fields ?? {};
  const one = <T>(name: string): T | null => (fields[name] as T[] | undefined)?.[0] ?? null;
  return {
    id: one<string>('id') ?? '',
    title: one<string>('title.raw') ?? '',
    start_date: one<string>('start_date') ?? '',
    start_time: one<string>('start_time'),
    end_date: one<string>('end_date'),
    end_time: one<string>('end_time'),
    min_price: one<number>('min_price'),
    max_price: one<number>('max_price'),
  };
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
