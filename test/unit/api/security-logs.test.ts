import { Writable } from 'node:stream';
import pino from 'pino';
import { runSummary } from './fakes/fake-sync-control';
import { ADMIN_TOKEN, createTestApp } from './fakes/test-app';
import type { TestApp } from './fakes/test-app';

/** Every raw line the app's logger writes, at the most verbose level pino has. */
function captureLogs(): { lines: string[]; logger: pino.Logger } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, logger: pino({ level: 'trace' }, sink) };
}

/** Every 12-character piece of `secret`: a log that kept part of the token leaks it too. */
function piecesOf(secret: string, length = 12): string[] {
  return Array.from({ length: secret.length - length + 1 }, (_, i) => secret.slice(i, i + length));
}

describe('the admin token in logs', () => {
  let t: TestApp;
  let lines: string[];
  beforeEach(() => {
    const captured = captureLogs();
    lines = captured.lines;
    t = createTestApp({ logger: captured.logger });
  });
  afterEach(() => t.close());

  const RIGHT = `Bearer ${ADMIN_TOKEN}`;

  it('never appears in a log line, whatever the request and its outcome', async () => {
    const pause = (contentType: string, body: string) =>
      t.http
        .post('/admin/providers/fever/pause')
        .set('Authorization', RIGHT)
        .set('Content-Type', contentType)
        .send(body);
    t.syncControl.nextRun = runSummary('fever', { outcome: 'failed', error: 'feed is not XML' });
    await t.http.get('/admin/providers').set('Authorization', RIGHT);
    await t.http.post('/admin/providers/fever/sync').set('Authorization', RIGHT);
    await t.http.post('/admin/providers/fever/sync?wait=true').set('Authorization', RIGHT);
    await t.http.post('/admin/providers/nope/sync').set('Authorization', RIGHT);
    await pause('application/json', '{"note": "maintenance"}');
    await pause('application/json', '{');
    await pause('text/plain', 'x');
    await pause('application/json', JSON.stringify({ note: 'x'.repeat(20_000) }));
    await t.http.get('/admin/runs?limit=0').set('Authorization', RIGHT);
    const wrong = [`Bearer ${ADMIN_TOKEN}x`, `Bearer ${ADMIN_TOKEN.slice(0, -1)}`, `Basic ${ADMIN_TOKEN}`];
    for (const authorization of wrong)
      await t.http.get('/admin/providers').set('Authorization', authorization);
    await t.http.get('/admin/providers').set('Authorization', `bearer ${ADMIN_TOKEN}`);
    await t.http.get(`/admin/providers?token=${ADMIN_TOKEN}`);
    t.syncControl.failure = new Error('14 UNAVAILABLE');
    await t.http.get('/admin/runs').set('Authorization', RIGHT);

    expect(lines.filter((line) => line.includes('"msg":"request"'))).toHaveLength(15);
    const log = lines.join('');
    for (const piece of piecesOf(ADMIN_TOKEN)) expect(log).not.toContain(piece);
  });

  it('is not logged when the server starts either', () => {
    expect(lines.join('')).not.toContain(ADMIN_TOKEN);
  });
});
