import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { AccessLog } from '../middleware/access-log';
import { REQUEST_ID_HEADER, requestIdFor } from './request-id';
import { SECURITY_HEADERS } from './security-headers';

/** One request in flight: its id and start, and what its answer reports for the access line. */
export interface Exchange {
  readonly requestId: string;
  readonly started: number;
  /** Route template (`/events/:id`) or `unmatched`: a bounded label. */
  route: string;
  path: string;
  /** How the search cache answered, on search responses. */
  cache?: string;
}

/** Answers some requests ahead of Koa: true when it took the request, which it then answers and finishes. */
export type FastHandler = (req: IncomingMessage, res: ServerResponse, exchange: Exchange) => boolean;

/** Koa's request listener (`app.callback()`), which resolves once the response is written. */
type KoaListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * What every request of the API goes through, however it is answered: the one place that names a request,
 * sets the headers every response carries, and records its access line and duration. The search fast path
 * and Koa's routes both answer inside it; errors become responses in one function too (`failureResponse`).
 */
export class RequestEnvelope {
  private readonly exchanges = new WeakMap<IncomingMessage, Exchange>();
  private readonly common: readonly string[] = [
    REQUEST_ID_HEADER,
    '',
    ...Object.entries(SECURITY_HEADERS).flat(),
  ];

  constructor(private readonly log: AccessLog) {}

  /** The API's listener: `fast` first, then Koa for whatever it leaves. */
  listener(koa: KoaListener, fast?: FastHandler): RequestListener {
    return (req, res) => {
      const exchange = {
        requestId: requestIdFor(req),
        started: performance.now(),
        route: 'unmatched',
        path: '',
      };
      if (fast?.(req, res, exchange)) return;
      this.exchanges.set(req, exchange);
      res.setHeader(REQUEST_ID_HEADER, exchange.requestId);
      for (let i = 2; i < this.common.length; i += 2) res.setHeader(this.common[i]!, this.common[i + 1]!);
      void koa(req, res).then(() => this.finish(exchange, req.method ?? '', res.statusCode));
    };
  }

  /** The exchange of a request Koa is answering (see exchange-state.ts). */
  exchangeOf(req: IncomingMessage): Exchange | undefined {
    return this.exchanges.get(req);
  }

  /**
   * `headers` (name/value pairs) after the ones every response carries, the request id's value left blank
   * at index 1: a fast handler builds this once per kind of response and fills in each request's id.
   */
  withCommonHeaders(headers: readonly string[]): string[] {
    return [...this.common, ...headers];
  }

  /** Records an answered request: its access line and its observation in the HTTP histogram. */
  finish(exchange: Exchange, method: string, status: number): void {
    this.log.record({
      requestId: exchange.requestId,
      method,
      route: exchange.route,
      path: exchange.path,
      status,
      seconds: (performance.now() - exchange.started) / 1000,
      cache: exchange.cache,
    });
  }
}
