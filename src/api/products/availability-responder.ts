import type { Context } from 'koa';
import type { Logger } from 'pino';
import { negotiateEncoding } from '../http/negotiate-encoding';
import { prepareBody } from '../http/prepared-body';
import { sendPreparedBody } from '../http/send-prepared-body';
import { cacheHeaders, type GenerationCache } from '../search/generation-cache';
import { JSON_TYPE } from '../search/search-responder';

/**
 * Sends the products API's dates and slots in the contract's envelope, cached per data generation as
 * searches are: a current answer from the cache, else one read for every caller waiting on the same key, or
 * the key's older answer when Elasticsearch fails; with `ETag`, `X-Cache` and 304s.
 */
export class AvailabilityResponder {
  constructor(
    private readonly answers: GenerationCache,
    private readonly logger: Logger,
  ) {}

  /** Sends `{ data, error: null }` for `key`, reading `data` only when no current answer is cached. */
  async send(ctx: Context, key: string, read: () => Promise<unknown>): Promise<void> {
    const encoding = negotiateEncoding(ctx.req.headers['accept-encoding']);
    const answer = await this.answers.answer(key, encoding, async (encodings) => {
      const data = await read().catch((err: unknown) => {
        // Logged once per read, not once per caller waiting on it.
        this.logger.warn({ err, key }, 'availability query failed');
        throw err;
      });
      return prepareBody(Buffer.from(JSON.stringify({ data, error: null }), 'utf8'), JSON_TYPE, encodings);
    });
    ctx.state.cache = answer.cache;
    const headers = cacheHeaders(answer.cache);
    for (let i = 0; i < headers.length; i += 2) ctx.res.setHeader(headers[i]!, headers[i + 1]!);
    sendPreparedBody(ctx, answer.body);
  }
}
