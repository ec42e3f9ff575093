import { Readable } from 'node:stream';
import { chunked, fixture, parse, parseFixture } from './read-feed';

describe('parseXmlEventList tolerates what real feeds contain', () => {
  it('reads a feed that starts with a UTF-8 byte-order mark', async () => {
    const withBom = await parseFixture('bom.xml');
    const plain = await parseFixture('response_1.xml');

    expect(fixture('bom.xml').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom).toEqual(plain);
  });

  it('reads a byte-order mark from a text source too, without shifting positions', async () => {
    const text = await parse([fixture('bom.xml').toString('utf8')], { timeZone: 'Europe/Madrid' });
    const bytes = await parseFixture('response_2.xml', { timeZone: 'Europe/Madrid' });

    expect(text.events.length).toBe(3);
    expect(bytes.rejects[0]?.position).toEqual({ line: 18, column: 10 });
  });

  it('decodes predefined and numeric character entities', async () => {
    const { events } = await parseFixture('entities.xml');

    expect(events[0]?.title).toBe('Rock & Roll <live> "en directo" café 🎸');
    expect(events[0]?.zones[0]?.name).toBe("Sala d'Or");
  });

  it('ignores unknown elements, attributes, comments and instructions, and what unknown elements hold', async () => {
    const { events, rejects } = await parseFixture('unknown-content.xml');

    expect(rejects).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0]?.zones.map((z) => z.zoneId)).toEqual(['40', '38']);
    expect(events[0]).not.toHaveProperty('currency');
  });

  it('yields nothing, and does not fail, for an event list with an empty output', async () => {
    await expect(parseFixture('empty-output.xml')).resolves.toEqual({ events: [], rejects: [] });
  });

  it('never fetches an external DTD it is pointed at', async () => {
    const { events } = await parseFixture('external-dtd.xml');

    expect(events.map((e) => e.title)).toEqual(['Declared DTD, never fetched']);
  });
});

describe('parseXmlEventList reads a stream whatever its chunking', () => {
  it('gives the same result when fed one byte at a time, across multi-byte characters', async () => {
    const bytes = fixture('multibyte.xml');
    const whole = await parse([bytes]);
    const byteByByte = await parse(chunked(bytes, 1));

    expect(whole.events.map((e) => e.title)).toEqual(['Café Ñandú — 東京 🎸🎤 ZürichÅ', '🎉🎉🎉']);
    expect(whole.events[0]?.zones.map((z) => z.name)).toEqual(['Ωmega 𝄞 zone', '日本語のゾーン']);
    expect(byteByByte).toEqual(whole);
  });

  it.each([2, 3, 5, 7, 64])('gives the same result in %i-byte chunks', async (size) => {
    const bytes = fixture('response_2.xml');

    expect(await parse(chunked(bytes, size))).toEqual(await parse([bytes]));
  });

  it('reads a Node.js readable stream', async () => {
    const bytes = fixture('response_1.xml');

    expect(await parse(Readable.from([bytes]))).toEqual(await parse([bytes]));
  });

  it('reads text chunks split inside a surrogate pair', async () => {
    const text = fixture('multibyte.xml').toString('utf8');
    const cut = text.indexOf('🎸') + 1;

    expect(await parse([text.slice(0, cut), text.slice(cut)])).toEqual(await parse([text]));
  });

  it('reads one chunk far larger than its parsing slice', async () => {
    const text = fixture('many-zones-reject.xml').toString('utf8');

    expect(text.length).toBeGreaterThan(64 * 1024);
    expect(await parse([text])).toEqual(await parse(chunked(Buffer.from(text), 4096)));
  });
});
