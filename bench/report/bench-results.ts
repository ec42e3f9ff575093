import type { BookingHoldsResult } from '../scenarios/booking-holds';
import type { LoadDuringSyncResult } from '../scenarios/load-during-sync';
import type { MigrationBenchResult } from '../scenarios/migrate-bench-index';
import type { ParseAndBulkResult } from '../scenarios/parse-and-bulk';
import type { PartnerMonthWindowResult } from '../scenarios/partner-month-window';
import type { SearchPeakResult } from '../scenarios/search-peak';
import type { SearchThroughputResult } from '../scenarios/search-throughput';
import type { SyncRunsResult } from '../scenarios/sync-runs';
import type { MeasuredSync } from '../support/sync-driver';

/** What the feed's scenarios (syncs, search, load during a sync) measured, before it becomes figures. */
export interface FeedResults {
  feedBytes: number;
  largeFeedBytes: number;
  parseAndBulk: ParseAndBulkResult;
  syncs: SyncRunsResult;
  largeFeed: MeasuredSync;
  search: SearchThroughputResult;
  load: LoadDuringSyncResult;
}

/** Everything one run measured; a scenario group left out by BENCH_ONLY is absent. */
export interface BenchResults {
  feed?: FeedResults;
  peak?: SearchPeakResult;
  migration?: MigrationBenchResult;
  booking?: BookingHoldsResult;
  partner?: PartnerMonthWindowResult;
}
