import type { Client as EsClient } from '@elastic/elasticsearch';
import { Client, Connection } from '@temporalio/client';
import type { Config } from '../../../../src/config';
import { loadProviderSettings } from '../../../../src/providers/provider-settings';
import { scheduleTargetOf } from '../../../../src/schedules/schedule-target';
import { TemporalSyncControl } from '../../../../src/schedules/temporal-sync-control';
import { createElasticsearchClient } from '../../../../src/search/elasticsearch-client';
import { elasticsearchConnection } from '../../../../src/search/elasticsearch-connection';
import { indexNames, type IndexNames } from '../../../../src/search/index-names';
import { SyncRunStore } from '../../../../src/search/sync-run-store';
import { createSimulator, type Simulator } from '../../../../src/simulator/create-simulator';
import { deleteIndices } from '../../../support/delete-indices';
import { writeProvidersFile } from '../../../support/providers-file';
import { registerNamespace } from '../../../support/register-namespace';
import { testConfig, uniqueName } from '../../../support/test-config';

/** The partner's key, in the variable its providers entry names (a worker reads it from its environment). */
export const PARTNER_KEY_VARIABLE = 'TEST_PARTNER_API_KEY';
const PARTNER_KEY = 'test-partner-key-0001';

/** The scaled limit the tests use: the real 30 per 60 s would make each test minutes long. */
export const TEST_LIMIT = { requests: 10, perSeconds: 10 };

/** One request the simulator's partner API received. */
export interface PartnerRequest {
  at: string;
  productId: string;
  date: string;
  status: number;
}

/** A partner (simulated), its providers file, a Temporal namespace and indices for one test file. */
export interface PartnerHarness {
  config: Config;
  /** The environment a worker process needs beside `config`. */
  workerEnv: Record<string, string>;
  simulator: Simulator;
  temporal: Client;
  elasticsearch: EsClient;
  indices: IndexNames;
  control: TemporalSyncControl;
  /** POSTs a control body to the partner's simulator. */
  partnerControl(body: unknown): Promise<void>;
  requests(): Promise<PartnerRequest[]>;
  stop(): Promise<void>;
}

/**
 * Windows with hourly schedules that the harness pauses as soon as a worker made them: each test
 * triggers its runs and reads, from the simulator's log, what reached the partner.
 */
export async function startPartnerHarness(): Promise<PartnerHarness> {
  const simulator = await createSimulator({ partnerApiKey: PARTNER_KEY });
  const partnerYaml =
    `  - id: partner\n    kind: availability-json\n    baseUrl: ${simulator.partnerUrl('partner')}\n` +
    `    apiKeyFromEnv: ${PARTNER_KEY_VARIABLE}\n    products: [p-1001, p-1002, p-1003]\n` +
    `    rateLimit: { requests: ${TEST_LIMIT.requests}, per: ${TEST_LIMIT.perSeconds}s }\n` +
    `    requestTimeout: 5s\n    windows:\n      today: { days: [0, 0], every: 1h }\n` +
    `      week: { days: [1, 4], every: 1h }\n`;
  const config = testConfig({
    PROVIDERS_FILE: writeProvidersFile(simulator.feedUrl(), partnerYaml),
    TEMPORAL_NAMESPACE: uniqueName('partner'),
  });
  await registerNamespace(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const elasticsearch = createElasticsearchClient(elasticsearchConnection(config));
  const indices = indexNames(config.ELASTICSEARCH_INDEX_PREFIX);
  const env: Record<string, string> = { [PARTNER_KEY_VARIABLE]: PARTNER_KEY };
  const providers = loadProviderSettings(config.PROVIDERS_FILE, { env: (name) => env[name] });
  const control = new TemporalSyncControl(
    temporal,
    providers,
    new SyncRunStore(elasticsearch, indices),
    scheduleTargetOf(config),
  );
  const controlUrl = `${simulator.url}/control/partners/partner`;
  const partnerControl = async (body: unknown): Promise<void> => {
    const response = await fetch(controlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`partner control answered ${response.status}: ${await response.text()}`);
  };
  await partnerControl({ rateLimit: TEST_LIMIT });
  return {
    config,
    workerEnv: env,
    simulator,
    temporal,
    elasticsearch,
    indices,
    control,
    partnerControl,
    async requests() {
      return (await (await fetch(`${controlUrl}/requests`)).json()) as PartnerRequest[];
    },
    async stop() {
      for await (const schedule of temporal.schedule.list())
        if (schedule.scheduleId.endsWith(`.${config.ELASTICSEARCH_INDEX_PREFIX}`))
          await temporal.schedule
            .getHandle(schedule.scheduleId)
            .delete()
            .catch(() => undefined);
      await connection.close();
      await deleteIndices(elasticsearch, indices);
      await elasticsearch.close();
      await simulator.close();
    },
  };
}

/** The most requests that reached the partner within any `windowMs`, whatever it answered. */
export function maxInAnyWindow(requests: PartnerRequest[], windowMs: number): number {
  const times = requests.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  let max = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= windowMs) first++;
    max = Math.max(max, last - first + 1);
  }
  return max;
}
