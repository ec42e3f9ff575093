import { ApplicationFailure } from '@temporalio/client';
import type { RunEnding, SyncActivities } from '../../../src/activities/create-activities';
import type { FetchedFeed, IndexedFeed, ParsedFeed, SyncRunRef } from '../../../src/activities/sync-types';
import { finishedRun } from '../../../src/domain/run-summary';
import { SyncFailureType } from '../../../src/domain/sync-failure-types';
import { startFeverSyncRunner, type FeverSyncRunner } from './support/fever-sync-runner';
import { uniqueName } from '../../support/test-config';

const FEED: FetchedFeed = {
  path: '/staging/feed.xml',
  bytes: 10,
  sha256: 'f',
  fetchedAt: '',
  unchanged: false,
};
const PARSED: ParsedFeed = {
  eventsPath: '/staging/events.staged',
  idsPath: '/staging/event-ids.txt',
  rejectsPath: '/staging/rejects.ndjson',
  events: 3,
  rejected: 0,
};
const INDEXED: IndexedFeed = { new: 3, changed: 0, unchanged: 0, superseded: 0, stale: false };

/** Activities that record their calls; `missingIn` names steps whose first attempt finds its files gone. */
function recordingActivities(taskQueue: string, missingIn: Set<string>) {
  const calls: string[] = [];
  const step = <T>(name: string, value: T) => {
    calls.push(name);
    if (missingIn.delete(name))
      throw ApplicationFailure.create({
        type: SyncFailureType.StagedFilesMissing,
        message: `${name}: staged file is missing`,
        nonRetryable: true,
      });
    return Promise.resolve(value);
  };
  const activities: SyncActivities = {
    claimStagingQueue: () => Promise.resolve(taskQueue),
    fetchFeed: () => step('fetchFeed', FEED),
    parseFeed: () => step('parseFeed', PARSED),
    indexEvents: () => step('indexEvents', INDEXED),
    finishRun: (run: SyncRunRef, ending: RunEnding) =>
      step('finishRun', finishedRun(run, summaryOf(ending), new Date())),
    recordFailedRun: (run: SyncRunRef, ending: RunEnding) =>
      step('recordFailedRun', finishedRun(run, summaryOf(ending), new Date())),
  };
  return { activities, calls };
}

function summaryOf(ending: RunEnding) {
  const counts = { seen: 3, new: 3, changed: 0, unchanged: 0, rejected: 0, unlisted: 0 };
  const outcome = ending.failure ? ('failed' as const) : ('succeeded' as const);
  return { outcome, bytes: 10, sha256: 'f', counts, superseded: 0, failure: ending.failure };
}

describe('syncProviderWorkflow when a step finds its staged files missing', () => {
  let runner: FeverSyncRunner;

  beforeAll(async () => {
    runner = await startFeverSyncRunner();
  });

  afterAll(async () => {
    await runner.close();
  });

  async function runWith(missingIn: string[]) {
    const taskQueue = uniqueName('staged-files-missing');
    const { activities, calls } = recordingActivities(taskQueue, new Set(missingIn));
    const result = await runner.run(taskQueue, activities);
    return { result, calls };
  }

  it('starts the run over from fetchFeed once, instead of retrying the step on the same missing file', async () => {
    const { result, calls } = await runWith(['parseFeed']);
    expect(result.outcome).toBe('succeeded');
    expect(calls).toEqual(['fetchFeed', 'parseFeed', 'fetchFeed', 'parseFeed', 'indexEvents', 'finishRun']);
  });

  it('starts over from fetchFeed when indexEvents or finishRun meet missing files too', async () => {
    const { result, calls } = await runWith(['indexEvents', 'finishRun']);
    expect(result.outcome).toBe('succeeded');
    expect(calls).toEqual([
      ...['fetchFeed', 'parseFeed', 'indexEvents'],
      ...['fetchFeed', 'parseFeed', 'indexEvents', 'finishRun'],
      ...['fetchFeed', 'parseFeed', 'indexEvents', 'finishRun'],
    ]);
  });
});
