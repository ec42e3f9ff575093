import type { Client, estypes } from '@elastic/elasticsearch';
import { ElasticsearchEventSearch } from '../../src/search/elasticsearch-event-search';
import type { IndexNames } from '../../src/search/index-names';

/**
 * The exact `_search` request ElasticsearchEventSearch sends for a window, captured by running it
 * against a client that records the call instead of sending it, so the direct baseline cannot drift.
 */
export async function capturedSearchRequest(
  names: IndexNames,
  startsAt: string,
  endsAt: string,
): Promise<{ index: string; query: string; body: Omit<estypes.SearchRequest, 'index' | 'filter_path'> }> {
  let captured: estypes.SearchRequest | undefined;
  const recorder = {
    search(request: estypes.SearchRequest) {
      captured = request;
      return Promise.resolve({ hits: { hits: [] } });
    },
  };
  const search = new ElasticsearchEventSearch(recorder as unknown as Client, names);
  await search
    .search({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) })
    [Symbol.asyncIterator]()
    .next();
  if (!captured) throw new Error('ElasticsearchEventSearch sent no search');
  // filter_path is a URL parameter, not part of the body.
  const { index, filter_path: filterPath, ...body } = captured;
  const paths = filterPath === undefined ? [] : [filterPath].flat();
  const query = paths.length > 0 ? `?filter_path=${encodeURIComponent(paths.join(','))}` : '';
  return { index: String(index), query, body };
}
