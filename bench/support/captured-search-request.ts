import type { Client } from '@elastic/elasticsearch';
import { ElasticsearchEventSearch } from '../../src/search/elasticsearch-event-search';
import type { IndexNames } from '../../src/search/index-names';
import type { SearchTransport } from '../../src/search/search-transport';

/** A `_search` request as sent on the wire: the target under the node's URL, and the JSON body. */
export interface CapturedSearchRequest {
  path: string;
  body: string;
}

/**
 * The exact `_search` request ElasticsearchEventSearch sends for a window, captured by running it
 * against a transport that records the call instead of sending it, so the direct baseline cannot drift.
 */
export async function capturedSearchRequest(
  names: IndexNames,
  startsAt: string,
  endsAt: string,
): Promise<CapturedSearchRequest> {
  let captured: CapturedSearchRequest | undefined;
  const recorder: SearchTransport = {
    post(path, body) {
      captured = { path, body };
      return Promise.resolve({ hits: { hits: [] } });
    },
  };
  // The client only serves paging past the first page, which an empty answer never reaches.
  const search = new ElasticsearchEventSearch({} as Client, names, recorder);
  await search
    .search({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) })
    [Symbol.asyncIterator]()
    .next();
  if (!captured) throw new Error('ElasticsearchEventSearch sent no search');
  return captured;
}
