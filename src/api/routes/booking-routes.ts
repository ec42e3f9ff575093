import type Router from '@koa/router';
import type { BookingDesk } from '../../bookings/booking-desk';
import {
  BookingRefusedError,
  BookingsUnavailableError,
  UnknownBookingError,
  UnknownZoneError,
  ZoneBusyError,
} from '../../bookings/booking-errors';
import type { BookingRefusalCode } from '../../domain/booking-refusal';
import {
  BookingRequestRefusedError,
  NotFoundError,
  ServiceUnavailableError,
  ZoneBusyApiError,
} from '../api-errors';
import type { ApiRouteHandler, ApiState } from '../api-state';
import { readJsonBody } from '../http/read-json-body';
import { parseBody } from './admin-input';
import { holdBody, idempotencyKeyOf, paymentBody } from './booking-input';

/** What each refusal of a zone's workflow answers with. */
const REFUSAL_STATUS: Record<BookingRefusalCode, 404 | 409 | 422> = {
  sold_out: 409,
  sales_frozen: 409,
  hold_expired: 409,
  booking_released: 409,
  booking_confirmed: 409,
  idempotency_key_reused: 422,
  quantity_above_limit: 422,
  invalid_quantity: 422,
  booking_not_found: 404,
  booking_forgotten: 404,
};

/** `POST /bookings`, `POST /bookings/{id}/payment` and `GET /bookings/{id}`, behind the consumer key. */
export function registerBookingRoutes(
  router: Router<ApiState>,
  desk: BookingDesk,
  auth: ApiRouteHandler,
): void {
  router.post('/bookings', auth, async (ctx) => {
    const idempotencyKey = idempotencyKeyOf(ctx.get('Idempotency-Key') || undefined);
    const body = parseBody(holdBody, await readJsonBody(ctx.req));
    const booking = await answer(() =>
      desk.hold({
        consumer: ctx.state.consumer!,
        idempotencyKey,
        eventId: body.event_id,
        zoneKey: body.zone_key,
        quantity: body.quantity,
      }),
    );
    ctx.status = 201;
    ctx.body = { data: { booking }, error: null };
  });
  router.post('/bookings/:id/payment', auth, async (ctx) => {
    const body = parseBody(paymentBody, await readJsonBody(ctx.req));
    const booking = await answer(() => desk.pay(ctx.params.id!, body));
    ctx.body = { data: { booking }, error: null };
  });
  router.get('/bookings/:id', auth, async (ctx) => {
    const booking = await answer(() => desk.find(ctx.params.id!));
    ctx.body = { data: { booking }, error: null };
  });
}

/** The desk's answer, its typed failures turned into the API's. */
async function answer<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw apiErrorOf(error);
  }
}

function apiErrorOf(error: unknown): unknown {
  if (error instanceof BookingRefusedError) {
    const { refused, message } = error.refusal;
    const status = REFUSAL_STATUS[refused] ?? 409;
    return status === 404
      ? new NotFoundError(message)
      : new BookingRequestRefusedError(status, refused, message);
  }
  if (error instanceof UnknownZoneError || error instanceof UnknownBookingError)
    return new NotFoundError(error.message);
  if (error instanceof ZoneBusyError) return new ZoneBusyApiError('the zone is busy; retry in a second');
  if (error instanceof BookingsUnavailableError)
    return new ServiceUnavailableError(error.message, { cause: error });
  return error;
}
