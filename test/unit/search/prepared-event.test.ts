import { contentHash } from '../../../src/domain/content-hash';
import { toFeedDocument, toLifecycleDocument } from '../../../src/search/event-document';
import { trackedState } from '../../../src/search/changed-fields';
import { documentJson, prepareEvent, zonesJsonOf } from '../../../src/search/prepared-event';
import { makeEvent } from '../../support/fixture-events';

const LIFECYCLE = {
  everOnline: true,
  listed: true,
  firstSeenAt: '2026-01-01T00:00:00.000Z',
  lastSeenAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:01.000Z',
  runId: 'sync-fever-1#run',
  contentHash: 'abc',
  trackedJson: '{"title":"t"}',
  changedFields: ['title'],
};

describe('prepareEvent and documentJson', () => {
  it('produce the document of feed fields and lifecycle fields, nothing more or less', () => {
    const event = makeEvent(3, { title: 'Quotes " and \\ and \t tabs, ñ and 🎸' });
    const document = JSON.parse(documentJson(prepareEvent(event), LIFECYCLE)) as Record<string, unknown>;
    expect(document).toEqual({ ...toFeedDocument(event), ...toLifecycleDocument(LIFECYCLE) });
    expect(document.title).toBe(event.title);
  });

  it('carry the id, content hash and online flag the writer decides on', () => {
    const online = prepareEvent(makeEvent(1));
    const offline = prepareEvent(makeEvent(1, { sellMode: 'offline' }));
    expect(online).toMatchObject({
      id: makeEvent(1).id,
      contentHash: contentHash(makeEvent(1)),
      online: true,
    });
    expect(offline.online).toBe(false);
    expect(offline.contentHash).not.toBe(online.contentHash);
  });

  it('keep the tracked state of the document, its zones read from the document JSON whatever the text holds', () => {
    const event = makeEvent(4, {
      title: 'Tricky ,"zones":[ and ,"zone_count": \\',
      zones: [{ zoneId: '1', name: '],"zone_count":9,"x":"\\"', capacity: 3, price: 12.5, numbered: true }],
    });
    const prepared = prepareEvent(event);
    const feed = toFeedDocument(event);

    expect(zonesJsonOf(prepared.feedJson)).toBe(JSON.stringify(feed.zones));
    expect(prepared.facts.tracked).toEqual(trackedState(feed));
  });
});
