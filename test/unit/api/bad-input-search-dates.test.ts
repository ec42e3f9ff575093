import { createContractValidator } from '../../support/contract';
import { createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const contract = createContractValidator('/search');

/** [what the value is, value as it goes in the query string (already percent-encoded), status]. */
type DateCase = [string, string, 200 | 400];

// Decisions, all per RFC 3339 §5.6-5.7 (the contract's `format: date-time`): hour 24 is ISO 8601 only, so
// 24:00:00 is refused; a leap second is accepted only where one can fall (23:59:60 in UTC); "T" and "Z" may be
// lower case but not replaced by a space; years are exactly four digits, 0000 included, no sign.
const DATES: DateCase[] = [
  ['February 30', '2021-02-30T00:00:00Z', 400],
  ['April 31', '2021-04-31T00:00:00Z', 400],
  ['month 13', '2021-13-01T00:00:00Z', 400],
  ['month 00', '2021-00-10T00:00:00Z', 400],
  ['day 00', '2021-01-00T00:00:00Z', 400],
  ['February 29 of a common year', '2021-02-29T00:00:00Z', 400],
  ['February 29 of 1900 (not a leap year)', '1900-02-29T00:00:00Z', 400],
  ['February 29 of 2000 (a leap year)', '2000-02-29T00:00:00Z', 200],
  ['24:00:00 (end of day in ISO 8601, not RFC 3339)', '2021-01-01T24:00:00Z', 400],
  ['minute 60', '2021-01-01T10:60:00Z', 400],
  ['second 61', '2016-12-31T23:59:61Z', 400],
  ['a leap second at 23:59:60 UTC', '2016-12-31T23:59:60Z', 200],
  ['a leap second at 23:59:60 UTC written in -05:00', '2016-12-31T18:59:60-05:00', 200],
  ['second 60 at another minute', '2021-06-30T12:59:60Z', 400],
  ['year 0000', '0000-01-01T00:00:00Z', 200],
  ['year 0000 whose offset puts it in year -1 in UTC', '0000-01-01T00:00:00%2B00:01', 400],
  ['year 9999, last millisecond', '9999-12-31T23:59:59.999Z', 200],
  ['year 9999 whose offset puts it in year 10000 in UTC', '9999-12-31T23:59:59-00:01', 400],
  ['a negative year', '-2021-01-01T00:00:00Z', 400],
  ['a signed positive year', '%2B2021-01-01T00:00:00Z', 400],
  ['a five-digit year', '10000-01-01T00:00:00Z', 400],
  ['a two-digit year', '21-01-01T00:00:00Z', 400],
  ['a date without time', '2021-01-01', 400],
  ['a time without seconds', '2021-01-01T10:00Z', 400],
  ['a Unix timestamp', '1609459200', 400],
  ['an RFC 2822 date', 'Fri%2C%2001%20Jan%202021%2000%3A00%3A00%20GMT', 400],
];

const OFFSETS: DateCase[] = [
  ['offset +14:00 (Line Islands)', '2021-01-01T00:00:00%2B14:00', 200],
  ['offset -12:00', '2021-01-01T00:00:00-12:00', 200],
  ['offset +23:59, the largest RFC 3339 allows', '2021-01-01T00:00:00%2B23:59', 200],
  ['offset +24:00', '2021-01-01T00:00:00%2B24:00', 400],
  ['offset -24:00', '2021-01-01T00:00:00-24:00', 400],
  ['offset minute 60', '2021-01-01T00:00:00%2B02:60', 400],
  ['offset without colon (+0200)', '2021-01-01T00:00:00%2B0200', 400],
  ['offset in hours only (+02)', '2021-01-01T00:00:00%2B02', 400],
  ['offset -00:00 (unknown local offset)', '2021-01-01T00:00:00-00:00', 200],
  ['an unencoded "+" offset, which arrives as a space', '2021-01-01T00:00:00+02:00', 200],
  ['no offset', '2021-01-01T00:00:00', 400],
  ['a zone name instead of an offset', '2021-01-01T00:00:00UTC', 400],
  ['both Z and an offset', '2021-01-01T00:00:00Z%2B01:00', 400],
  ['lower-case t and z', '2021-01-01t00:00:00z', 200],
  ['a space instead of T', '2021-01-01%2000:00:00Z', 400],
  ['an underscore instead of T', '2021-01-01_00:00:00Z', 400],
];

const FRACTIONS: DateCase[] = [
  ['one fractional digit', '2021-01-01T00:00:00.5Z', 200],
  ['nanoseconds', '2021-01-01T00:00:00.123456789Z', 200],
  ['40 fractional digits (value at the 64-character limit)', `2021-01-01T00:00:00.${'9'.repeat(40)}Z`, 200],
  ['44 fractional digits (value over 64 characters)', `2021-01-01T00:00:00.${'1'.repeat(44)}Z`, 400],
  ['a dot without digits', '2021-01-01T00:00:00.Z', 400],
  ['a decimal comma (ISO 8601, not RFC 3339)', '2021-01-01T00:00:00%2C5Z', 400],
  ['fractional minutes', '2021-01-01T00:00.5Z', 400],
];

describe('GET /search with odd date-times', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  async function search(query: string) {
    const res = await t.http.get(`/search?${query}`);
    contract.assert(res.status, res.body);
    return res;
  }

  describe.each([
    ['dates and times', DATES],
    ['offsets and separators', OFFSETS],
    ['fractional seconds', FRACTIONS],
  ])('%s', (_group, cases) => {
    test.each(cases)('%s (%s) answers %i, for either bound', async (_case, value, status) => {
      for (const name of ['starts_at', 'ends_at']) {
        const res = await search(`${name}=${value}`);
        expect(res.status).toBe(status);
        if (status === 400) expect(res.body.error.code).toBe('invalid_parameter');
        if (status === 400) expect(res.body.error.message).toMatch(new RegExp(`^${name}: `));
      }
      if (status === 400) expect(t.eventSearch.searches).toEqual([]);
    });
  });

  describe('ranges', () => {
    it('answers the widest range RFC 3339 can write, 0001 to 9999, with every event', async () => {
      const res = await search('starts_at=0001-01-01T00:00:00Z&ends_at=9999-12-31T23:59:59Z');
      expect(res.status).toBe(200);
      expect(res.body.data.events).toHaveLength(t.eventSearch.events.length);
    });

    it('answers 200 when both bounds are the same instant written in different offsets', async () => {
      const res = await search('starts_at=2021-07-01T02:00:00%2B02:00&ends_at=2021-07-01T00:00:00Z');
      expect(res.status).toBe(200);
    });

    it('answers 400 invalid_range when an offset makes the same wall-clock time later', async () => {
      const res = await search('starts_at=2021-07-01T00:00:00-01:00&ends_at=2021-07-01T00:00:00Z');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_range');
    });

    test.each([
      ['the same sub-millisecond instant twice', '00.0001Z', '00.0001Z'],
      ['a window inside one millisecond', '00.0001Z', '00.0009Z'],
      ['a window inside one millisecond, one bound with 30 digits', '00.0001Z', `00.000${'1'.repeat(27)}Z`],
    ])('answers 200 with no events, without asking the search, for %s', async (_case, from, to) => {
      const res = await search(`starts_at=2021-06-30T21:00:${from}&ends_at=2021-06-30T21:00:${to}`);
      expect(res.status).toBe(200);
      expect(res.body.data.events).toEqual([]);
      // Rounded inward, such a window is inverted, and Elasticsearch refuses an inverted range.
      expect(t.eventSearch.searches).toEqual([]);
    });

    it('answers 400 invalid_range when starts_at is later than ends_at by less than a millisecond', async () => {
      const res = await search('starts_at=2021-06-30T21:00:00.0009Z&ends_at=2021-06-30T21:00:00.0001Z');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_range');
    });

    it('rounds an ends_at of .99999999999999999999 s down to .999, not up to the next second', async () => {
      const res = await search(`ends_at=2021-06-30T21:00:00.${'9'.repeat(20)}Z`);
      expect(res.status).toBe(200);
      expect(t.eventSearch.searches).toEqual([{ endsAt: new Date('2021-06-30T21:00:00.999Z') }]);
    });
  });
});
