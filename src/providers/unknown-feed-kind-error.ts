/** Thrown when a provider is configured with a feed kind that no parser handles. */
export class UnknownFeedKindError extends Error {
  override name = 'UnknownFeedKindError';

  constructor(readonly kind: string) {
    super(`no parser for feed kind ${JSON.stringify(kind)}`);
  }
}
