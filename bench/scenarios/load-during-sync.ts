import type { FeedSpecInput } from '../../src/simulator/generator/feed-spec';
import { startApiProcess, type HttpChild } from '../support/app-processes';
import type { BenchContext } from '../support/bench-context';
import type { NodeChild } from '../support/node-child';
import { startLoad, type LoadResult } from '../support/http-load';
import { searchPath, type SearchWindow } from '../support/search-windows';
import type { MeasuredSync, SyncDriver } from '../support/sync-driver';

/** `/search` under sustained load while a sync rewrites every event, with and without the cache. */
export interface LoadDuringSyncResult {
  cached: { load: LoadResult; sync: MeasuredSync };
  uncached: { load: LoadResult; sync: MeasuredSync };
  windows: number;
}

const DAY_MS = 24 * 3600 * 1000;
const WINDOWS = 8;

/**
 * Full rewrites (changedPercent 100, a new variant each) under `connections` closed-loop clients spread
 * over several narrow windows, so the generation bump at the end empties the cache for all of them at once.
 */
export async function measureLoadDuringSync(
  ctx: BenchContext,
  driver: SyncDriver,
  worker: NodeChild,
  cachedApi: HttpChild,
  prefix: string,
  base: FeedSpecInput,
  narrow: SearchWindow,
): Promise<LoadDuringSyncResult> {
  const paths = spreadWindows(narrow);
  const cached = await syncUnderLoad(ctx, driver, worker, cachedApi, paths, { ...base, variant: 1 });
  const uncachedApi = await startApiProcess(ctx, 'api-uncached-load', prefix, { cache: false });
  try {
    const uncached = await syncUnderLoad(ctx, driver, worker, uncachedApi, paths, {
      ...base,
      variant: 2,
    });
    return { cached, uncached, windows: paths.length };
  } finally {
    await uncachedApi.child.stop();
  }
}

async function syncUnderLoad(
  ctx: BenchContext,
  driver: SyncDriver,
  worker: NodeChild,
  api: HttpChild,
  paths: string[],
  spec: FeedSpecInput,
): Promise<{ load: LoadResult; sync: MeasuredSync }> {
  ctx.simulator.control('fever', { generate: { ...spec, changedPercent: 100 } });
  const load = startLoad({ url: api.url, paths }, ctx.options.connections, [api.child.pid]);
  try {
    const sync = await driver.sync(worker);
    return { load: await load.stop(), sync };
  } catch (error) {
    await load.stop();
    throw error;
  }
}

/** The narrow window and copies of it shifted by 60-day steps across the feed's two years. */
function spreadWindows(narrow: SearchWindow): string[] {
  const start = Date.parse(narrow.startsAt);
  const length = Date.parse(narrow.endsAt) - start;
  return Array.from({ length: WINDOWS }, (_, i) => {
    const from = Date.UTC(2021, 0, 1) + ((start - Date.UTC(2021, 0, 1) + i * 60 * DAY_MS) % (700 * DAY_MS));
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    return searchPath(iso(from), iso(from + length));
  });
}
