import { InvalidTimeZoneError } from '../../../src/domain/invalid-time-zone-error';
import {
  localDateTimeToInstant,
  parseLocalDateTime,
  type LocalDateTime,
} from '../../../src/domain/local-date-time';

function instant(value: string, timeZone: string): string {
  return localDateTimeToInstant(parseLocalDateTime(value) as LocalDateTime, timeZone).toISOString();
}

describe('parseLocalDateTime', () => {
  it('reads a wall-clock value into its parts', () => {
    expect(parseLocalDateTime('2021-06-30T21:05:09')).toEqual({
      year: 2021,
      month: 6,
      day: 30,
      hour: 21,
      minute: 5,
      second: 9,
    });
  });

  it.each([
    '2021-09-31T20:00:00',
    '2021-02-30T00:00:00',
    '2021-02-29T00:00:00',
    '1900-02-29T00:00:00',
    '2021-04-31T00:00:00',
  ])('rejects %s, a date that does not exist', (value) => {
    expect(parseLocalDateTime(value)).toBeNull();
  });

  it.each(['2020-02-29T00:00:00', '2000-02-29T23:59:59', '2021-12-31T00:00:00'])(
    'accepts %s, a real date',
    (value) => {
      expect(parseLocalDateTime(value)).not.toBeNull();
    },
  );

  it.each([
    '',
    'tomorrow',
    '2021-06-30',
    '2021-06-30 21:00:00',
    '2021-06-30T21:00',
    '2021-06-30T21:00:00Z',
    '2021-06-30T21:00:00+02:00',
    '2021-06-30T21:00:00.000',
    ' 2021-06-30T21:00:00',
    '2021-6-30T21:00:00',
    '2021-00-10T21:00:00',
    '2021-13-10T21:00:00',
    '2021-06-00T21:00:00',
    '2021-06-30T24:00:00',
    '2021-06-30T21:60:00',
    '2021-06-30T21:00:60',
    '２０２１-06-30T21:00:00',
  ])('rejects %j, which is not YYYY-MM-DDTHH:mm:ss', (value) => {
    expect(parseLocalDateTime(value)).toBeNull();
  });
});

describe('localDateTimeToInstant', () => {
  it('reads Europe/Madrid summer time as UTC+2 and winter time as UTC+1', () => {
    expect(instant('2021-06-30T21:00:00', 'Europe/Madrid')).toBe('2021-06-30T19:00:00.000Z');
    expect(instant('2021-02-10T20:00:00', 'Europe/Madrid')).toBe('2021-02-10T19:00:00.000Z');
  });

  it('keeps UTC wall-clock values as they are', () => {
    expect(instant('2021-06-30T21:00:00', 'UTC')).toBe('2021-06-30T21:00:00.000Z');
  });

  it('shifts a time inside a spring-forward gap forward by the gap', () => {
    // 02:30 does not exist in Madrid on 2021-03-28; the clock read 03:30 CEST an hour after 01:30 CET.
    expect(instant('2021-03-28T02:30:00', 'Europe/Madrid')).toBe('2021-03-28T01:30:00.000Z');
  });

  it('takes the earlier instant for a time that happens twice at fall-back', () => {
    expect(instant('2021-10-31T02:30:00', 'Europe/Madrid')).toBe('2021-10-31T00:30:00.000Z');
    expect(instant('2021-11-07T01:30:00', 'America/New_York')).toBe('2021-11-07T05:30:00.000Z');
  });

  it('resolves a fall-back time the same way whatever today’s date is', () => {
    const results = ['2021-07-01T12:00:00Z', '2021-12-01T12:00:00Z'].map((now) => {
      jest.useFakeTimers({ now: new Date(now) });
      return instant('2021-10-31T02:30:00', 'Europe/Madrid');
    });
    jest.useRealTimers();

    expect(results).toEqual(['2021-10-31T00:30:00.000Z', '2021-10-31T00:30:00.000Z']);
  });

  it('handles half-hour zones and years before 100', () => {
    expect(instant('2021-06-30T21:00:00', 'Asia/Kolkata')).toBe('2021-06-30T15:30:00.000Z');
    expect(instant('0050-01-01T00:00:00', 'UTC')).toBe('0050-01-01T00:00:00.000Z');
  });

  it('refuses a time zone that is not an IANA zone', () => {
    expect(() => instant('2021-06-30T21:00:00', 'Mars/Olympus_Mons')).toThrow(InvalidTimeZoneError);
    expect(() => instant('2021-06-30T21:00:00', '')).toThrow(InvalidTimeZoneError);
  });
});
