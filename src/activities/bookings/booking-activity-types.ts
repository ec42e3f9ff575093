import type { Booking, ZoneAvailability, ZoneRef } from '../../domain/zone-inventory';

/** What a zone's workflow writes to the read model after a change: the zone and the bookings that changed. */
export interface ZonePublication {
  zone: ZoneRef;
  /** The zone's sequence number: the external version of its read-model document. */
  seq: number;
  capacityObservedAt: string;
  availability: ZoneAvailability;
  /** Bookings whose version is above what was last published. */
  bookings: Booking[];
  /** Workflow time of the change. */
  at: string;
}

/** A zone's capacity as the events index has it, and when the provider reported it. */
export interface ObservedCapacity {
  capacity: number;
  observedAt: string;
}
