import { MalformedFeedError } from '../../../../src/providers/xml-event-list/malformed-feed-error';
import { InvalidTimeZoneError } from '../../../../src/domain/invalid-time-zone-error';
import { parseXmlEventList } from '../../../../src/providers/xml-event-list/parse-xml-event-list';
import { chunked, fixture, parse, parseFixture } from './read-feed';

describe('parseXmlEventList refuses feeds it cannot read as a whole', () => {
  it.each([
    ['truncated.xml', /unclosed tag/],
    ['mismatched-tags.xml', /line 7, column \d+: unexpected close tag/],
    ['undefined-entity.xml', /undefined entity/],
    ['not-an-event-list.xml', /root element is <html>, not <eventList>/],
    ['no-output.xml', /no <output> element/],
    ['latin1-declared.xml', /encoding ISO-8859-1 is not supported/],
    ['invalid-utf8.xml', /not valid UTF-8/],
  ])('throws MalformedFeedError for %s', async (name, message) => {
    const parsing = parseFixture(name);

    await expect(parsing).rejects.toThrow(MalformedFeedError);
    await expect(parsing).rejects.toThrow(message);
  });

  it('reports the line and column where reading stopped', async () => {
    const error = await parseFixture('mismatched-tags.xml').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MalformedFeedError);
    expect((error as MalformedFeedError).position.line).toBe(7);
    expect((error as MalformedFeedError).message).toMatch(/^malformed feed at line 7, column \d+: /);
  });

  it('has yielded the events before the break, which the caller must discard', async () => {
    const seen: string[] = [];
    const parsing = (async () => {
      for await (const item of parseXmlEventList(chunked(fixture('truncated.xml'), 256), {
        providerId: 'fever',
        timeZone: 'UTC',
      })) {
        if (item.kind === 'event') seen.push(item.event.baseEventId);
      }
    })();

    await expect(parsing).rejects.toThrow(MalformedFeedError);
    expect(seen).toEqual(['291', '322']);
  });

  it('refuses a DOCTYPE entity bomb quickly, without expanding it', async () => {
    const started = performance.now();

    await expect(parseFixture('entity-bomb.xml')).rejects.toThrow(
      /DOCTYPE with an internal subset is refused/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an external entity declaration instead of reading the file it names', async () => {
    await expect(parseFixture('external-entity.xml')).rejects.toThrow(MalformedFeedError);
  });

  it('refuses elements nested deeper than the limit of 32', async () => {
    await expect(parseFixture('too-deep.xml')).rejects.toThrow(/nest deeper than 32 levels/);
  });

  it('takes a smaller depth limit from the context', async () => {
    await expect(parseFixture('response_1.xml', { maxDepth: 4 })).rejects.toThrow(
      /nest deeper than 4 levels/,
    );
    await expect(parseFixture('response_1.xml', { maxDepth: 5 })).resolves.toMatchObject({ rejects: [] });
  });

  it('throws MalformedFeedError for an empty feed', async () => {
    await expect(parse([])).rejects.toThrow(/must contain a root element/);
  });

  it('throws InvalidTimeZoneError for an unknown time zone before reading anything', async () => {
    await expect(parseFixture('response_1.xml', { timeZone: 'Mars/Olympus_Mons' })).rejects.toThrow(
      InvalidTimeZoneError,
    );
  });
});
