import fc from 'fast-check';
import { parseRfc3339 } from '../../../src/api/search/parse-rfc3339';

describe('parseRfc3339', () => {
  it('reads every instant back from its ISO string', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => {
          expect(parseRfc3339(date.toISOString())?.getTime()).toBe(date.getTime());
        },
      ),
    );
  });

  it('reads the same instant whatever offset it is written in', () => {
    fc.assert(
      fc.property(fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), (offset) => {
        const instant = Date.UTC(2021, 5, 30, 21, 0, 0);
        const local = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
        const abs = Math.abs(offset);
        const suffix = `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(parseRfc3339(`${local}${suffix}`)?.getTime()).toBe(instant);
      }),
    );
  });

  it('accepts February 29 in leap years only', () => {
    expect(parseRfc3339('2024-02-29T00:00:00Z')).not.toBeNull();
    expect(parseRfc3339('2000-02-29T00:00:00Z')).not.toBeNull();
    expect(parseRfc3339('1900-02-29T00:00:00Z')).toBeNull();
    expect(parseRfc3339('2023-02-29T00:00:00Z')).toBeNull();
  });

  it('keeps years below 100 as written', () => {
    expect(parseRfc3339('0042-03-01T00:00:00Z')?.toISOString()).toBe('0042-03-01T00:00:00.000Z');
  });

  it('reads a leap second at 23:59:60 UTC (in any offset) as the next midnight', () => {
    expect(parseRfc3339('2016-12-31T23:59:60Z')?.toISOString()).toBe('2017-01-01T00:00:00.000Z');
    expect(parseRfc3339('2016-12-31T18:59:60-05:00')?.toISOString()).toBe('2017-01-01T00:00:00.000Z');
  });

  it('rounds sub-millisecond digits up for a lower bound and down for an upper bound', () => {
    expect(parseRfc3339('2021-01-01T00:00:00.0001Z', 'ceil')?.getUTCMilliseconds()).toBe(1);
    expect(parseRfc3339('2021-01-01T00:00:00.9999Z', 'floor')?.getUTCMilliseconds()).toBe(999);
  });

  test.each([
    '2021-02-30T00:00:00Z',
    '2021-04-31T00:00:00Z',
    '2021-00-10T00:00:00Z',
    '2021-01-01T00:60:00Z',
    '2021-01-01 00:00:00Z',
    '2021-01-01T00:00Z',
    '2021-01-01T00:00:00+0100',
    '2021-01-01T00:00:00.Z',
    '21-01-01T00:00:00Z',
    ' 2021-01-01T00:00:00Z',
    '2021-01-01T00:00:00Z\n',
    '',
  ])('rejects %j', (text) => {
    expect(parseRfc3339(text)).toBeNull();
  });
});
