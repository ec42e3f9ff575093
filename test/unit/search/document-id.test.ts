import { documentId, zoneDocumentId } from '../../../src/search/document-id';

describe('documentId', () => {
  it('is the natural key itself when Elasticsearch accepts it, readable in Kibana', () => {
    expect(zoneDocumentId('ef7d32ed-e065-5ffb-9cfe-3ae7de568901', '186:2')).toBe(
      'ef7d32ed-e065-5ffb-9cfe-3ae7de568901:186:2',
    );
  });

  it('is a digest of a key longer than the 512 bytes Elasticsearch allows, the same each time', () => {
    const long = `${'é'.repeat(300)}:1`;

    expect(documentId(long)).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(documentId(long)).toBe(documentId(long));
    expect(documentId(`${'é'.repeat(300)}:2`)).not.toBe(documentId(long));
  });
});
