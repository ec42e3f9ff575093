import { IANAZone } from 'luxon';
import { InvalidTimeZoneError } from './invalid-time-zone-error';

/** Whether `name` is an IANA time zone this runtime knows (`UTC` included). */
export function isValidTimeZone(name: string): boolean {
  return knownZone(name) !== null;
}

/** The zone named `name`; throws InvalidTimeZoneError for names that are not IANA zones. */
export function ianaZone(name: string): IANAZone {
  const zone = knownZone(name);
  if (zone === null) throw new InvalidTimeZoneError(name);
  return zone;
}

/** Throws InvalidTimeZoneError unless `name` is an IANA zone, so bad configuration fails early. */
export function assertValidTimeZone(name: string): void {
  ianaZone(name);
}

function knownZone(name: string): IANAZone | null {
  // IANAZone.create caches one instance per name and checks validity once, unlike isValidZone.
  const zone = IANAZone.create(name);
  return name !== '' && zone.isValid ? zone : null;
}
