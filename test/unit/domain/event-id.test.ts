import { EVENT_ID_NAMESPACE, eventId } from '../../../src/domain/event-id';
import { uuidV5 } from '../../../src/domain/uuid-v5';

describe('eventId', () => {
  it('is the UUIDv5 of provider:base_event_id:event_id under the event namespace', () => {
    expect(eventId('fever', '322', '1642')).toBe(uuidV5('fever:322:1642', EVENT_ID_NAMESPACE));
  });

  it('never changes across releases, because stored documents are addressed by it', () => {
    expect(eventId('fever', '291', '291')).toBe('dbaa482b-8da9-5bc2-842b-849f60586206');
  });

  it('tells apart the same event_id under different base events and providers', () => {
    const ids = [
      eventId('fever', '322', '1642'),
      eventId('fever', '1591', '1642'),
      eventId('other', '322', '1642'),
    ];

    expect(new Set(ids).size).toBe(3);
  });

  it('keeps ids apart when a separator moves between parts', () => {
    expect(eventId('p', '1:2', '3')).not.toBe(eventId('p', '1', '2:3'));
    expect(eventId('p', '1%3A2', '3')).not.toBe(eventId('p', '1:2', '3'));
  });

  it('is a version 5, RFC 4122 variant UUID', () => {
    expect(eventId('fever', '1', '1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
