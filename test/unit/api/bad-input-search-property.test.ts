import fc from 'fast-check';
import { MAX_URL_LENGTH } from '../../../src/api/middleware/url-length-limit';
import type { LocalDateTime } from '../../../src/domain/local-date-time';
import { createContractValidator } from '../../support/contract';
import { createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const contract = createContractValidator('/search');

/** A query value as sent, and the exact instant it names when it is a well-formed date-time (else null). */
interface Value {
  text: string;
  instant: bigint | null;
}

/** A key as sent and the parameter it decodes to. */
interface Key {
  raw: string;
  name: string;
}

interface Entry {
  key: Key;
  value: Value;
  bare: boolean;
}

const SUB_MILLISECOND_DIGITS = 12;
const digit = fc.constantFrom(...'0123456789');
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A local date-time and how the query writes it: fraction, offset, case, an unencoded "+". */
interface DateTimeParts extends LocalDateTime {
  fraction: string;
  offsetMinutes: number | 'Z';
  lowerCase: boolean;
  rawPlus: boolean;
}

// The oracle reads the parts, not the text: JS's own calendar for the local time, digits for the fraction.
function instantOf(p: DateTimeParts): bigint {
  const local = new Date(0);
  local.setUTCFullYear(p.year, p.month - 1, p.day);
  local.setUTCHours(p.hour, p.minute, p.second, Number(p.fraction.slice(0, 3).padEnd(3, '0')));
  const millis = local.getTime() - (p.offsetMinutes === 'Z' ? 0 : p.offsetMinutes) * 60_000;
  const rest = p.fraction.slice(3).padEnd(SUB_MILLISECOND_DIGITS, '0');
  return BigInt(millis) * 10n ** BigInt(SUB_MILLISECOND_DIGITS) + BigInt(rest);
}

function textOf(p: DateTimeParts): string {
  const abs = Math.abs(p.offsetMinutes === 'Z' ? 0 : p.offsetMinutes);
  const sign = p.offsetMinutes !== 'Z' && p.offsetMinutes < 0 ? '-' : p.rawPlus ? '+' : '%2B';
  const offset = p.offsetMinutes === 'Z' ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const fraction = p.fraction === '' ? '' : `.${p.fraction}`;
  const text = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${fraction}${offset}`;
  return p.lowerCase ? text.replace('T', 't').replace(/Z$/, 'z') : text;
}

function daysIn(year: number, month: number): number {
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return lastDay.getUTCDate();
}

function dateTime(parts: fc.Arbitrary<DateTimeParts>): fc.Arbitrary<Value> {
  return parts
    .map((p) => ({ ...p, day: Math.min(p.day, daysIn(p.year, p.month)) }))
    .map((p) => ({ text: textOf(p), instant: instantOf(p) }));
}

const style = { lowerCase: fc.boolean(), rawPlus: fc.boolean() };

// Years 0001-9998: no offset can carry these past the 0000-9999 the API accepts in UTC.
const anyDateTime = dateTime(
  fc.record({
    year: fc.integer({ min: 1, max: 9998 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.string({ unit: digit, maxLength: 3 + SUB_MILLISECOND_DIGITS }),
    offsetMinutes: fc.oneof(
      fc.constant('Z' as const),
      fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
    ),
    ...style,
  }),
);

// Few instants within two seconds of 2021-06-30T21:00:00Z, in three offsets: bounds that are equal, or apart by
// less than a millisecond, come up often.
const nearDateTime = dateTime(
  fc
    .record({
      shift: fc.constantFrom(-1, 0, 1),
      zulu: fc.boolean(),
      second: fc.constantFrom(0, 1),
      fraction: fc.constantFrom('', '0001', '0009', '000999999999', '001', '9999999'),
      ...style,
    })
    .map(({ shift, zulu, ...p }): DateTimeParts => ({
      ...p,
      year: 2021,
      month: 6,
      day: 30,
      hour: 21 + shift,
      minute: 0,
      offsetMinutes: shift === 0 && zulu ? 'Z' : shift * 60,
    })),
);

const unknown = (text: string): Value => ({ text, instant: null });
const dateLike = fc
  .tuple(
    fc.string({ unit: digit, maxLength: 6 }),
    fc.string({ unit: digit, maxLength: 3 }),
    fc.string({ unit: digit, maxLength: 3 }),
    fc.constantFrom('T', 't', ' ', '_', ''),
    fc.string({ unit: digit, maxLength: 3 }),
    fc.constantFrom('Z', 'z', '+01:00', '-24:00', '+0100', ''),
  )
  .map(([y, m, d, sep, h, tz]) => unknown(encodeURIComponent(`${y}-${m}-${d}${sep}${h}:00:00${tz}`)));
const percentJunk = fc
  .array(fc.constantFrom(...'% %0 %00 %E0%A4%A %C0%AF %2B + %zz %25 2021 - : T ['.split(' ')))
  .map((pieces) => unknown(pieces.join('')));
const anyString = fc
  .oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }))
  .map((s) => unknown(encodeURIComponent(s)));

const value = fc.oneof(anyDateTime, nearDateTime, dateLike, percentJunk, anyString);
const key = fc.constantFrom<Key>(
  ...['starts_at', 'ends_at', 'foo', 'starts_at[]', 'STARTS_AT', ''].map((raw) => ({ raw, name: raw })),
  { raw: 'starts%5Fat', name: 'starts_at' },
  { raw: 'ends%5fat', name: 'ends_at' },
);
const entry: fc.Arbitrary<Entry> = fc.record({
  key,
  value,
  bare: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

// Both bounds well formed, then whatever else: most such windows make the range check decide.
const bound = (name: string): fc.Arbitrary<Entry> =>
  fc.record({
    key: fc.constant({ raw: name, name }),
    value: fc.oneof({ arbitrary: nearDateTime, weight: 2 }, { arbitrary: anyDateTime, weight: 1 }),
    bare: fc.constant(false),
  });
const query = fc.oneof(
  fc.array(entry, { maxLength: 6 }),
  fc
    .tuple(bound('starts_at'), bound('ends_at'), fc.array(entry, { maxLength: 2 }))
    .map(([start, end, rest]) => [start, end, ...rest]),
);

function queryOf(entries: Entry[]): string {
  return entries.map((e) => (e.bare ? e.key.raw : `${e.key.raw}=${e.value.text}`)).join('&');
}

/** What the API must answer, or null when a value's validity is not known to the test. */
function expected(entries: Entry[]): 'ok' | 'invalid_parameter' | 'invalid_range' | null {
  const starts = entries.filter((e) => e.key.name === 'starts_at');
  const ends = entries.filter((e) => e.key.name === 'ends_at');
  if (starts.length > 1 || ends.length > 1) return 'invalid_parameter';
  if ([...starts, ...ends].some((e) => e.bare || e.value.instant === null)) return null;
  const [start, end] = [starts[0]?.value.instant, ends[0]?.value.instant];
  return start != null && end != null && start > end ? 'invalid_range' : 'ok';
}

describe('GET /search over generated query strings', () => {
  let t: TestApp;
  beforeAll(() => {
    t = createTestApp();
  });
  afterAll(() => t.close());

  it('never answers 5xx, always in the contract, and 400 invalid_range exactly when starts_at > ends_at', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (entries) => {
        const target = `/search?${queryOf(entries)}`;
        const res = await t.http.get(target);

        expect(res.status).toBeLessThan(500);
        contract.assert(res.status, res.body);
        const url = new URL(target, 'http://api.test');
        if (`${url.pathname}${url.search}`.length > MAX_URL_LENGTH) {
          expect(res.status).toBe(414);
          return;
        }
        const outcome = expected(entries);
        if (outcome === 'ok') expect(res.status).toBe(200);
        else if (outcome !== null) expect([res.status, res.body.error.code]).toEqual([400, outcome]);
        else expect([200, 400]).toContain(res.status);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
