import type { Client } from '@elastic/elasticsearch';
import { createElasticsearchClient } from '../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../src/search/elasticsearch-connection';
import { ensureIndices } from '../../../src/search/ensure-indices';
import { indexNames, type IndexNames } from '../../../src/search/index-names';
import { deleteIndices } from '../../support/delete-indices';
import { fieldUses, readSavedObjects } from '../../support/kibana-saved-objects';
import { testConfig } from '../../support/test-config';

type FieldCaps = Record<string, Record<string, { aggregatable: boolean }>>;

// Lens column data types and the Elasticsearch field types that serve them.
const TYPES_OF: Record<string, string[]> = {
  number: ['long', 'integer', 'short', 'byte', 'double', 'float', 'half_float', 'scaled_float'],
  string: ['keyword'],
  date: ['date', 'date_nanos'],
  boolean: ['boolean'],
};

describe('the Kibana saved objects against the indices ensureIndices creates', () => {
  const { objects } = readSavedObjects();
  let client: Client;
  let names: IndexNames;
  let prefix: string;
  const caps = new Map<string, FieldCaps>();

  beforeAll(async () => {
    const config = testConfig();
    prefix = config.ELASTICSEARCH_INDEX_PREFIX;
    client = createElasticsearchClient(elasticsearchConnection(config));
    names = indexNames(prefix);
    await ensureIndices(client, names);
    for (const view of objects.filter((o) => o.type === 'index-pattern')) {
      // Data view titles name the default prefix's indices; this test's indices have their own prefix.
      const index = String(view.attributes.title).replace(/^eventhub-/, `${prefix}-`);
      const response = await client.fieldCaps({ index, fields: '*' });
      caps.set(view.id, response.fields);
    }
  });

  afterAll(async () => {
    await deleteIndices(client, names);
    await client.close();
  });

  it('finds every data view’s index, with its time field mapped as a date', () => {
    const timeFields = objects
      .filter((o) => o.type === 'index-pattern')
      .map((view) => [
        view.id,
        Object.keys(caps.get(view.id)?.[String(view.attributes.timeFieldName)] ?? {}),
      ]);
    expect(timeFields.filter(([, types]) => JSON.stringify(types) !== '["date"]')).toEqual([]);
    expect(timeFields.length).toBeGreaterThanOrEqual(7);
  });

  it('finds every field a visualization or saved search reads, aggregatable and of the kind the column expects', () => {
    const uses = fieldUses(objects);
    const problems = uses.flatMap((use) => {
      const types = caps.get(use.dataViewId)?.[use.field];
      const where = `${use.objectId}: ${use.field}`;
      if (!types) return [`${where} is not in the mapping`];
      const entries = Object.entries(types);
      if (use.aggregatable && !entries.every(([, c]) => c.aggregatable))
        return [`${where} is not aggregatable`];
      const expected = use.dataType ? TYPES_OF[use.dataType] : undefined;
      if (expected && !entries.every(([type]) => expected.includes(type)))
        return [`${where} is ${entries.map(([t]) => t).join('/')}, not ${use.dataType}`];
      return [];
    });
    expect(problems).toEqual([]);
    expect(uses.length).toBeGreaterThan(30);
  });
});
