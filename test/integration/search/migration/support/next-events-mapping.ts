import { eventsMapping } from '../../../../../src/search/index-mappings';
import { EVENTS_MAPPING_VERSION, type IndexNames } from '../../../../../src/search/index-names';
import {
  eventsIndexOf,
  type EventsMappingTarget,
} from '../../../../../src/search/migration/events-mapping-target';

const title = eventsMapping.properties!.title as { fields: Record<string, unknown> };

/**
 * A next mapping version that only tests know: this release's mapping plus `title.words`, the title
 * analyzed word by word. Documents need no change, so only the new index can answer a query on it.
 */
export const NEXT_EVENTS_MAPPING: EventsMappingTarget = {
  version: EVENTS_MAPPING_VERSION + 1,
  mapping: {
    ...eventsMapping,
    properties: {
      ...eventsMapping.properties,
      title: { ...title, fields: { ...title.fields, words: { type: 'text', analyzer: 'standard' } } },
    },
  },
};

/** The events index a migration to {@link NEXT_EVENTS_MAPPING} creates. */
export function nextEventsIndex(names: IndexNames): string {
  return eventsIndexOf(names, NEXT_EVENTS_MAPPING.version);
}
