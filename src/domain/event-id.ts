import { uuidV5 } from './uuid-v5';

/**
 * Namespace of every event id. Generated once at random for this system; changing it would give
 * every stored event a new id, so it never changes.
 */
export const EVENT_ID_NAMESPACE = '9c310733-4148-4fc5-8726-03820cd94ad3';

/** Stable, provider-unique id of one session: UUIDv5 of `provider:base_event_id:event_id`. */
export function eventId(providerId: string, baseEventId: string, providerEventId: string): string {
  const name = [providerId, baseEventId, providerEventId].map(escapeSeparator).join(':');
  return uuidV5(name, EVENT_ID_NAMESPACE);
}

// Feed ids are opaque strings: escaping `:` keeps ("1:2", "3") and ("1", "2:3") apart, while the
// plain numeric ids that real feeds use hash exactly as `provider:base_event_id:event_id`.
function escapeSeparator(part: string): string {
  return part.replace(/%/g, '%25').replace(/:/g, '%3A');
}
