import { EVENTS_MAPPING_VERSION, indexNames } from '../../../../src/search/index-names';
import { eventsIndexOf, versionOfEventsIndex } from '../../../../src/search/migration/events-mapping-target';

describe('events index versions', () => {
  const names = indexNames('eventhub');

  it("names version n of the events index after the alias, as index names name this release's", () => {
    expect(eventsIndexOf(names, EVENTS_MAPPING_VERSION)).toBe(names.eventsVersioned);
    expect(eventsIndexOf(names, 12)).toBe('eventhub-events-v12');
  });

  it('reads the version back, and nothing from names that are not versions of this alias', () => {
    expect(versionOfEventsIndex(names, 'eventhub-events-v12')).toBe(12);
    expect(versionOfEventsIndex(names, 'eventhub-events-v2-old')).toBeNull();
    expect(versionOfEventsIndex(names, 'other-events-v2')).toBeNull();
    expect(versionOfEventsIndex(names, 'eventhub-events')).toBeNull();
  });
});
