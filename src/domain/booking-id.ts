import type { ZoneRef } from './zone-inventory';

/** Where a booking lives: its zone and its number there. */
export interface BookingAddress {
  zone: ZoneRef;
  number: number;
}

// Longer ids are not ours: a real one stays far below this, and decoding is bounded before it starts.
const MAX_ID_LENGTH = 2048;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const ZONE_KEY = /^.+:[1-9][0-9]*$/s;

/**
 * The public id of a booking: base64url of the JSON array `[providerId, eventId, zoneKey, number]`.
 * Opaque to clients, URL-safe, and enough on its own to find the zone's workflow again.
 */
export function bookingIdOf(zone: ZoneRef, number: number): string {
  const parts = [zone.providerId, zone.eventId, zone.zoneKey, number];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

/** The zone and number a booking id names, or null for anything {@link bookingIdOf} cannot have made. */
export function parseBookingId(id: string): BookingAddress | null {
  if (id.length > MAX_ID_LENGTH || !BASE64URL.test(id)) return null;
  const parts = decodeJson(Buffer.from(id, 'base64url').toString('utf8'));
  if (!Array.isArray(parts) || parts.length !== 4) return null;
  const [providerId, eventId, zoneKey, number] = parts as unknown[];
  if (!isName(providerId) || !isName(eventId) || !isName(zoneKey) || !ZONE_KEY.test(zoneKey)) return null;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) return null;
  const address = { zone: { providerId, eventId, zoneKey }, number };
  // One booking, one id: other spellings of the same array (spaces, padding, escapes) are refused.
  return bookingIdOf(address.zone, number) === id ? address : null;
}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
