/** One zone of one event session, as bookings address it. */
export interface ZoneRef {
  providerId: string;
  eventId: string;
  zoneKey: string;
}

/** Where a booking stands: `held` until paid, then `confirmed`, or ended as `released` or `expired`. */
export type BookingStatus = 'held' | 'confirmed' | 'released' | 'expired';

/** One step of a booking's life, with the workflow time it happened at. */
export interface BookingStep {
  status: BookingStatus;
  at: string;
  /** Why a booking ended: `payment_failed`, `capacity_reduced`, `hold_ttl`. */
  reason?: string;
}

/** A booking as the zone's workflow keeps it. */
export interface Booking {
  number: number;
  quantity: number;
  status: BookingStatus;
  expiresAt: string;
  paymentReference: string | null;
  history: BookingStep[];
  /** The zone's sequence number when this booking last changed: its read-model version. */
  version: number;
}

/**
 * An accepted hold's idempotency key (scoped to the consumer), a digest of its request body, and the
 * first answer: booking number, quantity and expiry (ms). Kept as a tuple: many are carried across
 * continue-as-new.
 */
export type RememberedKey = [
  key: string,
  fingerprint: string,
  number: number,
  quantity: number,
  expiresAtMs: number,
];

/** Everything a zone's entity workflow owns; carried whole across continue-as-new. */
export interface ZoneInventory {
  zone: ZoneRef;
  /** Seats the provider says this zone has for sale through us (see README: reconciliation). */
  capacity: number;
  capacityObservedAt: string;
  /** Held and confirmed bookings, and recently ended ones (see {@link forgetEndedBookings}). */
  bookings: Booking[];
  /** Oldest first, at most {@link MAX_REMEMBERED_KEYS}. */
  keys: RememberedKey[];
  nextNumber: number;
  /** Bumped by every change; the read model's external version. */
  seq: number;
  /** Confirmed seats beyond capacity after a capacity drop; new holds are refused while > 0. */
  shortfall: number;
}

/** Seat counts of a zone, as the read model and the API show them. */
export interface ZoneAvailability {
  capacity: number;
  held: number;
  confirmed: number;
  /** capacity - held - confirmed, never below 0. */
  available: number;
  shortfall: number;
}

/** Idempotency keys a zone remembers: enough for retries, small enough to carry across continue-as-new. */
export const MAX_REMEMBERED_KEYS = 2000;
/** Ended bookings stay in the workflow this long, then only the read model has them. */
export const ENDED_BOOKINGS_KEPT_MS = 60 * 60 * 1000;
export const MAX_ENDED_BOOKINGS = 200;

/** A new zone's inventory, seeded with the capacity the events index showed. */
export function newZoneInventory(zone: ZoneRef, capacity: number, observedAt: string): ZoneInventory {
  return {
    zone,
    capacity,
    capacityObservedAt: observedAt,
    bookings: [],
    keys: [],
    nextNumber: 1,
    seq: 0,
    shortfall: 0,
  };
}

/** Seat counts of the zone now. */
export function availabilityOf(inventory: ZoneInventory): ZoneAvailability {
  const held = seatsIn(inventory, 'held');
  const confirmed = seatsIn(inventory, 'confirmed');
  return {
    capacity: inventory.capacity,
    held,
    confirmed,
    available: Math.max(0, inventory.capacity - held - confirmed),
    shortfall: inventory.shortfall,
  };
}

/** The booking numbered `number`, if the workflow still keeps it. */
export function bookingNumbered(inventory: ZoneInventory, number: number): Booking | undefined {
  return inventory.bookings.find((booking) => booking.number === number);
}

/**
 * Drops ended bookings older than {@link ENDED_BOOKINGS_KEPT_MS}, and the oldest beyond
 * {@link MAX_ENDED_BOOKINGS}, once the read model has them (version at most `publishedSeq`).
 */
export function forgetEndedBookings(inventory: ZoneInventory, nowMs: number, publishedSeq: number): void {
  const ended = inventory.bookings.filter(
    (b) => (b.status === 'released' || b.status === 'expired') && b.version <= publishedSeq,
  );
  const endedAt = (b: Booking) => Date.parse(b.history[b.history.length - 1]!.at);
  const keep = new Set(
    ended
      .filter((b) => nowMs - endedAt(b) < ENDED_BOOKINGS_KEPT_MS)
      .sort((a, b) => endedAt(b) - endedAt(a))
      .slice(0, MAX_ENDED_BOOKINGS),
  );
  const forgotten = new Set(ended.filter((b) => !keep.has(b)));
  inventory.bookings = inventory.bookings.filter((b) => !forgotten.has(b));
}

function seatsIn(inventory: ZoneInventory, status: BookingStatus): number {
  return inventory.bookings.filter((b) => b.status === status).reduce((sum, b) => sum + b.quantity, 0);
}

/** When the next hold expires (ms), or undefined when nothing is held. */
export function nextExpiryMs(inventory: ZoneInventory): number | undefined {
  const held = inventory.bookings.filter((b) => b.status === 'held').map((b) => Date.parse(b.expiresAt));
  return held.length ? Math.min(...held) : undefined;
}
