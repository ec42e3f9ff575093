import { InvalidTimeZoneError } from '../../../src/domain/invalid-time-zone-error';
import { assertValidTimeZone, isValidTimeZone } from '../../../src/domain/time-zone';

describe('isValidTimeZone', () => {
  it.each(['UTC', 'Etc/UTC', 'Europe/Madrid', 'America/New_York'])('accepts the IANA zone %s', (name) => {
    expect(isValidTimeZone(name)).toBe(true);
  });

  it.each(['', 'Mars/Olympus_Mons', 'UTC+2', '+02:00', 'CEST '])('refuses %j', (name) => {
    expect(isValidTimeZone(name)).toBe(false);
  });
});

describe('assertValidTimeZone', () => {
  it('throws InvalidTimeZoneError naming the bad zone', () => {
    expect(() => assertValidTimeZone('Europe/Nowhere')).toThrow(InvalidTimeZoneError);
    expect(() => assertValidTimeZone('Europe/Nowhere')).toThrow('"Europe/Nowhere"');
  });
});
