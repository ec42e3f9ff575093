import http from 'node:http';
import { createContractValidator } from '../../support/contract';
import { createTestApp, listenOnLoopback } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const contract = createContractValidator('/search');
const DATE = '2021-09-01T00:00:00Z';

interface RawResponse {
  status: number;
  body: unknown;
}

/**
 * GETs `target` exactly as written. supertest passes URLs through WHATWG URL, which would drop a bare "?" and
 * escape raw bytes, so these requests go through node:http (the server listens with the same `callback` supertest drives).
 */
async function rawGet(t: TestApp, target: string): Promise<RawResponse> {
  const { server, port } = await listenOnLoopback(t);
  try {
    return await new Promise<RawResponse>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: target }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text === '' ? undefined : JSON.parse(text) });
        });
      });
      req.on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('GET /search with odd query strings', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  /** [what the query is, raw query string, status, error code for a 400]. */
  type QueryCase = [string, string, 200 | 400, string | null];

  describe.each<[string, QueryCase[]]>([
    [
      'repeated, unknown and empty parameters',
      [
        ['starts_at twice', `starts_at=${DATE}&starts_at=${DATE}`, 400, 'invalid_parameter'],
        ['ends_at twice, once empty', `ends_at=${DATE}&ends_at=`, 400, 'invalid_parameter'],
        ['unknown parameters, repeated', `starts_at=${DATE}&page=2&foo=1&foo=2`, 200, null],
        ['a key that differs only in case', `STARTS_AT=yesterday&Ends_At=x`, 200, null],
        ['an empty value', 'starts_at=', 400, 'invalid_parameter'],
        ['a key without "="', 'ends_at', 400, 'invalid_parameter'],
        ['both bounds empty', 'starts_at=&ends_at=', 400, 'invalid_parameter'],
        ['an empty key', '=2021&=x', 200, null],
        ['only separators', '&&&', 200, null],
        ['separators around a valid bound', `&&starts_at=${DATE}&&`, 200, null],
        ['200 unknown parameters', 'a=1&'.repeat(200), 200, null],
      ],
    ],
    [
      'bracket keys (no array syntax: they are other, unknown parameters)',
      [
        ['starts_at[]=', 'starts_at[]=', 200, null],
        ['starts_at[a]=x', 'starts_at[a]=x', 200, null],
        ['encoded brackets', 'ends_at%5B%5D=x', 200, null],
        ['brackets beside the real key', `starts_at[]=x&starts_at=${DATE}`, 200, null],
      ],
    ],
    [
      'percent-encoding',
      [
        ['an encoded "+" offset', 'starts_at=2021-09-01T02:00:00%2B02:00', 200, null],
        ['a lower-case encoded "+"', 'starts_at=2021-09-01T02:00:00%2b02:00', 200, null],
        ['encoded colons', 'starts_at=2021-09-01T00%3A00%3A00Z', 200, null],
        ['an encoded key', `starts%5Fat=${DATE}`, 200, null],
        [
          'an encoded key repeating the plain one',
          `starts%5Fat=${DATE}&starts_at=${DATE}`,
          400,
          'invalid_parameter',
        ],
        ['%00 as the value', 'starts_at=%00', 400, 'invalid_parameter'],
        ['%00 after a valid date', `ends_at=${DATE}%00`, 400, 'invalid_parameter'],
        ['%00 as a key', '%00=1', 200, null],
        ['a truncated UTF-8 sequence', 'starts_at=%E0%A4%A', 400, 'invalid_parameter'],
        ['a bare "%"', 'starts_at=%', 400, 'invalid_parameter'],
        ['a "%" with non-hex digits', 'ends_at=%zz', 400, 'invalid_parameter'],
        ['an overlong "/" (C0 AF)', 'starts_at=%C0%AF', 400, 'invalid_parameter'],
        ['an overlong NUL (C0 80)', 'starts_at=%C0%80', 400, 'invalid_parameter'],
        ['a lone surrogate in UTF-8 (ED A0 80)', 'starts_at=%ED%A0%80', 400, 'invalid_parameter'],
        ['a byte-order mark before the date', `starts_at=%EF%BB%BF${DATE}`, 400, 'invalid_parameter'],
        ['full-width digits', 'starts_at=%EF%BC%92021-09-01T00:00:00Z', 400, 'invalid_parameter'],
        ['a trailing encoded newline', `ends_at=${DATE}%0A`, 400, 'invalid_parameter'],
        ['a leading encoded space', `ends_at=%20${DATE}`, 400, 'invalid_parameter'],
        ['a truncated sequence as a key', '%E0%A4%A=1', 200, null],
        ['HTML in the value', 'starts_at=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 400, 'invalid_parameter'],
      ],
    ],
  ])('%s', (_group, cases) => {
    test.each(cases)('%s (%s) answers %i', async (_case, query, status, code) => {
      const res = await rawGet(t, `/search?${query}`);
      contract.assert(res.status, res.body);
      expect(res.status).toBe(status);
      if (code) expect(res.body).toMatchObject({ error: { code } });
    });
  });

  it('answers a bare "?" like no query at all', async () => {
    const res = await rawGet(t, '/search?');
    contract.assert(res.status, res.body);
    expect(res.status).toBe(200);
    expect(t.eventSearch.searches).toEqual([{}]);
  });

  it('leaves raw bytes outside ASCII to Node, whose HTTP parser answers a bare 400 before the app runs', async () => {
    const res = await rawGet(t, '/search?starts_at=\u00e9\u00ff');
    expect(res).toEqual({ status: 400, body: undefined });
    expect(t.eventSearch.searches).toEqual([]);
  });

  it('reads an encoded key as the parameter it decodes to', async () => {
    await rawGet(t, `/search?ends%5fat=${DATE}`);
    expect(t.eventSearch.searches).toEqual([{ endsAt: new Date(DATE) }]);
  });

  it('quotes the refused value in the message as JSON text, whatever bytes it held', async () => {
    const res = await t.http.get('/search?starts_at=%22%3E%3C%00%E0%A4%A');
    contract.assert(res.status, res.body);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body.error.message).toMatch(/^starts_at: /);
  });

  describe('very long values', () => {
    test.each([
      ['65 characters', `starts_at=${DATE}${'0'.repeat(45)}`, [400]],
      ['2,000 characters, under the URL limit', `ends_at=${'9'.repeat(2000)}`, [400]],
      ['10 KB', `starts_at=${'x'.repeat(10 * 1024)}`, [414]],
      ['10 KB in an unknown parameter', `starts_at=${DATE}&q=${'%41'.repeat(3500)}`, [414]],
      // Node's HTTP parser refuses heads over 16 KB with a bare 431 before the app sees the request.
      ['100 KB', `ends_at=${'1'.repeat(100 * 1024)}`, [414, 431]],
    ])('%s: answers %p, never a 5xx', async (_case, query, statuses) => {
      const res = await t.http.get(`/search?${query}`);
      expect(statuses).toContain(res.status);
      if (res.status !== 431) contract.assert(res.status, res.body);
      expect(t.eventSearch.searches).toEqual([]);
    });
  });
});
