import fc from 'fast-check';
import type { ProviderEvent } from '../../../../src/domain/event';
import { eventId } from '../../../../src/domain/event-id';
import { type BaseEventSpec, eventListXml, type SessionSpec, type ZoneSpec } from './event-list-xml';
import { chunked, parse } from './read-feed';

// Attribute values cannot carry XML-illegal characters, and XML normalizes tabs and line breaks in them.
const NOT_ATTRIBUTE_TEXT = /[^\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const text = fc.string({ unit: 'grapheme', maxLength: 16 }).map((s) => s.replace(NOT_ATTRIBUTE_TEXT, ''));
const id = text.filter((s) => s.length > 0);
const wallClock = fc
  .integer({ min: Date.UTC(1970, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 })
  .map((seconds) => new Date(seconds * 1000).toISOString().slice(0, 19));

const zone: fc.Arbitrary<ZoneSpec> = fc.record({
  zoneId: id,
  name: text,
  capacity: fc.nat({ max: 100_000 }),
  price: fc.nat({ max: 1_000_000 }).map((cents) => (cents / 100).toFixed(2)),
  numbered: fc.boolean(),
});

const session: fc.Arbitrary<SessionSpec> = fc
  .record({
    eventId: id,
    start: wallClock,
    durationSeconds: fc.nat({ max: 7 * 86_400 }),
    sellFrom: fc.option(wallClock),
    sellTo: fc.option(wallClock),
    soldOut: fc.boolean(),
    zones: fc.array(zone, { maxLength: 6 }),
  })
  .map(({ durationSeconds, ...spec }) => ({ ...spec, end: addSeconds(spec.start, durationSeconds) }));

const baseEvent: fc.Arbitrary<BaseEventSpec> = fc.record({
  baseEventId: id,
  title: text,
  sellMode: fc.constantFrom('online', 'offline'),
  organizerCompanyId: fc.option(id),
  sessions: fc.array(session, { minLength: 1, maxLength: 3 }),
});

describe('parseXmlEventList round trip', () => {
  it('reads back every valid generated event exactly, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(baseEvent, { maxLength: 4 }),
        fc.integer({ min: 1, max: 64 }),
        async (bases, size) => {
          const parsed = await parse(chunked(Buffer.from(eventListXml(bases)), size));

          expect(parsed.rejects).toEqual([]);
          expect(parsed.events).toEqual(bases.flatMap((base) => base.sessions.map((s) => expected(base, s))));
        },
      ),
      { numRuns: 200 },
    );
  });
});

function expected(base: BaseEventSpec, session: SessionSpec): ProviderEvent {
  const onSale = session.zones.filter((z) => z.capacity > 0).map((z) => Number(z.price));
  return {
    id: eventId('fever', base.baseEventId, session.eventId),
    providerId: 'fever',
    baseEventId: base.baseEventId,
    eventId: session.eventId,
    title: base.title,
    sellMode: base.sellMode,
    organizerCompanyId: base.organizerCompanyId,
    soldOut: session.soldOut,
    sellFrom: session.sellFrom === null ? null : utc(session.sellFrom),
    sellTo: session.sellTo === null ? null : utc(session.sellTo),
    start: utc(session.start),
    end: utc(session.end),
    zones: session.zones.map((z) => ({ ...z, price: Number(z.price) })),
    minPrice: onSale.length === 0 ? null : Math.min(...onSale),
    maxPrice: onSale.length === 0 ? null : Math.max(...onSale),
  };
}

function utc(local: string): { local: string; instant: string } {
  return { local, instant: `${local}.000Z` };
}

function addSeconds(local: string, seconds: number): string {
  return new Date(Date.parse(`${local}Z`) + seconds * 1000).toISOString().slice(0, 19);
}
