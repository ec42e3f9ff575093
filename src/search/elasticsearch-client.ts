import { Client } from '@elastic/elasticsearch';

/** An Elasticsearch client with bounded timeouts, so a down node fails requests fast instead of hanging. */
export function createElasticsearchClient(url: string, options: { requestTimeoutMs?: number } = {}): Client {
  return new Client({
    node: url,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    maxRetries: 1,
    compression: false,
  });
}
