import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FeedSpecInput } from '../../../src/simulator/generator/feed-spec';
import { generateEventListFeed } from '../../../src/simulator/generator/generate-event-list-feed';
import { collect, sha256Of } from './simulator-client';

interface ParsedZone {
  zone_id: string;
  capacity: string;
  price: string;
}
interface ParsedEvent {
  event_start_date: string;
  event_end_date: string;
  sell_from: string;
  sell_to: string;
  zone: ParsedZone[];
}
interface ParsedBaseEvent {
  base_event_id: string;
  sell_mode: string;
  title: string;
  event: ParsedEvent[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  isArray: (name) => ['base_event', 'event', 'zone'].includes(name),
});

async function parseFeed(spec: FeedSpecInput): Promise<ParsedBaseEvent[]> {
  const xml = await collect(generateEventListFeed(spec));
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as { eventList: { output: { base_event?: ParsedBaseEvent[] } } };
  return doc.eventList.output.base_event ?? [];
}

/** Each base event's XML, in feed order, to compare feeds event by event. */
async function baseEventTexts(spec: FeedSpecInput): Promise<string[]> {
  return (await collect(generateEventListFeed(spec))).split('      <base_event ').slice(1);
}

const wallClock = (value: string): number => {
  const ms = Date.parse(`${value}Z`);
  // Round-tripping rejects dates that JavaScript would roll over, such as 2021-09-31.
  expect(new Date(ms).toISOString().slice(0, 19)).toBe(value);
  return ms;
};

describe('generateEventListFeed', () => {
  it('is deterministic: the same spec gives byte-identical output, another seed another feed', async () => {
    const spec = { events: 500, zones: 3, seed: 42 };
    const first = await sha256Of(generateEventListFeed(spec));
    expect(await sha256Of(generateEventListFeed({ ...spec }))).toBe(first);
    expect(await sha256Of(generateEventListFeed({ ...spec, seed: 43 }))).not.toBe(first);
  });

  it('is well-formed XML with N base events of one event with M zones each', async () => {
    const events = await parseFeed({ events: 40, zones: 4, seed: 7 });
    expect(events).toHaveLength(40);
    for (const baseEvent of events) {
      expect(baseEvent.event).toHaveLength(1);
      expect(baseEvent.event[0]?.zone).toHaveLength(4);
    }
    expect(new Set(events.map((e) => e.base_event_id)).size).toBe(40);
  });

  it('writes an empty but well-formed feed for zero events', async () => {
    expect(await parseFeed({ events: 0, zones: 1 })).toEqual([]);
  });

  it('looks like the real provider: valid spread dates, zero capacities, 2-decimal prices, some offline', async () => {
    const events = await parseFeed({ events: 600, zones: 3, seed: 3 });
    const years = new Set<number>();
    for (const { event, title } of events) {
      const session = event[0] as ParsedEvent;
      const [start, end] = [wallClock(session.event_start_date), wallClock(session.event_end_date)];
      const [sellFrom, sellTo] = [wallClock(session.sell_from), wallClock(session.sell_to)];
      expect(start).toBeLessThan(end);
      expect(sellFrom).toBeLessThan(sellTo);
      expect(sellTo).toBeLessThanOrEqual(start);
      expect(title.length).toBeGreaterThan(0);
      years.add(new Date(start).getUTCFullYear());
    }
    const zones = events.flatMap((e) => e.event[0]?.zone ?? []);
    const offline = events.filter((e) => e.sell_mode === 'offline').length;
    expect([...years].sort()).toEqual([2021, 2022]);
    expect(zones.every((z) => /^\d+\.\d{2}$/.test(z.price))).toBe(true);
    expect(zones.some((z) => z.capacity === '0')).toBe(true);
    expect(offline).toBeGreaterThan(0);
    expect(offline).toBeLessThan(events.length / 4);
  });

  it('escapes titles so special characters stay well-formed', async () => {
    const xml = await collect(generateEventListFeed({ events: 200, seed: 1 }));
    expect(xml).toContain('&amp;');
    expect(xml).toContain('&quot;');
  });

  it('with changedPercent, changes about that share of events, only in zone prices and capacities', async () => {
    const base = await baseEventTexts({ events: 2000, zones: 3, seed: 9 });
    const changed = await baseEventTexts({ events: 2000, zones: 3, seed: 9, changedPercent: 10 });
    const differing = base.flatMap((text, i) => (text === changed[i] ? [] : [[text, changed[i] as string]]));
    expect(differing.length).toBeGreaterThan(140);
    expect(differing.length).toBeLessThan(260);
    const withoutZones = (text: string): string => text.replace(/ capacity="\d+" price="[\d.]+"/g, '');
    for (const [before, after] of differing)
      expect(withoutZones(after as string)).toBe(withoutZones(before as string));
  });

  it('changes nothing at 0% and every event at 100%', async () => {
    const spec = { events: 300, zones: 2, seed: 5 };
    const base = await baseEventTexts(spec);
    expect(await baseEventTexts({ ...spec, changedPercent: 0, variant: 3 })).toEqual(base);
    const all = await baseEventTexts({ ...spec, changedPercent: 100 });
    expect(all.filter((text, i) => text === base[i])).toEqual([]);
  });

  it('with another variant, gives a distinct feed of the same events', async () => {
    const spec = { events: 1000, zones: 3, seed: 11, changedPercent: 5 };
    const [one, two] = [
      await baseEventTexts({ ...spec, variant: 1 }),
      await baseEventTexts({ ...spec, variant: 2 }),
    ];
    const ids = (texts: string[]): string[] => texts.map((t) => /base_event_id="(\d+)"/.exec(t)?.[1] ?? '');
    expect(ids(one)).toEqual(ids(two));
    expect(one).not.toEqual(two);
  });

  it('streams in bounded chunks of whole base events', async () => {
    const chunks: string[] = [];
    for await (const chunk of generateEventListFeed({ events: 3000, zones: 3 })) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(80 * 1024);
    expect(chunks.slice(1).every((c) => c.startsWith('      <base_event '))).toBe(true);
  });

  it('rejects a spec that makes no sense', async () => {
    await expect(collect(generateEventListFeed({ events: -1 }))).rejects.toThrow();
    await expect(collect(generateEventListFeed({ events: 1, changedPercent: 101 }))).rejects.toThrow();
  });
});
