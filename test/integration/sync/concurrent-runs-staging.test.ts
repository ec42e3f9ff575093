import { ApplicationFailure } from '@temporalio/common';
import { splitSyncRunId } from '../../../src/domain/sync-run-id';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { FetchedFeed, ParsedFeed, SyncRunRef } from '../../../src/activities/sync-types';
import { SyncFailureType } from '../../../src/domain/sync-failure-types';
import { createSimulator, type Simulator } from '../../../src/simulator/create-simulator';
import {
  activitiesOnTestIndices,
  STAGED_FEVER,
  type ActivitiesOnTestIndices,
} from './support/activities-on-test-indices';

const runOf = (runId: string): SyncRunRef => ({
  providerId: 'fever',
  runId,
  workflowId: splitSyncRunId(runId)!.workflowId,
  startedAt: new Date().toISOString(),
});

/**
 * The interleaving behind a run whose parseFeed failed on every attempt: a second run of the same provider
 * fetched on the same worker between the first run's fetchFeed and parseFeed, and its clean-up removed the
 * first run's staging folder.
 */
describe('two runs of one provider staging on the same worker', () => {
  let simulator: Simulator;
  let bed: ActivitiesOnTestIndices;
  const open = new Set<string>();
  const env = new MockActivityEnvironment();

  beforeAll(async () => {
    simulator = await createSimulator();
    bed = await activitiesOnTestIndices({
      providers: [{ ...STAGED_FEVER, url: simulator.feedUrl() }],
      isRunOpen: (runId) => Promise.resolve(open.has(runId)),
    });
  });

  afterAll(async () => {
    await bed.dispose();
    await simulator.close();
  });

  it("a second run's fetch leaves the staged files of a run that is still open", async () => {
    const first = runOf('sync-fever.t#first');
    const second = runOf('sync-fever.t#second');
    open.add(first.runId).add(second.runId);

    const firstFeed: FetchedFeed = await env.run(() => bed.activities.fetchFeed(first));
    await env.run(() => bed.activities.fetchFeed(second));
    const parsed: ParsedFeed = await env.run(() => bed.activities.parseFeed(first, firstFeed));

    expect(parsed.events).toBeGreaterThan(0);
  });

  it("a later run's fetch removes the staged files of runs that have ended", async () => {
    const ended = runOf('sync-fever.t#ended');
    const next = runOf('sync-fever.t#next');
    open.add(next.runId);

    const endedFeed: FetchedFeed = await env.run(() => bed.activities.fetchFeed(ended));
    await env.run(() => bed.activities.fetchFeed(next));
    const failure = await env.run(() => bed.activities.parseFeed(ended, endedFeed)).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      type: SyncFailureType.StagedFilesMissing,
      nonRetryable: true,
      message: expect.stringContaining('starts over from fetchFeed') as string,
    });
  });
});
