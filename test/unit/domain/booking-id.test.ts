import { bookingIdOf, parseBookingId } from '../../../src/domain/booking-id';
import type { ZoneRef } from '../../../src/domain/zone-inventory';

const ZONE: ZoneRef = {
  providerId: 'fever',
  eventId: 'ef7d32ed-e065-5ffb-9cfe-3ae7de568901',
  zoneKey: '186:2',
};

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

describe('bookingIdOf', () => {
  it('decodes back to the zone and number it was made from', () => {
    expect(parseBookingId(bookingIdOf(ZONE, 17))).toEqual({ zone: ZONE, number: 17 });
  });

  it('is URL-safe, whatever characters the zone id has', () => {
    const zone = { ...ZONE, zoneKey: 'Платея/A?x=1&y=2#3 +ü:1' };
    const id = bookingIdOf(zone, 3);

    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseBookingId(id)).toEqual({ zone, number: 3 });
  });

  it('tells apart zones whose parts would run together if simply joined', () => {
    const a = bookingIdOf({ providerId: 'a:b', eventId: 'c', zoneKey: 'd:1' }, 1);
    const b = bookingIdOf({ providerId: 'a', eventId: 'b:c', zoneKey: 'd:1' }, 1);

    expect(a).not.toBe(b);
  });

  it('never changes across releases, because clients keep the ids they were given', () => {
    expect(bookingIdOf({ providerId: 'fever', eventId: 'e', zoneKey: '1:1' }, 1)).toBe(
      'WyJmZXZlciIsImUiLCIxOjEiLDFd',
    );
  });
});

describe('parseBookingId', () => {
  it.each([
    ['an empty string', ''],
    ['characters outside base64url', 'WyJmZXZlciIsImUiLCIxOjEiLDFd=='],
    ['text that is not JSON', Buffer.from('not json').toString('base64url')],
    ['a JSON object', encode({ providerId: 'fever', eventId: 'e', zoneKey: '1:1', number: 1 })],
    ['too few parts', encode(['fever', 'e', '1:1'])],
    ['too many parts', encode(['fever', 'e', '1:1', 1, 2])],
    ['an empty provider id', encode(['', 'e', '1:1', 1])],
    ['a non-string event id', encode(['fever', 7, '1:1', 1])],
    ['a zone key without its occurrence', encode(['fever', 'e', '186', 1])],
    ['a zone key with occurrence 0', encode(['fever', 'e', '186:0', 1])],
    ['number 0', encode(['fever', 'e', '1:1', 0])],
    ['a fractional number', encode(['fever', 'e', '1:1', 1.5])],
    ['a number given as a string', encode(['fever', 'e', '1:1', '1'])],
    ['another spelling of a valid array', Buffer.from('["fever", "e", "1:1", 1]').toString('base64url')],
    ['an id far longer than any booking id', 'A'.repeat(5000)],
  ])('refuses %s', (_case, id) => {
    expect(parseBookingId(id)).toBeNull();
  });
});
