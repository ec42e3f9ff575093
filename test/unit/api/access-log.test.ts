import { Writable } from 'node:stream';
import pino from 'pino';
import { Registry } from 'prom-client';
import { AccessLog, type AccessEntry } from '../../../src/api/middleware/access-log';
import { createApiMetrics } from '../../../src/api/metrics/api-metrics';

function capture(level = 'info') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level, base: { process: 'api' } }, sink);
  const metrics = createApiMetrics(new Registry(), () => ({ bytes: 0, entries: 0 }));
  return { lines, logger, metrics, log: new AccessLog(logger, metrics) };
}

const ENTRY: AccessEntry = {
  requestId: 'req-1',
  method: 'GET',
  route: '/events/:id',
  path: '/events/"quoted"\\\u0001ü',
  status: 404,
  seconds: 0.0012345,
  cache: 'MISS',
};

describe('AccessLog', () => {
  it('writes the line pino writes for the same fields, escaping what JSON must escape', () => {
    const { lines, logger, log } = capture();
    log.record(ENTRY);
    logger.info(
      {
        req_id: ENTRY.requestId,
        method: ENTRY.method,
        route: ENTRY.route,
        path: ENTRY.path,
        status: ENTRY.status,
        duration_ms: 1.235,
        cache: ENTRY.cache,
      },
      'request',
    );
    expect(lines).toHaveLength(2);
    const [ours, pinos] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect({ ...ours, time: 0 }).toEqual({ ...pinos, time: 0 });
    expect(Object.keys(ours!)).toEqual(Object.keys(pinos!));
    expect(lines[0]!.endsWith('}\n')).toBe(true);
  });

  it('logs cache hits at debug level, so that info leaves them out', () => {
    const info = capture('info');
    info.log.record({ ...ENTRY, status: 200, cache: 'HIT' });
    expect(info.lines).toHaveLength(0);
    const debug = capture('debug');
    debug.log.record({ ...ENTRY, status: 200, cache: 'HIT' });
    expect(JSON.parse(debug.lines[0]!)).toMatchObject({ level: 20, cache: 'HIT', msg: 'request' });
  });

  it('leaves out the cache field when the request had no cache outcome', () => {
    const { lines, log } = capture();
    log.record({ ...ENTRY, cache: undefined });
    expect(JSON.parse(lines[0]!)).not.toHaveProperty('cache');
  });

  it('writes nothing above info level, and still records the duration', async () => {
    const { lines, log, metrics } = capture('warn');
    log.record(ENTRY);
    log.record(ENTRY);
    expect(lines).toHaveLength(0);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/events\/:id",status="404"\} 2$/m,
    );
  });
});
