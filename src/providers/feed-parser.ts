import type { FeedContext } from './feed-context';
import type { FeedInput } from './feed-input';
import type { FeedItem } from './feed-item';
import { UnknownFeedKindError } from './unknown-feed-kind-error';
import { parseXmlEventList } from './xml-event-list/parse-xml-event-list';

/** Streams a provider feed into validated events and rejects; throws on a feed it cannot read at all. */
export type FeedParser = (input: FeedInput, ctx: FeedContext) => AsyncGenerator<FeedItem, void, undefined>;

/** Every feed format the hub reads, by the `kind` named in provider configuration. */
export const feedParsers = {
  'xml-event-list': parseXmlEventList,
} as const satisfies Record<string, FeedParser>;

/** A feed format name that has a parser. */
export type FeedKind = keyof typeof feedParsers;

/** The kinds provider configuration may name: exactly those with a parser. */
export const feedKinds = Object.keys(feedParsers) as [FeedKind, ...FeedKind[]];

/** Whether `kind` names a feed format the hub can read. */
export function isFeedKind(kind: string): kind is FeedKind {
  return Object.hasOwn(feedParsers, kind);
}

/** The parser for a provider's feed kind; throws UnknownFeedKindError for kinds nobody handles. */
export function feedParserFor(kind: string): FeedParser {
  if (!isFeedKind(kind)) throw new UnknownFeedKindError(kind);
  return feedParsers[kind];
}
