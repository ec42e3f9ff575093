import type { ZoneRef } from '../domain/zone-inventory';

/**
 * The id of a zone's entity workflow: from provider, event and zone, plus the deployment (index prefix) so
 * two deployments on one Temporal namespace never share a zone.
 */
export function zoneWorkflowId(deployment: string, zone: ZoneRef): string {
  return `zone-${zone.providerId}.${deployment}-${zone.eventId}-${zone.zoneKey}`;
}
