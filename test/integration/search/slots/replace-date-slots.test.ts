import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { PartnerSlot } from '../../../../src/domain/partner-slot';
import { parseAvailabilityAnswer } from '../../../../src/providers/availability-json/parse-availability-answer';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../src/search/elasticsearch-connection';
import { ensureIndices } from '../../../../src/search/ensure-indices';
import { indexNames, type IndexNames } from '../../../../src/search/index-names';
import { replaceDateSlots } from '../../../../src/search/slots/replace-date-slots';
import type { SlotDocument } from '../../../../src/search/slots/slot-document';
import { deleteIndices } from '../../../support/delete-indices';
import { testConfig } from '../../../support/test-config';

const DATE = '2026-12-03';
const GOOD = readFileSync(path.resolve(__dirname, '../../../fixtures/partner/good-answer.json'), 'utf8');
const fetchedAt = (hour: number) => new Date(Date.UTC(2026, 11, 1, hour)).toISOString();

describe('replaceDateSlots against a real Elasticsearch node', () => {
  let client: Client;
  let names: IndexNames;
  let product = 0;

  beforeAll(async () => {
    const config = testConfig();
    client = createElasticsearchClient(elasticsearchConnection(config));
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    await ensureIndices(client, names);
  });

  afterAll(async () => {
    await deleteIndices(client, names);
    await client.close();
  });

  /** A product of its own per test, with the answer's slots, optionally edited. */
  function answerOf(productId: string, body = GOOD): PartnerSlot[] {
    const request = { providerId: 'tours', productId, date: DATE, timeZone: 'Europe/Madrid' };
    return parseAvailabilityAnswer(body, request).slots;
  }

  function replace(productId: string, slots: PartnerSlot[], hour: number, runId = `run-${hour}`) {
    return replaceDateSlots(client, names, {
      providerId: 'tours',
      productId,
      date: DATE,
      slots,
      fetchedAt: fetchedAt(hour),
      runId,
    });
  }

  /** Every slot document of the product by slot id, with the version and sequence number it is at. */
  async function stored(productId: string) {
    await client.indices.refresh({ index: names.slots });
    const response = await client.search<SlotDocument>({
      index: names.slots,
      size: 100,
      seq_no_primary_term: true,
      version: true,
      query: { term: { product_id: productId } },
    });
    return new Map(
      response.hits.hits.map((hit) => [
        hit._source!.provider_slot_id,
        { doc: hit._source!, version: hit._version, seqNo: hit._seq_no },
      ]),
    );
  }

  function nextProduct(): string {
    product += 1;
    return `p-${product}`;
  }

  it('writes every slot of a first answer as new, each at the answer’s fetch time', async () => {
    const id = nextProduct();
    expect(await replace(id, answerOf(id), 1)).toEqual({
      new: 3,
      changed: 0,
      unchanged: 0,
      unavailable: 0,
      superseded: 0,
    });
    const docs = await stored(id);
    expect([...docs.keys()].sort()).toEqual(['a8f0c2d1-morning', 'b7e1-night', 'c9-sold-out']);
    for (const { doc, version } of docs.values()) {
      expect(version).toBe(Date.parse(fetchedAt(1)));
      expect(doc).toMatchObject({ available: true, synced_at: fetchedAt(1), first_seen_at: fetchedAt(1) });
    }
  });

  it('writes nothing for a second identical answer, nor for the same call repeated', async () => {
    const id = nextProduct();
    await replace(id, answerOf(id), 1);
    const before = await stored(id);

    const retried = await replace(id, answerOf(id), 1);
    const second = await replace(id, answerOf(id), 2);
    const repeated = await replace(id, answerOf(id), 2);
    const lateRetry = await replace(id, answerOf(id), 1);

    // The first run's own retry counts what it wrote as it did then; once a later answer is in, it is too late.
    expect(retried).toMatchObject({ new: 3, changed: 0, unchanged: 0, superseded: 0 });
    expect(second).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
    expect(repeated).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
    expect(lateRetry).toMatchObject({ new: 0, changed: 0, unchanged: 0, superseded: 3 });
    const after = await stored(id);
    for (const [slotId, { version, seqNo }] of before)
      expect([after.get(slotId)?.version, after.get(slotId)?.seqNo]).toEqual([version, seqNo]);
  });

  it('marks a slot the next answer no longer lists unavailable, keeping its last values, once', async () => {
    const id = nextProduct();
    const slots = answerOf(id);
    await replace(id, slots, 1);

    const counts = await replace(id, slots.slice(0, 2), 2);
    const again = await replace(id, slots.slice(0, 2), 3);

    expect(counts).toMatchObject({ unchanged: 2, unavailable: 1 });
    expect(again).toMatchObject({ unchanged: 2, unavailable: 0 });
    const gone = (await stored(id)).get('c9-sold-out');
    expect(gone?.doc).toMatchObject({
      available: false,
      remaining: 0,
      variant_id: 1032,
      synced_at: fetchedAt(2),
      run_id: 'run-2',
      first_seen_at: fetchedAt(1),
    });
    expect(gone?.version).toBe(Date.parse(fetchedAt(2)));
  });

  it('marks every slot unavailable when an answer lists none, and makes one available again when it returns', async () => {
    const id = nextProduct();
    await replace(id, answerOf(id), 1);
    expect(await replace(id, [], 2)).toMatchObject({ unavailable: 3 });

    const back = await replace(id, answerOf(id).slice(0, 1), 3);

    expect(back).toMatchObject({ changed: 1, unavailable: 0 });
    const docs = await stored(id);
    expect([...docs.values()].filter((d) => d.doc.available).map((d) => d.doc.provider_slot_id)).toEqual([
      'a8f0c2d1-morning',
    ]);
  });

  it('rewrites a slot whose remaining changed, and only it', async () => {
    const id = nextProduct();
    await replace(id, answerOf(id), 1);
    const before = await stored(id);

    const counts = await replace(id, answerOf(id, GOOD.replace('"remaining": 4,', '"remaining": 3,')), 2);

    expect(counts).toMatchObject({ new: 0, changed: 1, unchanged: 2 });
    const after = await stored(id);
    expect(after.get('b7e1-night')?.doc).toMatchObject({ remaining: 3, synced_at: fetchedAt(2) });
    expect(after.get('a8f0c2d1-morning')?.seqNo).toBe(before.get('a8f0c2d1-morning')?.seqNo);
  });

  it('lets an older answer arriving late write back no value a newer answer left unchanged', async () => {
    const id = nextProduct();
    const fewer = answerOf(id, GOOD.replace('"remaining": 4,', '"remaining": 1,'));
    await replace(id, answerOf(id), 1);
    await replace(id, answerOf(id), 3);

    const late = await replace(id, fewer, 2);

    expect(late).toMatchObject({ changed: 0, superseded: 3 });
    expect((await stored(id)).get('b7e1-night')?.doc.remaining).toBe(4);
  });

  it('lets no older answer undo a newer one: its writes are superseded and nothing regresses', async () => {
    const id = nextProduct();
    const newer = answerOf(id, GOOD.replace('"remaining": 4,', '"remaining": 1,'));
    await replace(id, newer.slice(1), 5);
    const before = await stored(id);

    const older = await replace(id, answerOf(id).slice(0, 2), 4);

    expect(older).toEqual({ new: 0, changed: 0, unchanged: 0, unavailable: 0, superseded: 2 });
    const after = await stored(id);
    expect(after.has('a8f0c2d1-morning')).toBe(false);
    expect(after.get('b7e1-night')?.doc.remaining).toBe(1);
    expect(after.get('c9-sold-out')?.doc.available).toBe(true);
    for (const slotId of ['b7e1-night', 'c9-sold-out'])
      expect(after.get(slotId)?.seqNo).toBe(before.get(slotId)?.seqNo);
  });
});
