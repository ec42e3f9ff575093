import type { ZonePublication } from '../../../../src/activities/bookings/booking-activity-types';
import type { BookingActivities } from '../../../../src/activities/bookings/create-booking-activities';

/**
 * Stand-ins for a zone's read-model activities, for tests about the workflow's decisions: a zone's
 * capacity is never found in the index, and what the workflow publishes is kept in `published`.
 */
export function recordingBookingActivities(): {
  activities: BookingActivities;
  published: ZonePublication[];
} {
  const published: ZonePublication[] = [];
  return {
    published,
    activities: {
      registerZone: () => Promise.resolve(null),
      publishZone: (publication) => {
        published.push(publication);
        return Promise.resolve();
      },
      reconcileZones: () => Promise.resolve({ signalled: 0 }),
    },
  };
}
