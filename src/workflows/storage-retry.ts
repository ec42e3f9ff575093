import type { RetryPolicy } from '@temporalio/common';
import { NON_RETRYABLE_SYNC_FAILURES } from '../domain/sync-failure-types';

/** Elasticsearch steps of a sync: about 4 minutes of retries, so a restarting cluster does not fail a run. */
export const storageRetry: RetryPolicy = {
  initialInterval: '2s',
  backoffCoefficient: 2,
  maximumInterval: '30s',
  maximumAttempts: 12,
  nonRetryableErrorTypes: NON_RETRYABLE_SYNC_FAILURES,
};
