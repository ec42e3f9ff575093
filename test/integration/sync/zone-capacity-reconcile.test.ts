import { ApplicationFailure } from '@temporalio/client';
import type { BookingActivities } from '../../../src/activities/bookings/create-booking-activities';
import type { RunEnding, SyncActivities } from '../../../src/activities/create-activities';
import type { FetchedFeed, IndexedFeed, ParsedFeed, SyncRunRef } from '../../../src/activities/sync-types';
import { finishedRun } from '../../../src/domain/run-summary';
import { startFeverSyncRunner, type FeverSyncRunner } from './support/fever-sync-runner';
import { uniqueName } from '../../support/test-config';

const PARSED: ParsedFeed = {
  eventsPath: '/staging/events.staged',
  idsPath: '/staging/event-ids.txt',
  rejectsPath: '/staging/rejects.ndjson',
  events: 3,
  rejected: 0,
};

/** Sync activities that index `written` new events without touching anything, recording what ran. */
function syncActivities(taskQueue: string, feed: { unchanged: boolean; written: number }, calls: string[]) {
  const fetched: FetchedFeed = { path: '/staging/feed.xml', bytes: 10, sha256: 'f', fetchedAt: '', ...feed };
  const indexed: IndexedFeed = { new: feed.written, changed: 0, unchanged: 0, superseded: 0, stale: false };
  const step = <T>(name: string, value: T) => {
    calls.push(name);
    return Promise.resolve(value);
  };
  const finish = (run: SyncRunRef, ending: RunEnding) => {
    const counts = { seen: 3, new: feed.written, changed: 0, unchanged: 0, rejected: 0, unlisted: 0 };
    const outcome = feed.unchanged ? ('unchanged' as const) : ('succeeded' as const);
    const result = { outcome, bytes: 10, sha256: 'f', counts, superseded: 0, failure: ending.failure };
    return step('finishRun', finishedRun(run, result, new Date()));
  };
  const activities: SyncActivities = {
    claimStagingQueue: () => Promise.resolve(taskQueue),
    fetchFeed: () => step('fetchFeed', fetched),
    parseFeed: () => step('parseFeed', PARSED),
    indexEvents: () => step('indexEvents', indexed),
    finishRun: finish,
    recordFailedRun: finish,
  };
  return activities;
}

describe('syncProviderWorkflow telling zones their capacities', () => {
  let runner: FeverSyncRunner;

  beforeAll(async () => {
    runner = await startFeverSyncRunner();
  });

  afterAll(async () => {
    await runner.close();
  });

  async function sync(
    feed: { unchanged: boolean; written: number },
    reconcileZones?: BookingActivities['reconcileZones'],
  ) {
    const taskQueue = uniqueName('zone-capacity-reconcile');
    const calls: string[] = [];
    const activities = {
      ...syncActivities(taskQueue, feed, calls),
      ...(reconcileZones && {
        reconcileZones: (providerId: string) => {
          calls.push(`reconcileZones(${providerId})`);
          return reconcileZones(providerId);
        },
      }),
    };
    const result = await runner.run(taskQueue, activities);
    return { result, calls };
  }

  it('reconciles the provider’s zones after a run that wrote events', async () => {
    const { result, calls } = await sync({ unchanged: false, written: 3 }, () =>
      Promise.resolve({ signalled: 2 }),
    );

    expect(result.outcome).toBe('succeeded');
    // It runs beside finishRun, once the events are written.
    expect(calls.slice(0, 3)).toEqual(['fetchFeed', 'parseFeed', 'indexEvents']);
    expect(calls.slice(3).sort()).toEqual(['finishRun', 'reconcileZones(fever)']);
  });

  it('does not reconcile when the run wrote no event', async () => {
    const unchangedFeed = await sync({ unchanged: true, written: 0 }, () =>
      Promise.resolve({ signalled: 0 }),
    );
    const sameEvents = await sync({ unchanged: false, written: 0 }, () => Promise.resolve({ signalled: 0 }));

    expect(unchangedFeed.calls).toEqual(['fetchFeed', 'finishRun']);
    expect(sameEvents.calls).toEqual(['fetchFeed', 'parseFeed', 'indexEvents', 'finishRun']);
  });

  it('still succeeds when reconciling fails', async () => {
    const { result, calls } = await sync({ unchanged: false, written: 3 }, () =>
      Promise.reject(ApplicationFailure.nonRetryable('signals refused', 'TestFailure')),
    );

    expect(result.outcome).toBe('succeeded');
    expect(calls).toContain('reconcileZones(fever)');
  });

  it('still succeeds, without waiting out retries, on a worker that has no booking activities', async () => {
    const { result } = await sync({ unchanged: false, written: 3 });

    expect(result.outcome).toBe('succeeded');
  });
});
