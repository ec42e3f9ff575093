import type { Logger } from 'pino';
import { ApiError } from '../api-errors';
import type { ApiMiddleware } from '../api-state';
import { errorBody, type ErrorBody } from '../http/error-body';
import { REQUEST_ID_HEADER } from '../http/request-id';
import { SECURITY_HEADERS } from '../http/security-headers';

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

/** An error as the response it becomes: status, the headers it adds, and the contract's error body. */
export interface FailureResponse {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
}

/**
 * The one place errors become responses, for Koa's routes and the search fast path alike: typed
 * {@link ApiError}s keep their status and public message, client errors from Koa or the router keep theirs,
 * and anything else is a 500 whose detail goes to the log (with the request id) and never into the body.
 */
export function failureResponse(
  logger: Logger,
  requestId: string | undefined,
  err: unknown,
): FailureResponse {
  const failure = describeFailure(err);
  logFailure(logger, requestId, failure, err);
  return { status: failure.status, headers: failure.headers, body: errorBody(failure.code, failure.message) };
}

/** Answers a route's error with its {@link failureResponse}, keeping the headers every response carries. */
export function errorHandler(logger: Logger): ApiMiddleware {
  return async function errorHandlerMiddleware(ctx, next) {
    try {
      await next();
    } catch (err) {
      const failure = failureResponse(logger, ctx.state.requestId, err);
      if (ctx.res.headersSent) return;
      for (const name of ctx.res.getHeaderNames()) if (!KEPT_HEADERS.has(name)) ctx.res.removeHeader(name);
      for (const [name, value] of Object.entries(failure.headers)) ctx.res.setHeader(name, value);
      ctx.status = failure.status;
      ctx.body = failure.body;
    }
  };
}

/** What an error means for its response: status, contract code, public message, extra headers. */
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
