import type { Response } from 'supertest';
import { createContractValidator } from '../../support/contract';
import fixtureEvents from './fixtures/events.json';
import { ADMIN_TOKEN, createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

const errorShape = createContractValidator('/search');
const AUTH = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const EVENT = `/events/${fixtureEvents[0]?.id}`;
// Looks like what a driver or a bug could put in a message: a credential and an internal host.
const SECRET = 'password=hunter2 es-internal.cluster.local:9200';
const PUBLIC_MESSAGES = ['internal error', 'the service is temporarily unavailable, retry later'];

/** A 5xx that says nothing about its cause: no message, no stack, no error class, no file name. */
function expectNothingInternal(res: Response): void {
  expect(res.status).toBeGreaterThanOrEqual(500);
  const everything = `${JSON.stringify(res.headers)}\n${res.text}`;
  for (const leak of ['hunter2', 'es-internal', 'Error', '    at ', '.ts:', '.js:', 'node_modules']) {
    expect(everything).not.toContain(leak);
  }
}

describe('5xx responses', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  describe('in the error shape carry only a generic message', () => {
    test.each<[string, (app: TestApp) => Promise<Response>, number]>([
      [
        'a bug in the event lookup (thrown Error)',
        (app) => {
          jest.spyOn(app.eventSearch, 'getEvent').mockImplementation(() => {
            throw new TypeError(SECRET);
          });
          return app.http.get(EVENT);
        },
        500,
      ],
      [
        'a thrown string',
        (app) => {
          jest.spyOn(app.eventSearch, 'getEvent').mockImplementation(() => {
            // eslint-disable-next-line @typescript-eslint/only-throw-error -- what a careless dependency does
            throw SECRET;
          });
          return app.http.get(EVENT);
        },
        500,
      ],
      [
        'an error that claims to be exposable with a 5xx status',
        (app) => {
          jest.spyOn(app.eventSearch, 'getEvent').mockImplementation(() => {
            throw Object.assign(new Error(SECRET), { status: 502, expose: true });
          });
          return app.http.get(EVENT);
        },
        500,
      ],
      [
        'Elasticsearch failing an event lookup',
        (app) => {
          app.eventSearch.failure = new Error(SECRET);
          return app.http.get(EVENT);
        },
        503,
      ],
      [
        'Elasticsearch failing a search',
        (app) => {
          app.eventSearch.failure = new Error(SECRET);
          return app.http.get('/search?starts_at=2021-01-01T00:00:00Z');
        },
        503,
      ],
      [
        'a search that throws before it yields',
        (app) => {
          jest.spyOn(app.eventSearch, 'search').mockImplementation(() => {
            throw new RangeError(SECRET);
          });
          return app.http.get('/search');
        },
        503,
      ],
      [
        'Temporal failing an admin call',
        (app) => {
          app.syncControl.failure = new Error(SECRET);
          return app.http.get('/admin/providers').set(AUTH);
        },
        503,
      ],
      [
        'a bug in an admin call',
        (app) => {
          jest.spyOn(app.syncControl, 'syncNow').mockImplementation(() => {
            throw new TypeError(SECRET);
          });
          return app.http.post('/admin/providers/fever/sync').set(AUTH);
        },
        503,
      ],
    ])('%s', async (_case, request, status) => {
      const res = await request(t);
      expect(res.status).toBe(status);
      errorShape.assert(res.status, res.body);
      expect(PUBLIC_MESSAGES).toContain(res.body.error.message);
      expectNothingInternal(res);
    });
  });

  it('keep the detail for the log, under the request id the response carries', async () => {
    jest.spyOn(t.eventSearch, 'getEvent').mockImplementation(() => {
      throw new TypeError(SECRET);
    });
    const res = await t.http.get(EVENT);
    const logged = t.logs.find((l) => l.req_id === res.headers['x-request-id'] && l.msg === 'request failed');
    expect(logged).toMatchObject({ err: { message: SECRET, stack: expect.stringContaining('TypeError') } });
  });

  it('of /ready name the failing dependency, not its error', async () => {
    t.eventSearch.failure = new Error(SECRET);
    t.syncControl.failure = new Error(SECRET);
    expectNothingInternal(await t.http.get('/ready'));
  });

  it('do not happen on /metrics when Temporal is down, nor leak into it', async () => {
    t.syncControl.failure = new Error(SECRET);
    const res = await t.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('hunter2');
  });
});
