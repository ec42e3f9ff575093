import type { AvailabilityJsonSettings } from '../../providers/availability-json/availability-json-settings';
import { durationMs } from '../../providers/settings-fields';

/**
 * Requests Temporal's rate limiter may let through at once beyond its rate, when a backlog starts: on a
 * queue of one partition two tasks were seen going out together. The rate leaves room for them, so no
 * window of the partner's period ever holds more than its limit.
 */
export const PARTITION_BURST = 2;

/** The task queue that carries every request to one partner: its rate limit is the partner's. */
export function partnerTaskQueue(taskQueue: string, providerId: string): string {
  return `${taskQueue}-partner-${providerId}`;
}

/** Requests per second the partner's queue dispatches: its limit less the burst, over its period. */
export function partnerRequestsPerSecond(provider: Pick<AvailabilityJsonSettings, 'rateLimit'>): number {
  const { requests, per } = provider.rateLimit;
  const paced = requests > PARTITION_BURST ? requests - PARTITION_BURST : requests / 2;
  return paced / (durationMs(per) / 1000);
}
