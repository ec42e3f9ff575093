import type { Client, estypes } from '@elastic/elasticsearch';
import type { IndexNames } from '../index-names';
import type { Availability, AvailableDate, ProductRef, SlotView } from './availability';
import type { SlotDocument } from './slot-document';

// Most dates one query answers: more than any configured window spans (400 days).
const MAX_DATES = 500;
// Hits per page of a date's slots: a date of one product has tens of slots, seldom more.
const PAGE = 1000;

type CheapestSlot = Pick<SlotDocument, 'min_price' | 'currency'>;
type DateBuckets = { dates: estypes.AggregationsStringTermsAggregate };

/** The slots index over Elasticsearch: dates by a terms aggregation, a date's slots by a sorted search. */
export class ElasticsearchAvailability implements Availability {
  constructor(
    private readonly client: Client,
    private readonly names: IndexNames,
  ) {}

  async datesOf(product: ProductRef, range: { from: string; to: string }): Promise<AvailableDate[]> {
    const response = await this.client.search<never, DateBuckets>({
      index: this.names.slots,
      size: 0,
      query: { bool: { filter: [...withPlacesLeft(product), dateRange(range)] } },
      aggs: {
        dates: {
          terms: { field: 'date', size: MAX_DATES, order: { _key: 'asc' } },
          // The cheapest slot gives the date its price and that price's currency together.
          aggs: {
            cheapest: {
              top_hits: {
                size: 1,
                sort: [{ min_price: { order: 'asc', missing: '_last' } }],
                _source: ['min_price', 'currency'],
              },
            },
          },
        },
      },
    });
    const buckets = response.aggregations?.dates.buckets;
    return (Array.isArray(buckets) ? buckets : []).map(availableDate);
  }

  async slotsOf(product: ProductRef, date: string): Promise<SlotView[]> {
    const slots: SlotView[] = [];
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await this.client.search<SlotDocument>({
        index: this.names.slots,
        size: PAGE,
        query: { bool: { filter: [...availableSlotsOf(product), { term: { date } }] } },
        sort: [{ starts_at: 'asc' }, { provider_slot_id: 'asc' }],
        search_after: after,
        track_total_hits: false,
      });
      for (const hit of response.hits.hits) if (hit._source) slots.push(slotView(hit._source));
      if (response.hits.hits.length < PAGE) return slots;
      after = response.hits.hits.at(-1)?.sort;
    }
  }
}

function availableSlotsOf(product: ProductRef): estypes.QueryDslQueryContainer[] {
  return [
    { term: { provider_id: product.providerId } },
    { term: { product_id: product.productId } },
    { term: { available: true } },
  ];
}

function withPlacesLeft(product: ProductRef): estypes.QueryDslQueryContainer[] {
  return [...availableSlotsOf(product), { range: { remaining: { gt: 0 } } }];
}

// Dates are fixed-width `YYYY-MM-DD` keywords, so their order as text is their order in time.
function dateRange(range: { from: string; to: string }): estypes.QueryDslQueryContainer {
  return { range: { date: { gte: range.from, lte: range.to } } };
}

function availableDate(bucket: estypes.AggregationsStringTermsBucket): AvailableDate {
  const cheapest = (bucket.cheapest as estypes.AggregationsTopHitsAggregate).hits.hits[0]
    ?._source as CheapestSlot;
  return { date: String(bucket.key), min_price: cheapest.min_price, currency: cheapest.currency };
}

function slotView(doc: SlotDocument): SlotView {
  return {
    provider_slot_id: doc.provider_slot_id,
    start_date: doc.date,
    start_time: doc.start_time,
    end_date: doc.end_date,
    end_time: doc.end_time,
    starts_at: doc.starts_at,
    ends_at: doc.ends_at,
    remaining: doc.remaining,
    currency: doc.currency,
    variant_id: doc.variant_id,
    min_price: doc.min_price,
    pax_availability: doc.pax_availability,
  };
}
