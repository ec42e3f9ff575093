import { changedFields, trackedState } from '../../../src/search/changed-fields';
import { toFeedDocument } from '../../../src/search/event-document';
import { makeEvent } from '../../support/fixture-events';

describe('changedFields', () => {
  const before = { ...toFeedDocument(makeEvent(1)), listed: true };

  it('names nothing when the tracked fields are equal, however the document was built', () => {
    const readBack = JSON.parse(JSON.stringify(before)) as typeof before;
    expect(changedFields(readBack, { ...toFeedDocument(makeEvent(1)), listed: true })).toEqual([]);
  });

  it('names each differing field in a fixed order, a zone change as `zones`', () => {
    const zones = makeEvent(1).zones.map((z) => (z.zoneId === '2' ? { ...z, price: 6 } : z));
    const after = { ...toFeedDocument(makeEvent(1, { title: 'New', zones })), listed: false };
    expect(changedFields(before, after)).toEqual(['title', 'zones', 'listed']);
  });

  it('treats a missing field as null, so a field set to null does not count as changed', () => {
    expect(changedFields({ organizer_company_id: null }, {})).toEqual([]);
    expect(changedFields({ organizer_company_id: '7' }, {})).toEqual(['organizer_company_id']);
  });

  it('ignores identity and restated fields (ids, local times, date_range)', () => {
    const after = { ...before, base_event_id: 'other', start_date: '1999-01-01', date_range: {} };
    expect(changedFields(before, after)).toEqual([]);
  });

  it('compares a tracked state as it compares the documents, with zones as a digest', () => {
    const readBack = JSON.parse(JSON.stringify(before)) as typeof before;
    const zones = makeEvent(1).zones.map((z) => (z.zoneId === '2' ? { ...z, price: 6 } : z));
    const after = toFeedDocument(makeEvent(1, { title: 'New', zones }));

    expect(trackedState(readBack)).toEqual(trackedState(before));
    expect(trackedState(before).zones).toMatch(/^[\w-]{43}$/);
    expect(changedFields(trackedState(before), trackedState(after))).toEqual(['title', 'zones']);
  });
});
