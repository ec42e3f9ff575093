import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { IndexCheckpoint } from '../../../src/activities/index-staged-events';
import type { FetchedFeed, ParsedFeed, SyncRunRef } from '../../../src/activities/sync-types';
import { generateEventListFeed } from '../../../src/simulator/generator/generate-event-list-feed';
import { activitiesOnTestIndices, type ActivitiesOnTestIndices } from './support/activities-on-test-indices';
import { indexingTotal } from './support/indexing-total';
import { stageFeed } from './support/stage-feed';

const EVENTS = 1000;
const BATCH = 100;
const FETCHED_AT = '2026-03-01T10:00:00.000Z';

/** Thrown from a heartbeat listener: the attempt dies right after that checkpoint, as a crashed worker would. */
class SimulatedCrash extends Error {}

describe('indexEvents retried after an interrupted attempt', () => {
  let bed: ActivitiesOnTestIndices;
  let run: SyncRunRef;
  let feed: FetchedFeed;
  let parsed: ParsedFeed;

  beforeEach(async () => {
    bed = await activitiesOnTestIndices({ indexBatchSize: BATCH });
    run = { providerId: 'fever', runId: 'interrupted', workflowId: 'interrupted', startedAt: FETCHED_AT };
    feed = await stageFeed(
      bed.stagingDir,
      run,
      generateEventListFeed({ events: EVENTS, seed: 5 }),
      FETCHED_AT,
    );
    parsed = await new MockActivityEnvironment().run(() => bed.activities.parseFeed(run, feed));
  });

  afterEach(async () => {
    await bed.dispose();
  });

  /** Runs a first attempt that stops after its `crashAfter`-th checkpoint; returns the checkpoints it heartbeated. */
  async function interruptedAttempt(crashAfter: number): Promise<IndexCheckpoint[]> {
    const checkpoints: IndexCheckpoint[] = [];
    const env = new MockActivityEnvironment({ attempt: 1 }, { logger: new DefaultLogger('ERROR') });
    env.on('heartbeat', (checkpoint: IndexCheckpoint) => {
      checkpoints.push(structuredClone(checkpoint));
      if (checkpoints.length === crashAfter) throw new SimulatedCrash();
    });
    await expect(env.run(() => bed.activities.indexEvents(run, feed, parsed))).rejects.toThrow(
      SimulatedCrash,
    );
    return checkpoints;
  }

  /** A second attempt given the checkpoint the server kept (a copy: Temporal deserializes it afresh). */
  function retry(checkpoint: IndexCheckpoint | undefined) {
    const heartbeatDetails = structuredClone(checkpoint);
    return new MockActivityEnvironment({ attempt: 2, heartbeatDetails }).run(() =>
      bed.activities.indexEvents(run, feed, parsed),
    );
  }

  it('resumes after the last checkpoint and writes each event exactly once', async () => {
    const checkpoints = await interruptedAttempt(4);

    const indexed = await retry(checkpoints.at(-1));

    expect(checkpoints.map((c) => c.line)).toEqual([100, 200, 300, 400]);
    expect(parsed.events).toBe(EVENTS);
    expect(indexed).toEqual({ new: EVENTS, changed: 0, unchanged: 0, superseded: 0, stale: false });
    expect(await indexingTotal(bed.client, bed.names.eventsVersioned)).toBe(EVENTS);
  });

  it('when the last checkpoint never reached the server, redoes those batches without writing them twice', async () => {
    const checkpoints = await interruptedAttempt(4);

    // Only the second checkpoint survived: batches 3 and 4 were written but the server never heard of them.
    const indexed = await retry(checkpoints[1]);

    expect(indexed).toEqual({ new: EVENTS, changed: 0, unchanged: 0, superseded: 0, stale: false });
    expect(await indexingTotal(bed.client, bed.names.eventsVersioned)).toBe(EVENTS);
  });

  it('when no checkpoint reached the server, starts over and still counts every event once', async () => {
    await interruptedAttempt(3);

    const indexed = await retry(undefined);

    expect(indexed).toEqual({ new: EVENTS, changed: 0, unchanged: 0, superseded: 0, stale: false });
    expect(await indexingTotal(bed.client, bed.names.eventsVersioned)).toBe(EVENTS);
  });
});
