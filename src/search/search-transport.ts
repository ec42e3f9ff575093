import { Pool, errors as undiciErrors } from 'undici';
import type { ElasticsearchConnection } from './elasticsearch-connection';

/** Sends a `_search` body to a path of the cluster and answers the parsed response. */
export interface SearchTransport {
  /** `path` is the request target under the node's URL, e.g. `/events/_search?filter_path=hits.hits.fields`. */
  post(path: string, body: string): Promise<unknown>;
}

/** Elasticsearch answered a search with an error status. */
export class SearchResponseError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorType: string | undefined,
    reason: string,
  ) {
    super(`Elasticsearch answered ${statusCode}${errorType ? ` ${errorType}` : ''}: ${reason}`);
    this.name = 'SearchResponseError';
  }
}

// Failures before Elasticsearch answered anything: a search is read-only, so sending it again is safe.
const RETRYABLE_CODES = new Set(['UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNRESET', 'EPIPE']);
const MAX_ERROR_REASON_CHARS = 500;

/**
 * The search requests of the API, sent with undici straight to the node. The official client costs about
 * a quarter of the API's CPU per uncached search (abort signals, diagnostics events, streamed string
 * decoding, a second JSON scan), which on shared cores comes out of Elasticsearch's share. Everything else
 * (writes, point in time, health) keeps going through the client; both are built from one
 * {@link ElasticsearchConnection}, so credentials and TLS are configured once.
 */
export class UndiciSearchTransport implements SearchTransport {
  private readonly pool: Pool;
  private readonly pathPrefix: string;
  private readonly headers: Record<string, string>;

  constructor(connection: ElasticsearchConnection, options: { connections?: number } = {}) {
    const node = new URL(connection.node);
    const timeout = connection.requestTimeoutMs;
    this.pool = new Pool(node.origin, {
      connections: options.connections ?? 256,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      keepAliveTimeout: 60_000,
      connect: connection.ca ? { ca: connection.ca } : undefined,
    });
    this.pathPrefix = node.pathname.replace(/\/$/, '');
    this.headers = { ...connection.headers, 'content-type': 'application/json', accept: 'application/json' };
  }

  async post(path: string, body: string): Promise<unknown> {
    try {
      return await this.send(path, body);
    } catch (err) {
      if (!isRetryable(err)) throw err;
      return this.send(path, body);
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async send(path: string, body: string): Promise<unknown> {
    const response = await this.pool.request({
      method: 'POST',
      path: `${this.pathPrefix}${path}`,
      headers: this.headers,
      body,
    });
    const text = await response.body.text();
    if (response.statusCode >= 300) throw responseError(response.statusCode, text);
    return JSON.parse(text) as unknown;
  }
}

function isRetryable(err: unknown): boolean {
  if (err instanceof undiciErrors.HeadersTimeoutError || err instanceof undiciErrors.BodyTimeoutError)
    return false;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

function responseError(statusCode: number, text: string): SearchResponseError {
  try {
    const parsed = JSON.parse(text) as { error?: { type?: string; reason?: string } | string };
    if (typeof parsed.error === 'object' && parsed.error !== null) {
      return new SearchResponseError(statusCode, parsed.error.type, parsed.error.reason ?? text);
    }
  } catch {
    // Not JSON (a proxy's error page): the text itself is the reason.
  }
  return new SearchResponseError(statusCode, undefined, text.slice(0, MAX_ERROR_REASON_CHARS));
}
