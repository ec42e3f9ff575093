import { IANAZone } from 'luxon';
import { InvalidTimeZoneError } from './invalid-time-zone-error';

/** Whether `name` is an IANA time zone this runtime knows (`UTC` included). */
export function isValidTimeZone(name: string): boolean {
  return name !== '' && IANAZone.create(name).isValid;
}

/** The zone named `name`; throws InvalidTimeZoneError for names that are not IANA zones. */
export function ianaZone(name: string): IANAZone {
  // IANAZone.create caches one instance per name and checks validity once, unlike isValidZone.
  const zone = IANAZone.create(name);
  if (name === '' || !zone.isValid) throw new InvalidTimeZoneError(name);
  return zone;
}

/** Throws InvalidTimeZoneError unless `name` is an IANA zone, so bad configuration fails early. */
export function assertValidTimeZone(name: string): void {
  ianaZone(name);
}
