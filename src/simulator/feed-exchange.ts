import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FeedState } from './feed-state';

/** One feed request in flight: the HTTP exchange, its feed, and where to note what it got. */
export interface FeedExchange {
  req: IncomingMessage;
  res: ServerResponse;
  feed: FeedState;
  /** Aborts when the response closes, finished or not, so streaming stops with the client. */
  signal: AbortSignal;
  /** Notes what this request got (e.g. `sample 2`) in the feed's request log. */
  record: (outcome: string, status: number | null) => void;
}
