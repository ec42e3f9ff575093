import type { Client } from '@elastic/elasticsearch';
import type { Logger } from 'pino';

/** Waits for the cluster to answer (a worker may start before its Elasticsearch); fails after `timeoutMs`. */
export async function waitForElasticsearch(
  client: Client,
  logger: Logger,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.cluster.health({ wait_for_status: 'yellow', timeout: '5s' });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      if (attempt === 1) logger.warn({ err: error }, 'Elasticsearch not reachable yet; waiting');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
