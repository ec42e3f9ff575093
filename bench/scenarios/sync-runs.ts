import type { FeedSpecInput } from '../../src/simulator/generator/feed-spec';
import type { BenchContext } from '../support/bench-context';
import type { NodeChild } from '../support/node-child';
import type { MeasuredSync, SyncDriver } from '../support/sync-driver';
import { changedEventCount, firstChangedEvent } from '../support/changed-events';
import { narrowWindowAround, type SearchWindow } from '../support/search-windows';

/** The successive syncs of one index set: first full, the two no-ops, then 1% changed. */
export interface SyncRunsResult {
  full: MeasuredSync;
  /** Same bytes again: fetchFeed's sha256 check ends the run. */
  noop: MeasuredSync;
  /** Same events, different bytes: parsed and compared, nothing should be written. */
  noopBytesChanged: MeasuredSync;
  onePercent: MeasuredSync;
  /** Changed events in the 1% feed, by the generator: what the 1% sync should write. */
  onePercentExpected: number;
  /** From the 1% run's end until `/search` shows the change (ETag and the event's min_price). */
  visibleAfterSeconds: number;
  /** The window polled for the change; tens of events, reused by the search benchmarks. */
  window: SearchWindow;
}

const RESYNC_COMMENT = '\n<!-- re-sync by the bench: same events, different bytes -->\n';

/** Runs the syncs against `worker` (already serving `driver`'s index set). */
export async function runSyncs(
  ctx: BenchContext,
  driver: SyncDriver,
  worker: NodeChild,
  apiUrl: string,
  base: FeedSpecInput,
): Promise<SyncRunsResult> {
  ctx.simulator.control('fever', { generate: base });
  ctx.relay.setSuffix('');
  const full = await driver.sync(worker);
  const noop = await driver.sync(worker);
  ctx.relay.setSuffix(RESYNC_COMMENT);
  const noopBytesChanged = await driver.sync(worker);
  ctx.relay.setSuffix('');

  const onePercentSpec = { ...base, changedPercent: 1 };
  const target = firstChangedEvent(base, onePercentSpec);
  const window = narrowWindowAround(base, target);
  const before = await searchOnce(apiUrl, window.path);
  ctx.simulator.control('fever', { generate: onePercentSpec });
  const onePercent = await driver.sync(worker);
  const seenAt = await waitForChange(apiUrl, window.path, before, target.title);
  return {
    full,
    noop,
    noopBytesChanged,
    onePercent,
    onePercentExpected: changedEventCount(base, onePercentSpec),
    visibleAfterSeconds: Math.max(0, (seenAt - onePercent.endedAt) / 1000),
    window,
  };
}

interface SearchAnswer {
  etag: string;
  events: { title: string; min_price: number | null }[];
}

async function searchOnce(apiUrl: string, path: string): Promise<SearchAnswer> {
  const response = await fetch(`${apiUrl}${path}`);
  if (!response.ok) throw new Error(`GET ${path} answered HTTP ${response.status}`);
  const body = (await response.json()) as { data: { events: SearchAnswer['events'] } };
  return { etag: response.headers.get('etag') ?? '', events: body.data.events };
}

/** Polls every 50 ms until the ETag differs from `before` and the target event shows a new min_price. */
async function waitForChange(
  apiUrl: string,
  path: string,
  before: SearchAnswer,
  title: string,
): Promise<number> {
  const oldPrice = before.events.find((e) => e.title === title)?.min_price;
  if (oldPrice === undefined) throw new Error(`"${title}" is not in ${path} before the change`);
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const answer = await searchOnce(apiUrl, path);
    const price = answer.events.find((e) => e.title === title)?.min_price;
    if (answer.etag !== before.etag && price !== oldPrice) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the change to "${title}" was not visible in ${path} within 60 s`);
}
