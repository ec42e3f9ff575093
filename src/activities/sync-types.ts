/** References and counts the sync activities exchange; never event data (it stays in staging files). */
export interface SyncRunRef {
  providerId: string;
  /** Id of the run in the sync-runs index: workflow id plus Temporal run id (see syncRunId). */
  runId: string;
  /** Business key: one per provider and deployment, shared by all its runs (see sync-ids.ts). */
  workflowId: string;
  startedAt: string;
}

/** What fetchFeed left on the worker's disk. */
export interface FetchedFeed {
  path: string;
  bytes: number;
  sha256: string;
  fetchedAt: string;
  /** Same content as the last successful run: nothing else to do. */
  unchanged: boolean;
}

/** What parseFeed wrote next to the feed. */
export interface ParsedFeed {
  /** Prepared events, see staged-events.ts. */
  eventsPath: string;
  idsPath: string;
  rejectsPath: string;
  /** Zone prices per zone name and start month (ZonePriceRow[] JSON); absent when an earlier release parsed. */
  zonePricesPath?: string;
  events: number;
  rejected: number;
}

/** What indexEvents did to the index. */
export interface IndexedFeed {
  new: number;
  changed: number;
  unchanged: number;
  superseded: number;
  /** The run's feed was older than what is already indexed: nothing written. */
  stale: boolean;
}

/** Progress of a running sync, for the workflow query and heartbeat details. */
export interface SyncProgress {
  phase: 'starting' | 'fetching' | 'parsing' | 'indexing' | 'finishing' | 'done' | 'failed';
  bytes: number | null;
  eventsParsed: number | null;
  eventsIndexed: number | null;
}
