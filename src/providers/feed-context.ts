/** What a parser needs to know about the provider whose feed it reads. */
export interface FeedContext {
  providerId: string;
  /** IANA zone the provider's wall-clock values are written in. */
  timeZone: string;
  /** Deepest element nesting accepted before the feed is refused as malformed. */
  maxDepth?: number;
}
