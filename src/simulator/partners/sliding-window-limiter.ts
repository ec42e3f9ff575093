/** How many requests one API key may make in any window of `perSeconds`. */
export interface RateLimit {
  requests: number;
  perSeconds: number;
}

/** The limiter's verdict on one request. */
export type RateLimitDecision =
  | { allowed: true; remaining: number }
  | {
      allowed: false;
      /** Epoch ms at which a request will be accepted again, if no other is accepted before. */
      resetAt: number;
      /** Whole seconds until `resetAt`, at least 1, as Retry-After says it. */
      retryAfterSeconds: number;
    };

/**
 * An exact sliding-log limiter: a request at `t` is accepted when fewer than `requests` accepted
 * requests lie in `(t - window, t]`. Refused requests are not logged, so a client that keeps asking
 * while refused does not push its own reset further away; that is how partners count.
 */
export class SlidingWindowLimiter {
  /** Times of accepted requests, oldest first; never more than `limit.requests` of them. */
  private readonly accepted: number[] = [];

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number,
  ) {}

  /** Decides on a request made now, and logs it when accepted. */
  take(): RateLimitDecision {
    const now = this.now();
    const windowMs = this.limit.perSeconds * 1000;
    // A timestamp exactly one window old has left the window: (t - window, t] excludes it.
    while (this.accepted.length > 0 && (this.accepted[0] as number) <= now - windowMs) this.accepted.shift();
    if (this.accepted.length < this.limit.requests) {
      this.accepted.push(now);
      return { allowed: true, remaining: this.limit.requests - this.accepted.length };
    }
    const resetAt = (this.accepted[0] as number) + windowMs;
    return { allowed: false, resetAt, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
  }
}
