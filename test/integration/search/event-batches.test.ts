import type { Client } from '@elastic/elasticsearch';
import { createElasticsearchClient } from '../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../src/search/elasticsearch-connection';
import { ensureIndices } from '../../../src/search/ensure-indices';
import type { WriteContext, WriteCounts } from '../../../src/search/event-writer';
import { indexNames, type IndexNames } from '../../../src/search/index-names';
import { prepareEvent, type PreparedEvent } from '../../../src/search/prepared-event';
import { writeEventBatches } from '../../../src/search/write-event-batches';
import { deleteIndices } from '../../support/delete-indices';
import { makeEvent } from '../../support/fixture-events';
import { testConfig } from '../../support/test-config';

const RUN: WriteContext = { runId: 'r1', fetchedAt: '2026-01-01T00:00:00.000Z' };
const BATCHES = 4;
const PER_BATCH = 10;

/** Stands in for a crashed worker: thrown when a batch is reported. */
class SimulatedCrash extends Error {}

describe('writeEventBatches, the next batch prepared while a batch’s events are written', () => {
  let client: Client;
  let names: IndexNames;
  const batches: PreparedEvent[][] = Array.from({ length: BATCHES }, (_, b) =>
    Array.from({ length: PER_BATCH }, (_, i) => prepareEvent(makeEvent(b * PER_BATCH + i + 1))),
  );

  beforeEach(async () => {
    const config = testConfig();
    client = createElasticsearchClient(elasticsearchConnection(config));
    names = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
    await ensureIndices(client, names);
  });

  afterEach(async () => {
    await deleteIndices(client, names);
    await client.close();
  });

  async function ids(index: string, field: string): Promise<string[]> {
    await client.indices.refresh({ index });
    const response = await client.search<Record<string, string>>({ index, size: 1000, _source: [field] });
    return response.hits.hits.map((hit) => hit._source![field]!).sort();
  }

  /** Writes `from` onwards, reporting batches in order; returns the counts of those reported. */
  async function attempt(from: number, stopAfter = Infinity): Promise<WriteCounts[]> {
    const reported: WriteCounts[] = [];
    await writeEventBatches(client, names, batches.slice(from), RUN, (events, counts) => {
      expect(events).toBe(PER_BATCH);
      reported.push(counts);
      if (reported.length === stopAfter) throw new SimulatedCrash();
    });
    return reported;
  }

  const eventIds = (upTo: number) =>
    batches
      .slice(0, upTo)
      .flat()
      .map((e) => e.id)
      .sort();

  it('reports every batch in order, each event written once with one history document', async () => {
    const reported = await attempt(0);

    expect(reported).toEqual(
      Array(BATCHES).fill({ new: PER_BATCH, changed: 0, unchanged: 0, superseded: 0 }),
    );
    expect(await ids(names.events, 'id')).toEqual(eventIds(BATCHES));
    expect(await ids(names.eventHistory, 'event_id')).toEqual(eventIds(BATCHES));
  });

  it('sends no later batch’s events once a report fails, and a retry from there loses no history', async () => {
    await expect(attempt(0, 2)).rejects.toThrow(SimulatedCrash);

    // Batch 3's history may be in already: it was prepared while batch 2's events were written.
    expect(await ids(names.events, 'id')).toEqual(eventIds(2));
    const history = await ids(names.eventHistory, 'event_id');
    expect(history.length).toBeGreaterThanOrEqual(2 * PER_BATCH);
    expect(history.every((id) => eventIds(3).includes(id))).toBe(true);

    const retried = await attempt(2);
    expect(retried).toHaveLength(BATCHES - 2);
    expect(await ids(names.events, 'id')).toEqual(eventIds(BATCHES));
    expect(await ids(names.eventHistory, 'event_id')).toEqual(eventIds(BATCHES));
  });

  it('sends no later batch’s events once a batch’s events fail to be written, and a retry completes them', async () => {
    const broken = batches.map((batch) => [...batch]);
    const [first] = batches[1]!;
    // Elasticsearch refuses this document (its start is no date), so the second batch's write fails.
    broken[1]![0] = {
      ...first!,
      feedJson: first!.feedJson.replace(/"starts_at":"[^"]*"/, '"starts_at":"never"'),
    };

    await expect(writeEventBatches(client, names, broken, RUN, () => undefined)).rejects.toThrow(
      /parsing_exception/,
    );
    const written = await ids(names.events, 'id');
    expect(written.every((id) => eventIds(2).includes(id))).toBe(true);
    expect(written).toHaveLength(2 * PER_BATCH - 1);

    await writeEventBatches(client, names, batches.slice(1), RUN, () => undefined);
    expect(await ids(names.events, 'id')).toEqual(eventIds(BATCHES));
    expect(await ids(names.eventHistory, 'event_id')).toEqual(eventIds(BATCHES));
  });

  it('keeps the one history document of an event listed in two adjacent batches', async () => {
    const again = [batches[0]![0]!, ...batches[1]!.slice(1)];
    const reported: WriteCounts[] = [];

    await writeEventBatches(client, names, [batches[0]!, again], RUN, (_events, counts) =>
      reported.push(counts),
    );

    const expected = [...new Set([...batches[0]!, ...again].map((e) => e.id))].sort();
    expect(expected).toHaveLength(2 * PER_BATCH - 1);
    expect(reported.map((c) => c.new)).toEqual([PER_BATCH, PER_BATCH]);
    expect(await ids(names.events, 'id')).toEqual(expected);
    expect(await ids(names.eventHistory, 'event_id')).toEqual(expected);
  });
});
