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
