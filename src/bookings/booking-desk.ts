import type { BookingView } from './booking-view';

/** A consumer's request to hold seats in one zone. */
export interface HoldCommand {
  /** Who asks: the consumer's key id, so two consumers' idempotency keys never collide. */
  consumer: string;
  idempotencyKey: string;
  eventId: string;
  zoneKey: string;
  quantity: number;
}

/** The payment provider's verdict on a held booking. */
export interface PaymentOutcome {
  status: 'succeeded' | 'failed';
  reference: string;
}

/** What the booking routes call; the zone's workflow decides every answer. */
export interface BookingDesk {
  hold(command: HoldCommand): Promise<BookingView>;
  pay(bookingId: string, outcome: PaymentOutcome): Promise<BookingView>;
  find(bookingId: string): Promise<BookingView>;
}
