/** Base of every error the API maps to an HTTP status and a contract error body (`{error:{code,message},data:null}`). */
export abstract class ApiError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /** Extra response headers the status needs (`Allow`, `WWW-Authenticate`). */
  readonly headers: Record<string, string> = {};

  /** Message safe to show the caller; 5xx errors keep their detail in `cause` for the logs only. */
  get publicMessage(): string {
    return this.message;
  }
}

/** Thrown when a query parameter is missing its value, repeated, malformed or out of range. */
export class InvalidQueryError extends ApiError {
  override name = 'InvalidQueryError';
  readonly status = 400;
  readonly code = 'invalid_parameter';
}

/** Thrown when `starts_at` is later than `ends_at`. */
export class InvalidRangeError extends ApiError {
  override name = 'InvalidRangeError';
  readonly status = 400;
  readonly code = 'invalid_range';
}

/** Thrown when a path parameter (event id, provider id) is malformed. */
export class InvalidPathParameterError extends ApiError {
  override name = 'InvalidPathParameterError';
  readonly status = 400;
  readonly code = 'invalid_parameter';
}

/** Thrown when a request body is not valid JSON or does not match the expected shape. */
export class InvalidBodyError extends ApiError {
  override name = 'InvalidBodyError';
  readonly status = 400;
  readonly code = 'invalid_body';
}

/** Thrown when an admin or booking route is called without a bearer token. */
export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
  readonly status = 401;
  readonly code = 'unauthorized';
  override readonly headers: Record<string, string>;
  constructor(message: string, realm: 'admin' | 'bookings' = 'admin') {
    super(message);
    this.headers = { 'WWW-Authenticate': `Bearer realm="${realm}"` };
  }
}

/** Thrown when an admin route is called with a bearer token that is not the configured one. */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
  readonly status = 403;
  readonly code = 'forbidden';
}

/** Thrown when no route matches the path, or the addressed resource does not exist. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  readonly status = 404;
  readonly code = 'not_found';
}

/** Thrown when an admin action or a products filter names a provider that is not configured. */
export class ProviderNotFoundError extends ApiError {
  override name = 'ProviderNotFoundError';
  readonly status = 404;
  readonly code = 'unknown_provider';
}

/** Thrown when an admin route is called on a server started without ADMIN_TOKEN. */
export class AdminDisabledError extends ApiError {
  override name = 'AdminDisabledError';
  readonly status = 404;
  readonly code = 'admin_disabled';
  constructor() {
    super('the admin API is disabled on this server');
  }
}

/** Thrown when a known path is called with a method it does not support. */
export class MethodNotAllowedError extends ApiError {
  override name = 'MethodNotAllowedError';
  readonly status = 405;
  readonly code = 'method_not_allowed';
  override readonly headers: Record<string, string>;
  constructor(allow: string) {
    super('method not allowed on this path');
    this.headers = { Allow: allow };
  }
}

/** Thrown when a request body exceeds the route's byte limit. */
export class PayloadTooLargeError extends ApiError {
  override name = 'PayloadTooLargeError';
  readonly status = 413;
  readonly code = 'payload_too_large';
  // The rest of the body is discarded unread; closing the connection keeps it from being parsed as a next request.
  override readonly headers = { Connection: 'close' };
}

/** Thrown when the request target (path plus query string) exceeds the length limit. */
export class UriTooLongError extends ApiError {
  override name = 'UriTooLongError';
  readonly status = 414;
  readonly code = 'uri_too_long';
}

/** Thrown when a request body is sent with a content type other than JSON. */
export class UnsupportedMediaTypeError extends ApiError {
  override name = 'UnsupportedMediaTypeError';
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}

/** Thrown when a backing service (Elasticsearch, Temporal) fails and there is nothing cached to answer with. */
export class ServiceUnavailableError extends ApiError {
  override name = 'ServiceUnavailableError';
  readonly status = 503;
  readonly code = 'unavailable';
  override get publicMessage(): string {
    return 'the service is temporarily unavailable, retry later';
  }
}

/** Thrown when `POST /bookings` comes without a usable `Idempotency-Key` header. */
export class IdempotencyKeyRequiredError extends ApiError {
  override name = 'IdempotencyKeyRequiredError';
  readonly status = 400;
  readonly code = 'idempotency_key_required';
}

/** Thrown when a zone's workflow refuses a booking request: 409 for the state it is in, 422 for a bad request. */
export class BookingRequestRefusedError extends ApiError {
  override name = 'BookingRequestRefusedError';
  constructor(
    readonly status: 409 | 422,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown when a zone has as many booking requests in flight as the API admits; retry after a second. */
export class ZoneBusyApiError extends ApiError {
  override name = 'ZoneBusyApiError';
  readonly status = 503;
  readonly code = 'zone_busy';
  override readonly headers = { 'Retry-After': '1' };
}
