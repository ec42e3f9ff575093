import { eventsMapping } from '../../../../../src/search/index-mappings';
import type { EventsMappingTarget } from '../../../../../src/search/migration/events-mapping-target';

/**
 * A mapping version 2 that only tests know: the product's mapping plus `title.words`, the title
 * analyzed word by word. Documents need no change, so only the new index can answer a query on it.
 */
export const EVENTS_V2: EventsMappingTarget = {
  version: 2,
  mapping: {
    ...eventsMapping,
    properties: {
      ...eventsMapping.properties,
      title: {
        type: 'text',
        store: true,
        fields: {
          raw: { type: 'keyword', ignore_above: 512 },
          words: { type: 'text', analyzer: 'standard' },
        },
      },
    },
  },
};
