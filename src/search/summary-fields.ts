import type { estypes } from '@elastic/elasticsearch';
import type { EventSummary } from './event-search';

/**
 * Where a window search reads its hits' summary fields: from doc values (mapping v2 on, no stored field
 * loaded), or from stored fields (an events index of mapping v1, which has no doc values for them: what the
 * alias points at until a migration moves it).
 */
export type SummaryShape = 'doc-values' | 'stored';

const FIELDS = ['id', 'start_date', 'start_time', 'end_date', 'end_time', 'min_price', 'max_price'];
/** The title as each shape reads it: a keyword sub-field's doc values, or the stored text. */
const TITLE: Record<SummaryShape, string> = { 'doc-values': 'title.raw', stored: 'title' };

/** The part of a `_search` request that names the summary fields, in `shape`. */
export function summaryFieldsRequest(shape: SummaryShape): estypes.SearchRequest {
  const fields = [...FIELDS, TITLE[shape]];
  return shape === 'doc-values'
    ? { _source: false, stored_fields: ['_none_'], docvalue_fields: fields }
    : { _source: false, stored_fields: fields };
}

/** A hit as the contract's summary; a title missing from doc values (over 8191 characters) is left empty. */
export function summaryOf(hit: estypes.SearchHit, shape: SummaryShape): EventSummary {
  const fields = hit.fields ?? {};
  const one = <T>(name: string): T | null => (fields[name] as T[] | undefined)?.[0] ?? null;
  return {
    id: one<string>('id') ?? '',
    title: one<string>(TITLE[shape]) ?? '',
    start_date: one<string>('start_date') ?? '',
    start_time: one<string>('start_time'),
    end_date: one<string>('end_date'),
    end_time: one<string>('end_time'),
    min_price: one<number>('min_price'),
    max_price: one<number>('max_price'),
  };
}

/** Whether the hit lacks its title in `shape` (only doc values can: their keyword has a length limit). */
export function lacksTitle(hit: estypes.SearchHit, shape: SummaryShape): boolean {
  return hit.fields?.[TITLE[shape]] === undefined;
}
