import type { Client as EsClient } from '@elastic/elasticsearch';
import type { Client } from '@temporalio/client';
import type { FeedSpecInput } from '../../src/simulator/generator/feed-spec';
import { startWorkerProcess } from '../support/app-processes';
import type { BenchContext } from '../support/bench-context';
import { SyncDriver, type MeasuredSync } from '../support/sync-driver';

/**
 * A first sync of a feed twice as large, by a fresh worker into fresh indices: the same conditions as
 * the main feed's first sync, so the two peaks show whether the worker's memory grows with the feed.
 */
export async function measureLargeFeedSync(
  ctx: BenchContext,
  temporalClient: Client,
  elasticsearch: EsClient,
  spec: FeedSpecInput,
): Promise<MeasuredSync> {
  const prefix = 'bench-2x';
  ctx.simulator.control('fever', { generate: spec });
  ctx.relay.setSuffix('');
  const worker = await startWorkerProcess(ctx, 'worker-2x', prefix);
  try {
    return await new SyncDriver(
      temporalClient,
      elasticsearch,
      ctx.providersFile,
      prefix,
      ctx.elasticsearchPid,
    ).sync(worker);
  } finally {
    await worker.stop();
  }
}
