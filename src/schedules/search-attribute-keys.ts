import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Typed keys of the custom search attributes registered by the dev server and the worker. */
export const PROVIDER_ID = defineSearchAttributeKey('ProviderId', SearchAttributeType.KEYWORD);
export const SYNC_OUTCOME = defineSearchAttributeKey('SyncOutcome', SearchAttributeType.KEYWORD);
export const EVENTS_INDEXED = defineSearchAttributeKey('EventsIndexed', SearchAttributeType.INT);
export const EVENTS_REJECTED = defineSearchAttributeKey('EventsRejected', SearchAttributeType.INT);

/** Every custom search attribute the service uses, for registration. */
export const ALL_SEARCH_ATTRIBUTES = [PROVIDER_ID, SYNC_OUTCOME, EVENTS_INDEXED, EVENTS_REJECTED];
