import type { LoadDuringSyncResult } from '../scenarios/load-during-sync';
import type { ParseAndBulkResult } from '../scenarios/parse-and-bulk';
import type { SearchThroughputResult } from '../scenarios/search-throughput';
import type { SyncRunsResult } from '../scenarios/sync-runs';
import type { MeasuredSync } from '../support/sync-driver';

/** Everything the scenarios measured in one run, before it becomes figures. */
export interface BenchResults {
  feedBytes: number;
  largeFeedBytes: number;
  parseAndBulk: ParseAndBulkResult;
  syncs: SyncRunsResult;
  largeFeed: MeasuredSync;
  search: SearchThroughputResult;
  load: LoadDuringSyncResult;
}
