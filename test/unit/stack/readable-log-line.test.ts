import { readableLogLine } from '../../../scripts/stack/readable-log-line';

// Local time, as the formatter shows it, whatever zone the machine is in.
const TIME = new Date(2021, 5, 30, 21, 5, 9, 42).getTime();
const plain = { colors: false };

describe('readableLogLine', () => {
  it('shows time, level, process and msg, then the other fields as key=value', () => {
    const line = JSON.stringify({
      level: 30,
      time: TIME,
      process: 'worker',
      taskQueue: 'event-sync',
      providers: ['fever'],
      attempt: 2,
      note: 'two words',
      msg: 'worker started',
    });

    expect(readableLogLine(line, 'worker', plain)).toBe(
      '21:05:09.042 INFO  worker    worker started taskQueue=event-sync providers=["fever"] attempt=2 note="two words"',
    );
  });

  it("puts the error's stack on the following lines, indented", () => {
    const line = JSON.stringify({
      level: 40,
      time: TIME,
      process: 'worker',
      activityType: 'fetchFeed',
      err: {
        type: 'ApplicationFailure',
        message: 'provider fever answered HTTP 404',
        stack:
          'ApplicationFailure: provider fever answered HTTP 404\n    at create (src/activities/fetch-feed.ts:79:29)',
      },
      msg: 'Activity failed',
    });

    expect(readableLogLine(line, 'worker', plain)?.split('\n')).toEqual([
      '21:05:09.042 WARN  worker    Activity failed activityType=fetchFeed',
      '    ApplicationFailure: provider fever answered HTTP 404',
      '        at create (src/activities/fetch-feed.ts:79:29)',
    ]);
  });

  it('names the child when the line has no process field, and shows an error without a stack as JSON', () => {
    const line = JSON.stringify({ level: 50, time: TIME, err: 'refused', msg: 'failed' });

    expect(readableLogLine(line, 'api', plain)).toBe(
      '21:05:09.042 ERROR api       failed\n    err="refused"',
    );
  });

  it('colours the level when asked', () => {
    const line = JSON.stringify({ level: 50, time: TIME, process: 'api', msg: 'API failed to start' });

    expect(readableLogLine(line, 'api', { colors: true })).toContain('\u001b[31mERROR\u001b[0m');
  });

  it.each(['Error: boom', '    at main (node:internal)', '{"not":"pino"}', '{truncated'])(
    'gives null for %j, which is not a pino line',
    (line) => {
      expect(readableLogLine(line, 'worker', plain)).toBeNull();
    },
  );
});
