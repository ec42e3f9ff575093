import { ApplicationFailure } from '@temporalio/common';
import { LogTimestamp } from '@temporalio/worker';
import { createProcessLogger } from '../../../src/process-logger';
import { TemporalPinoLogger } from '../../../src/temporal-pino-logger';
import { lineSink } from './line-sink';

function sdkLogger(level: 'trace' | 'info' = 'info') {
  const sink = lineSink();
  return { sink, logger: new TemporalPinoLogger(createProcessLogger('worker', level, sink.stream)) };
}

describe('TemporalPinoLogger', () => {
  it("writes an activity failure as one JSON line of the worker's fields, the SDK's metadata and err", () => {
    const { sink, logger } = sdkLogger();
    const error = ApplicationFailure.nonRetryable('feed is not well-formed XML', 'MalformedFeed');

    logger.warn('Activity failed', {
      [LogTimestamp]: 1_700_000_000_000_000_000n,
      sdkComponent: 'worker',
      activityType: 'parseFeed',
      workflowId: 'sync-fever-manual-1',
      taskQueue: 'event-sync',
      attempt: 1,
      error,
      durationMs: 12,
    });

    expect(sink.raw).toHaveLength(1);
    const line = sink.lines()[0]!;
    expect(line).toMatchObject({
      level: 40,
      process: 'worker',
      msg: 'Activity failed',
      sdkComponent: 'worker',
      activityType: 'parseFeed',
      workflowId: 'sync-fever-manual-1',
      taskQueue: 'event-sync',
      attempt: 1,
      durationMs: 12,
      err: { type: 'ApplicationFailure', message: 'feed is not well-formed XML', stack: error.stack },
    });
    expect(typeof line.time).toBe('number');
    expect(line).not.toHaveProperty('error');
  });

  it.each([
    ['trace', 10],
    ['debug', 20],
    ['info', 30],
    ['warn', 40],
    ['error', 50],
  ] as const)('writes SDK %s at pino level %i', (method, level) => {
    const { sink, logger } = sdkLogger('trace');

    logger[method]('Worker state changed', { state: 'RUNNING' });

    expect(sink.lines()).toEqual([
      expect.objectContaining({ level, msg: 'Worker state changed', state: 'RUNNING' }),
    ]);
  });

  it("writes nothing below the process's level, and a line without metadata when there is none", () => {
    const { sink, logger } = sdkLogger('info');

    logger.log('DEBUG', 'Activity started', { activityType: 'fetchFeed' });
    logger.log('INFO', 'Worker state changed');

    expect(sink.lines()).toEqual([
      { level: 30, time: expect.any(Number), process: 'worker', msg: 'Worker state changed' },
    ]);
  });

  it('keeps an `err` the SDK already named so, next to its `error`', () => {
    const { sink, logger } = sdkLogger();

    logger.error('Error closing previous connection', { err: new Error('closed'), error: 'detail' });

    expect(sink.lines()[0]).toMatchObject({ err: { type: 'Error', message: 'closed' }, error: 'detail' });
  });
});
