/** `ApplicationFailure` types a sync can end with; ops read them in the Temporal UI and the sync-runs index. */
export const SyncFailureType = {
  /** The feed is not well-formed XML (or not an event list): retrying cannot fix it. */
  MalformedFeed: 'MalformedFeed',
  /** The feed is larger than the provider's configured maximum. */
  FeedTooLarge: 'FeedTooLarge',
  /** The provider answered 5xx, timed out or dropped the connection: retried with backoff. */
  ProviderUnavailable: 'ProviderUnavailable',
  /** The provider answered 429: retried after its Retry-After. */
  ProviderRateLimited: 'ProviderRateLimited',
  /** The provider refused the request (4xx other than 429): a configuration problem, not retried. */
  ProviderRejectedRequest: 'ProviderRejectedRequest',
  /** The workflow names a provider the worker's configuration does not have. */
  UnknownProvider: 'UnknownProvider',
  /** A partner's answer is not JSON, or not a list of slots: retrying the same request cannot fix it. */
  MalformedAnswer: 'MalformedAnswer',
  /** A partner does not know a configured product (404): a configuration problem, not retried. */
  UnknownProduct: 'UnknownProduct',
  /** A step's staged inputs are gone from the worker's disk: the run starts over from fetchFeed. */
  StagedFilesMissing: 'StagedFilesMissing',
} as const;

/** Failure types the sync workflow's retry policies never retry. */
export const NON_RETRYABLE_SYNC_FAILURES: string[] = [
  SyncFailureType.MalformedFeed,
  SyncFailureType.FeedTooLarge,
  SyncFailureType.ProviderRejectedRequest,
  SyncFailureType.UnknownProvider,
  SyncFailureType.StagedFilesMissing,
  SyncFailureType.MalformedAnswer,
  SyncFailureType.UnknownProduct,
];
