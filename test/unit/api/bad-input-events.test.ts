import { createContractValidator } from '../../support/contract';
import fixtureEvents from './fixtures/events.json';
import { createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

// The contract defines only /search; its error shape is the one every route answers errors in.
const errorShape = createContractValidator('/search');
const KNOWN_ID = fixtureEvents[0]?.id ?? '';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('GET /events/:id with odd ids', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  test.each<[string, string, number, string]>([
    ['a number', '291', 400, 'invalid_parameter'],
    ['a UUID without dashes', KNOWN_ID.replace(/-/g, ''), 400, 'invalid_parameter'],
    ['a UUID in braces', `%7B${KNOWN_ID}%7D`, 400, 'invalid_parameter'],
    ['a URN UUID', `urn:uuid:${KNOWN_ID}`, 400, 'invalid_parameter'],
    ['a UUID with a trailing character', `${KNOWN_ID}0`, 400, 'invalid_parameter'],
    ['a UUID with an encoded space before it', `%20${KNOWN_ID}`, 400, 'invalid_parameter'],
    ['a UUID with an encoded NUL after it', `${KNOWN_ID}%00`, 400, 'invalid_parameter'],
    ['a UUID with a non-hex letter', KNOWN_ID.replace(/^./, 'g'), 400, 'invalid_parameter'],
    ['an encoded slash', 'a%2Fb', 400, 'invalid_parameter'],
    ['encoded dot segments', '..%2F..%2Fadmin%2Fproviders', 400, 'invalid_parameter'],
    ['an encoded backslash', '..%5Cadmin', 400, 'invalid_parameter'],
    ['a truncated UTF-8 sequence', '%E0%A4%A', 400, 'invalid_parameter'],
    ['an overlong "/"', '%C0%AF', 400, 'invalid_parameter'],
    ['a bare "%"', '%', 400, 'invalid_parameter'],
    ['1,000 characters', 'x'.repeat(1000), 400, 'invalid_parameter'],
    ['3,000 characters', 'x'.repeat(3000), 414, 'uri_too_long'],
    ['a well-formed UUID no event has', UNKNOWN_ID, 404, 'not_found'],
    ['the max UUID', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 404, 'not_found'],
    ['a second path segment', `${KNOWN_ID}/zones`, 404, 'not_found'],
    ['an empty id', '', 404, 'not_found'],
  ])('answers %s with %i %s, in the error shape', async (_case, id, status, code) => {
    const res = await t.http.get(`/events/${id}`);
    errorShape.assert(res.status, res.body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('does not resolve dot segments into another route', async () => {
    const res = await t.http.get('/events/../admin/providers');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers a 100 KB id with 414 or Node’s bare 431, never a 5xx', async () => {
    const res = await t.http.get(`/events/${'x'.repeat(100 * 1024)}`);
    expect([414, 431]).toContain(res.status);
  });

  it('does not echo a malformed id in the error message', async () => {
    const res = await t.http.get('/events/%3Cscript%3E');
    expect(res.body.error.message).toBe('id: must be a UUID');
  });
});
