import type { Logger } from 'pino';
import type { ZoneAvailability, ZoneRef } from '../../domain/zone-inventory';
import type { BookingReadModel } from '../../search/booking-read-model';
import type { ObservedCapacity, ZonePublication } from './booking-activity-types';
import { reconcileZoneCapacities, type SignalZoneCapacity } from './reconcile-zone-capacities';

/** What the booking activities need; `worker.ts` builds it. */
export interface BookingActivityDeps {
  readModel: BookingReadModel;
  /** Tells a zone's workflow the capacity a sync saw (a Temporal signal). */
  signalZoneCapacity: SignalZoneCapacity;
  logger: Logger;
}

/** The activities of zone workflows, and the one a sync calls to tell them about capacity changes. */
export function createBookingActivities(deps: BookingActivityDeps) {
  return {
    /** Makes a new zone findable by syncs, then returns its capacity in the events index (null if gone). */
    async registerZone(zone: ZoneRef, availability: ZoneAvailability): Promise<ObservedCapacity | null> {
      await deps.readModel.registerZone(zone, availability);
      return deps.readModel.indexedCapacity(zone);
    },

    /** Writes a zone's availability and its changed bookings; older writes never overwrite newer ones. */
    async publishZone(publication: ZonePublication): Promise<void> {
      await deps.readModel.publish(publication);
    },

    /** Signals every zone of the provider whose capacity in the events index differs from its workflow's. */
    async reconcileZones(providerId: string): Promise<{ signalled: number }> {
      return reconcileZoneCapacities(deps.readModel, providerId, deps.signalZoneCapacity, deps.logger);
    },
  };
}

/** The booking activity functions a workflow proxies. */
export type BookingActivities = ReturnType<typeof createBookingActivities>;
