/** What the booking API answered: the status, the error code if any, the booking if one came back. */
export interface BookingAnswer {
  /** 0 when no answer came (connection error or timeout). */
  status: number;
  /** `error.code` of the body (`zone_busy`, `sold_out`...), `timeout` or `network` without an answer. */
  code: string | null;
  booking: { id: string; status: string; quantity: number } | null;
}

// Longer than the desk's own 10 s deadline on Temporal, so a slow answer is measured, not cut short.
const REQUEST_TIMEOUT_MS = 15_000;

/** Holds and pays seats through the API, as one consumer key. */
export class BookingClient {
  constructor(
    private readonly url: string,
    private readonly consumerKey: string,
  ) {}

  /** `POST /bookings` with its own Idempotency-Key. */
  hold(eventId: string, zoneKey: string, quantity: number, idempotencyKey: string): Promise<BookingAnswer> {
    return this.post(
      '/bookings',
      { event_id: eventId, zone_key: zoneKey, quantity },
      { 'idempotency-key': idempotencyKey },
    );
  }

  /** `POST /bookings/{id}/payment`. */
  pay(bookingId: string, status: 'succeeded' | 'failed', reference: string): Promise<BookingAnswer> {
    return this.post(`/bookings/${encodeURIComponent(bookingId)}/payment`, { status, reference });
  }

  private async post(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<BookingAnswer> {
    try {
      const response = await fetch(`${this.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.consumerKey}`,
          ...headers,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const parsed = (await response.json().catch(() => ({}))) as {
        data?: { booking?: BookingAnswer['booking'] } | null;
        error?: { code?: string } | null;
      };
      return {
        status: response.status,
        code: parsed.error?.code ?? null,
        booking: parsed.data?.booking ?? null,
      };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      return { status: 0, code: timedOut ? 'timeout' : 'network', booking: null };
    }
  }
}
