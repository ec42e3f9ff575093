import { feedParserFor, isFeedKind } from '../../../src/providers/feed-parser';
import { UnknownFeedKindError } from '../../../src/providers/unknown-feed-kind-error';
import { parseXmlEventList } from '../../../src/providers/xml-event-list/parse-xml-event-list';

describe('feedParserFor', () => {
  it('gives the streaming XML parser for the xml-event-list kind', () => {
    expect(feedParserFor('xml-event-list')).toBe(parseXmlEventList);
    expect(isFeedKind('xml-event-list')).toBe(true);
  });

  it('refuses a kind no parser handles, naming it', () => {
    expect(() => feedParserFor('json-api')).toThrow(UnknownFeedKindError);
    expect(() => feedParserFor('json-api')).toThrow('"json-api"');
    expect(isFeedKind('toString')).toBe(false);
  });
});
