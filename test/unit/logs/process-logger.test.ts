import { createProcessLogger } from '../../../src/process-logger';
import { lineSink } from './line-sink';

describe('createProcessLogger', () => {
  it('writes one JSON line of level, time, process, fields and msg, without pid or hostname', () => {
    const sink = lineSink();

    createProcessLogger('worker', 'info', sink.stream).warn({ providerId: 'fever' }, 'sync slow');

    expect(sink.raw).toHaveLength(1);
    expect(Object.keys(sink.lines()[0]!)).toEqual(['level', 'time', 'process', 'providerId', 'msg']);
    expect(sink.lines()[0]).toMatchObject({ level: 40, process: 'worker', msg: 'sync slow' });
  });

  it('gives the worker, the API and the simulator the same base fields', () => {
    const fieldsOf = (name: 'worker' | 'api' | 'simulator') => {
      const sink = lineSink();
      createProcessLogger(name, 'info', sink.stream).info('started');
      return Object.keys(sink.lines()[0]!);
    };

    expect(fieldsOf('api')).toEqual(fieldsOf('worker'));
    expect(fieldsOf('simulator')).toEqual(fieldsOf('worker'));
  });

  it('drops entries below its level', () => {
    const sink = lineSink();

    createProcessLogger('api', 'warn', sink.stream).info('not written');

    expect(sink.raw).toEqual([]);
  });
});

describe('errors in log lines', () => {
  it("keep the status and Elasticsearch's error but not the request the client attached", () => {
    const sink = lineSink();
    class ConnectionError extends Error {}
    const error = Object.assign(new ConnectionError('connect ECONNREFUSED 127.0.0.1:9200'), {
      meta: {
        statusCode: 0,
        body: { error: { type: 'es_rejected_execution_exception' } },
        meta: {
          request: { params: { body: 'x'.repeat(100_000) } },
          connection: { url: 'http://127.0.0.1:9200/' },
        },
      },
      options: { redaction: { type: 'replace' } },
    });

    createProcessLogger('worker', 'info', sink.stream).warn({ err: error }, 'Activity failed');

    const { err: logged } = sink.lines()[0]! as { err: { stack: string } };
    expect(sink.raw[0]).not.toContain('x'.repeat(100));
    expect(sink.raw[0]!.length - JSON.stringify(logged.stack).length).toBeLessThan(1000);
    expect(sink.lines()[0]).toMatchObject({
      err: {
        type: 'ConnectionError',
        message: 'connect ECONNREFUSED 127.0.0.1:9200',
        meta: { statusCode: 0, error: { type: 'es_rejected_execution_exception' } },
      },
    });
  });
});
