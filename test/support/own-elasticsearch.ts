import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startElasticsearchNode, type ElasticsearchNode } from '../../scripts/stack/elasticsearch-node';
import { freePort } from '../../scripts/stack/free-port';

/** An Elasticsearch node a test owns, so it can stop and restart it (same ports, same data). */
export interface OwnElasticsearch {
  url: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  remove(): Promise<void>;
}

/** Starts a dedicated Elasticsearch node for a test about Elasticsearch going away. */
export async function startOwnElasticsearch(): Promise<OwnElasticsearch> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'event-hub-own-es-'));
  chmodSync(dataDir, 0o755);
  const options = {
    dataDir: path.join(dataDir, 'elasticsearch'),
    httpPort: await freePort(),
    transportPort: await freePort(),
    heapMb: 512,
    log: () => undefined,
  };
  let node: ElasticsearchNode | null = await startElasticsearchNode(options);
  return {
    url: node.url,
    async stop() {
      await node?.process.stop();
      node = null;
    },
    async restart() {
      node = await startElasticsearchNode(options);
    },
    async remove() {
      await node?.process.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
