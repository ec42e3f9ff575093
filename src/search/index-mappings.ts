import type { estypes } from '@elastic/elasticsearch';
import { keyword, date } from './mapping-fields';

const storedKeyword = { type: 'keyword', store: true } as const;
/**
 * Read by searches from doc values (never searched on), so a search loads no stored field at all. Stored
 * too, as mapping v1 had them: an API of the previous release reads them so during a rollout.
 */
const summaryKeyword = { type: 'keyword', index: false, store: true } as const;

/**
 * Events: one document per provider session; `date_range` answers the window query. Every field a search
 * returns has doc values, so a window search reads columns and never a document's stored fields: loading
 * even one stored field (`_id` included) decompresses the whole stored document, zones and all, per hit,
 * which made window searches three to four times as expensive for Elasticsearch.
 */
export const eventsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: storedKeyword,
    provider_id: keyword,
    base_event_id: keyword,
    event_id: keyword,
    // 8191 characters fit the 32766 bytes of a keyword term in any UTF-8; a longer title is read from _source.
    title: { type: 'text', store: true, fields: { raw: { type: 'keyword', ignore_above: 8191 } } },
    sell_mode: keyword,
    organizer_company_id: keyword,
    sold_out: { type: 'boolean' },
    sell_from: date,
    sell_to: date,
    sell_from_local: { type: 'keyword', index: false },
    sell_to_local: { type: 'keyword', index: false },
    start_date: summaryKeyword,
    start_time: summaryKeyword,
    end_date: summaryKeyword,
    end_time: summaryKeyword,
    starts_at: date,
    ends_at: date,
    date_range: { type: 'date_range' },
    min_price: { type: 'double', store: true },
    max_price: { type: 'double', store: true },
    zones: {
      properties: {
        zone_id: keyword,
        name: keyword,
        capacity: { type: 'integer' },
        price: { type: 'double' },
        numbered: { type: 'boolean' },
      },
    },
    zone_count: { type: 'integer' },
    total_capacity: { type: 'long' },
    ever_online: { type: 'boolean', store: true },
    listed: { type: 'boolean', store: true },
    first_seen_at: { type: 'date', store: true },
    last_seen_at: date,
    updated_at: date,
    last_run_id: storedKeyword,
    content_hash: storedKeyword,
    // What the sync reads back with the fields above before it rewrites an event: the tracked fields as
    // this write left them (TrackedState JSON), and which of them it changed. Stored only, never searched.
    tracked: { type: 'keyword', index: false, doc_values: false, store: true },
    changed_fields: storedKeyword,
  },
};

/** Sync runs: one document per run, for ops and Kibana. */
export const syncRunsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    run_id: keyword,
    workflow_id: keyword,
    provider_id: keyword,
    outcome: keyword,
    started_at: date,
    finished_at: date,
    duration_ms: { type: 'long' },
    bytes: { type: 'long' },
    sha256: keyword,
    counts: {
      properties: Object.fromEntries(
        ['seen', 'new', 'changed', 'unchanged', 'rejected', 'unlisted', 'superseded'].map((n) => [
          n,
          { type: 'long' },
        ]),
      ),
    },
    error: { type: 'text' },
    error_type: keyword,
    scope: keyword,
    partner: {
      properties: {
        pairs: { type: 'long' },
        skipped: { type: 'long' },
        requests: { type: 'long' },
        rate_limited: { type: 'long' },
        failed: { type: 'long' },
        failures: { properties: { product_id: keyword, date: keyword, error: { type: 'text' } } },
      },
    },
  },
};

/** Rejected events: why, where and a raw snippet, per run. */
export const rejectsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    run_id: keyword,
    provider_id: keyword,
    base_event_id: keyword,
    event_id: keyword,
    reason: { type: 'text', fields: { raw: { type: 'keyword', ignore_above: 1024 } } },
    line: { type: 'integer' },
    column: { type: 'integer' },
    snippet: { type: 'text', index: false },
    rejected_at: date,
    // A partner's rejected slot: which product and date was asked, and the slot's id when it had one.
    product_id: keyword,
    date: keyword,
    provider_slot_id: keyword,
  },
};

/** Per-provider sync state (last fetched content, order watermark) and the data generation. */
export const providerStateMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    provider_id: keyword,
    last_fetched_at: date,
    last_sha256: keyword,
    generation: keyword,
    updated_at: date,
    // A partner's (product, date) pair has a state of its own, and the partner a shared 429 cool-down.
    product_id: keyword,
    date: keyword,
    cool_down_until: date,
  },
};

/**
 * Zone availability: one document per zone with a workflow, written by that workflow (external version:
 * its sequence number). `sales_frozen` is `shortfall > 0`, kept as a field so Kibana can filter on it.
 */
export const zoneAvailabilityMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    provider_id: keyword,
    event_id: keyword,
    zone_key: keyword,
    capacity: { type: 'integer' },
    held: { type: 'integer' },
    confirmed: { type: 'integer' },
    available: { type: 'integer' },
    shortfall: { type: 'integer' },
    sales_frozen: { type: 'boolean' },
    capacity_observed_at: date,
    updated_at: date,
    seq: { type: 'long' },
  },
};

/** Bookings: one document per booking, written by its zone's workflow (external version: its version). */
export const bookingsMapping: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    booking_id: keyword,
    provider_id: keyword,
    event_id: keyword,
    zone_key: keyword,
    number: { type: 'long' },
    quantity: { type: 'integer' },
    status: keyword,
    held_at: date,
    expires_at: date,
    confirmed_at: date,
    ended_at: date,
    end_reason: keyword,
    payment_reference: keyword,
    history: { properties: { status: keyword, at: date, reason: keyword } },
    updated_at: date,
  },
};
