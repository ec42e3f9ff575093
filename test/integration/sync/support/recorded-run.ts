import type { SyncHarness } from '../../../support/sync-harness';

/** A sync-runs document as stored, with the fields the admin API's summary leaves out (error_type). */
export interface RecordedRun {
  run_id: string;
  outcome: string;
  error: string | null;
  error_type: string | null;
  counts: Record<'seen' | 'new' | 'changed' | 'unchanged' | 'rejected' | 'unlisted' | 'superseded', number>;
}

/** The sync-runs document of one run, or null when none was recorded. */
export async function recordedRun(
  harness: Pick<SyncHarness, 'elasticsearch' | 'indices'>,
  runId: string,
): Promise<RecordedRun | null> {
  const response = await harness.elasticsearch.get<RecordedRun>(
    { index: harness.indices.syncRuns, id: runId },
    { ignore: [404] },
  );
  return response._source ?? null;
}
