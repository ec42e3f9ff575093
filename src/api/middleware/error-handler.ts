import type { Logger } from 'pino';
import { ApiError } from '../api-errors';
import type { ApiMiddleware } from '../api-state';
import { errorBody } from '../http/error-body';
import { REQUEST_ID_HEADER } from './request-id';
import { SECURITY_HEADERS } from './security-headers';

/** Headers set before the failing handler ran that still describe the error response. */
const KEPT_HEADERS = new Set(
  [REQUEST_ID_HEADER, ...Object.keys(SECURITY_HEADERS)].map((h) => h.toLowerCase()),
);

/** What an error becomes: its status, contract error code, public message and extra headers. */
export interface Failure {
  status: number;
  code: string;
  message: string;
  headers: Record<string, string>;
}

/**
 * The one place errors become responses: typed {@link ApiError}s keep their status and public message,
 * client errors from Koa or the router keep theirs, and anything else is a 500 whose detail goes to the
 * log (with the request id) and never into the body.
 */
export function errorHandler(logger: Logger): ApiMiddleware {
  return async function errorHandlerMiddleware(ctx, next) {
    try {
      await next();
    } catch (err) {
      const failure = describeFailure(err);
      logFailure(logger, (ctx.state as { requestId?: string }).requestId, failure, err);
      if (ctx.res.headersSent) return;
      for (const name of ctx.res.getHeaderNames()) if (!KEPT_HEADERS.has(name)) ctx.res.removeHeader(name);
      for (const [name, value] of Object.entries(failure.headers)) ctx.res.setHeader(name, value);
      ctx.status = failure.status;
      ctx.body = errorBody(failure.code, failure.message);
    }
  };
}

/** The response an error becomes, the same wherever a request fails. */
export function describeFailure(err: unknown): Failure {
  if (err instanceof ApiError) {
    return { status: err.status, code: err.code, message: err.publicMessage, headers: err.headers };
  }
  const status = (err as { status?: unknown } | null)?.status;
  const exposed = (err as { expose?: unknown } | null)?.expose === true;
  if (typeof status === 'number' && status >= 400 && status < 500 && exposed) {
    return { status, code: 'bad_request', message: (err as Error).message, headers: {} };
  }
  return { status: 500, code: 'internal_error', message: 'internal error', headers: {} };
}

/** Logs a failed request: unexpected errors at error, unavailable dependencies at warn, client errors at debug. */
export function logFailure(
  logger: Logger,
  requestId: string | undefined,
  failure: Failure,
  err: unknown,
): void {
  const fields = { err, req_id: requestId, status: failure.status };
  if (!(err instanceof ApiError) && failure.status >= 500) logger.error(fields, 'request failed');
  else if (failure.status >= 500) logger.warn(fields, 'request failed: dependency unavailable');
  else logger.debug(fields, 'request rejected');
}
