import type { Client } from '@temporalio/client';
import { zoneWorkflowId } from '../../src/bookings/zone-workflow-id';
import type { ZoneRef } from '../../src/domain/zone-inventory';
import { zoneQuery } from '../../src/workflows/zone-inventory-workflow';

/** A zone's seats as its workflow holds them: the authoritative count, not the read model's copy. */
export interface ZoneSeats {
  zoneKey: string;
  eventId: string;
  capacity: number;
  held: number;
  confirmed: number;
  /** Seats held or confirmed beyond capacity. */
  oversold: number;
}

/** Asks each zone's workflow (`zoneQuery`) for its seats, `deployment` being the API's index prefix. */
export function readZoneSeats(temporal: Client, deployment: string, zones: ZoneRef[]): Promise<ZoneSeats[]> {
  return Promise.all(
    zones.map(async (zone) => {
      const handle = temporal.workflow.getHandle(zoneWorkflowId(deployment, zone));
      const { availability } = await handle.query(zoneQuery);
      const { capacity, held, confirmed } = availability;
      return {
        zoneKey: zone.zoneKey,
        eventId: zone.eventId,
        capacity,
        held,
        confirmed,
        oversold: Math.max(0, held + confirmed - capacity),
      };
    }),
  );
}
