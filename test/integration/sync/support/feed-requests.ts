import type { RequestLogEntry } from '../../../../src/simulator/request-log';
import type { SyncHarness } from '../../../support/sync-harness';

/** Counts the simulator's `fever` feed requests from now on. */
export function watchFeedRequests(harness: Pick<SyncHarness, 'simulator'>): {
  requests(): RequestLogEntry[];
} {
  const before = harness.simulator.status('fever').requests;
  return {
    requests: () =>
      harness.simulator.status('fever').recentRequests.filter((request) => request.number > before),
  };
}

/** Milliseconds between consecutive requests. */
export function gapsBetween(requests: RequestLogEntry[]): number[] {
  return requests.slice(1).map((request, i) => Date.parse(request.at) - Date.parse(requests[i]!.at));
}
