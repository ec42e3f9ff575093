import { createContractValidator } from '../../support/contract';
import { ADMIN_TOKEN, createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

// The contract defines only /search; its error shape is the one every route answers errors in.
const errorShape = createContractValidator('/search');
const AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const PAUSE = '/admin/providers/fever/pause';

describe('admin API with bad input', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  function pause(body: string, contentType = 'application/json') {
    return t.http.post(PAUSE).set(AUTH).set('Content-Type', contentType).send(body);
  }

  describe('malformed JSON bodies answer 400 invalid_body and change nothing', () => {
    test.each([
      ['a truncated object', '{"note": "x"'],
      ['unquoted keys', '{note: "x"}'],
      ['single quotes', "{'note': 'x'}"],
      ['a trailing comma', '{"note": "x",}'],
      ['trailing garbage', '{"note": "x"} x'],
      ['two documents', '{"note": "x"}{"note": "y"}'],
      ['a byte-order mark', '\ufeff{"note": "x"}'],
      ['a NUL byte', '\u0000'],
      ['a lone quote', '"'],
      ['10,000 nested arrays', '['.repeat(10_000)],
      ['10,000 nested arrays, closed', `${'['.repeat(5000)}${']'.repeat(5000)}`],
      ['an array', '[{"note": "x"}]'],
      ['a string', '"x"'],
      ['a number', '42'],
      ['true', 'true'],
      ['null', 'null'],
      ['an infinite number as note', '{"note": 1e999}'],
      ['a note that is an object', '{"note": {"toString": "x"}}'],
      ['an unknown key', '{"note": "x", "paused": false}'],
      ['a __proto__ key', '{"note": "x", "__proto__": {"polluted": true}}'],
      ['a constructor key', '{"note": "x", "constructor": {"prototype": {"polluted": true}}}'],
    ])('%s', async (_case, body) => {
      const res = await pause(body);
      errorShape.assert(res.status, res.body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_body');
      expect(t.syncControl.calls).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('notes', () => {
    it('accepts a note of exactly 500 characters', async () => {
      expect((await pause(JSON.stringify({ note: 'x'.repeat(500) }))).status).toBe(200);
    });

    it('refuses a note of 501 characters saying it is too long, not that it is missing', async () => {
      const res = await pause(JSON.stringify({ note: 'x'.repeat(501) }));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^note: .*500/);
      expect(res.body.error.message).not.toMatch(/required/);
    });

    it('refuses a note that is not a string saying so, not that it is missing', async () => {
      const res = await pause('{"note": 42}');
      expect(res.status).toBe(400);
      expect(res.body.error.message).not.toMatch(/required/);
    });

    it('still says a missing note is required', async () => {
      const res = await pause('{}');
      expect(res.body.error.message).toBe('note: is required: say why the provider is paused');
    });
  });

  describe('content types', () => {
    test.each([
      ['text/plain', 415],
      ['application/x-www-form-urlencoded', 415],
      ['multipart/form-data; boundary=x', 415],
      ['application/jsonx', 415],
      ['application/json-patch+json', 415],
      ['text/json', 415],
      ['', 415],
      ['application/json; charset=utf-8', 200],
      ['APPLICATION/JSON', 200],
    ])('Content-Type %p answers %i', async (contentType, status) => {
      const res = await pause('{"note": "x"}', contentType);
      expect(res.status).toBe(status);
      if (status !== 200) errorShape.assert(res.status, res.body);
      if (status === 415) expect(res.body.error.code).toBe('unsupported_media_type');
    });
  });

  describe('huge bodies answer 413 payload_too_large before parsing', () => {
    test.each([
      ['16 KB + 1 byte', 16 * 1024 + 1],
      ['1 MB', 1024 * 1024],
      ['8 MB', 8 * 1024 * 1024],
    ])('%s', async (_case, bytes) => {
      const res = await pause(`{"note": "${'x'.repeat(bytes - 12)}"}`);
      errorShape.assert(res.status, res.body);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('payload_too_large');
      expect(t.syncControl.calls).toEqual([]);
    });

    it('reads a body of exactly 16 KB (and then judges the note)', async () => {
      const res = await pause(`{"note": "${'x'.repeat(16 * 1024 - 12)}"}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_body');
    });
  });

  describe('providers and parameters', () => {
    test.each([
      ['POST', '/admin/providers/nope/sync', 404, 'unknown_provider'],
      ['POST', '/admin/providers/nope/resume', 404, 'unknown_provider'],
      ['GET', '/admin/runs?provider=nope', 404, 'unknown_provider'],
      ['POST', `/admin/providers/${'a'.repeat(65)}/sync`, 400, 'invalid_parameter'],
      ['POST', '/admin/providers/..%2F..%2Fetc/sync', 400, 'invalid_parameter'],
      ['POST', '/admin/providers/%E0%A4%A/sync', 400, 'invalid_parameter'],
      ['POST', '/admin/providers/fever%00/sync', 400, 'invalid_parameter'],
      ['POST', '/admin/providers/fever/sync?wait=TRUE', 400, 'invalid_parameter'],
      ['POST', '/admin/providers/fever/sync?wait=true&wait=false', 400, 'invalid_parameter'],
      ['GET', '/admin/runs?limit=%00', 400, 'invalid_parameter'],
      ['GET', '/admin/runs?limit=Infinity', 400, 'invalid_parameter'],
      ['GET', '/admin/runs?limit=', 400, 'invalid_parameter'],
      ['GET', '/admin/runs?provider=', 400, 'invalid_parameter'],
      ['GET', '/admin/runs?provider=%E0%A4%A', 400, 'invalid_parameter'],
      ['DELETE', '/admin/providers', 405, 'method_not_allowed'],
    ])('%s %s answers %i %s', async (method, path, status, code) => {
      const res = await t.http[method.toLowerCase() as 'get' | 'post' | 'delete'](path).set(AUTH);
      errorShape.assert(res.status, res.body);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    });
  });

  describe('authorization headers', () => {
    test.each([
      ['no header', undefined, 401],
      ['"Bearer" without a token', 'Bearer', 401],
      ['"Bearer " and spaces', 'Bearer    ', 401],
      [
        'Basic auth with the token as password',
        `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`,
        401,
      ],
      ['Basic auth with the bare token', `Basic ${ADMIN_TOKEN}`, 401],
      ['another scheme', `Token ${ADMIN_TOKEN}`, 401],
      ['the token without a scheme', ADMIN_TOKEN, 401],
      ['a tab after Bearer', `Bearer\t${ADMIN_TOKEN}`, 401],
      ['the token and more words', `Bearer ${ADMIN_TOKEN} extra`, 401],
      ['two bearer credentials in one header', `Bearer ${ADMIN_TOKEN}, Bearer x`, 401],
      ['the token in upper case', `Bearer ${ADMIN_TOKEN.toUpperCase()}`, 403],
      ['the token in quotes', `Bearer "${ADMIN_TOKEN}"`, 403],
      ['the token with "=" padding', `Bearer ${ADMIN_TOKEN}=`, 403],
      ['a prefix of the token', `Bearer ${ADMIN_TOKEN.slice(0, -1)}`, 403],
      ['a percent-encoded NUL', 'Bearer %00', 403],
      ['Latin-1 characters', 'Bearer \u00e9\u00ff', 403],
      ['an 8 KB token', `Bearer ${'x'.repeat(8 * 1024)}`, 403],
      ['the scheme in lower case (schemes are case-insensitive)', `bearer ${ADMIN_TOKEN}`, 200],
      ['the scheme in upper case', `BEARER ${ADMIN_TOKEN}`, 200],
      ['extra spaces around the token', `Bearer   ${ADMIN_TOKEN}  `, 200],
    ])('%s answers %i', async (_case, authorization, status) => {
      const req = t.http.get('/admin/providers');
      const res = authorization === undefined ? await req : await req.set('Authorization', authorization);
      expect(res.status).toBe(status);
      if (status === 200) return;
      errorShape.assert(res.status, res.body);
      expect(res.body.error.code).toBe(status === 401 ? 'unauthorized' : 'forbidden');
      if (status === 401) expect(res.headers['www-authenticate']).toBe('Bearer realm="admin"');
      expect(t.syncControl.calls).toEqual([]);
    });

    it('checks the token before reading a huge body', async () => {
      const res = await t.http
        .post(PAUSE)
        .set('Content-Type', 'application/json')
        .send(`{"note": "${'x'.repeat(1024 * 1024)}"}`);
      expect(res.status).toBe(401);
    });
  });
});
