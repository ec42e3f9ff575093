import type { EventReject, ProviderEvent } from '../domain/event';

/** One result of a parse: a valid event, or an event refused with its reason. */
export type FeedItem = { kind: 'event'; event: ProviderEvent } | { kind: 'reject'; reject: EventReject };
