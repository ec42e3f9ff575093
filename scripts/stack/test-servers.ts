import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startElasticsearchNode, type ElasticsearchNode } from './elasticsearch-node';
import { freePort } from './free-port';
import { startTemporalDevServer, type TemporalDevServer } from './temporal-dev-server';

/** Servers started for one test or benchmark run, on free ports, with throwaway data. */
export interface TestServers {
  temporalAddress: string;
  elasticsearchUrl: string;
  temporal: TemporalDevServer | null;
  elasticsearch: ElasticsearchNode | null;
  stop(): Promise<void>;
}

/**
 * Starts a headless Temporal dev server and an Elasticsearch node on free ports, unless
 * TEMPORAL_ADDRESS / ELASTICSEARCH_URL name existing servers, which are then used as they are.
 */
export async function startTestServers(log: (line: string) => void): Promise<TestServers> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'event-hub-test-'));
  chmodSync(dataDir, 0o755);
  const [temporal, elasticsearch] = await Promise.all([
    process.env.TEMPORAL_ADDRESS
      ? null
      : startTemporalDevServer({
          dataDir: path.join(dataDir, 'temporal'),
          port: await freePort(),
          uiPort: null,
          log,
        }),
    process.env.ELASTICSEARCH_URL
      ? null
      : startElasticsearchNode({
          dataDir: path.join(dataDir, 'elasticsearch'),
          httpPort: await freePort(),
          transportPort: await freePort(),
          heapMb: 1024,
          log,
        }),
  ]);
  return {
    temporalAddress: temporal?.address ?? process.env.TEMPORAL_ADDRESS!,
    elasticsearchUrl: elasticsearch?.url ?? process.env.ELASTICSEARCH_URL!,
    temporal,
    elasticsearch,
    async stop() {
      await Promise.all([temporal?.process.stop(), elasticsearch?.process.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
