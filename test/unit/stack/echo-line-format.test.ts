import { echoLineFormat } from '../../../scripts/stack/echo-line-format';

const JSON_LINE = JSON.stringify({
  level: 30,
  time: new Date(2021, 5, 30, 21, 5, 9, 42).getTime(),
  process: 'api',
  url: 'http://127.0.0.1:3000',
  msg: 'API listening',
});

describe('echoLineFormat', () => {
  it('shows JSON lines readably on a terminal', () => {
    const format = echoLineFormat({ isTTY: true }, { NO_COLOR: '1' });

    expect(format('api', JSON_LINE)).toBe(
      '21:05:09.042 INFO  api       API listening url=http://127.0.0.1:3000',
    );
  });

  it('keeps the JSON as written when the output is not a terminal', () => {
    const format = echoLineFormat({ isTTY: false }, {});

    expect(format('api', JSON_LINE)).toBe(`[api] ${JSON_LINE}`);
  });

  it('colours on a terminal unless NO_COLOR is set', () => {
    expect(echoLineFormat({ isTTY: true }, {})('api', JSON_LINE)).toContain('\u001b[32mINFO \u001b[0m');
    expect(echoLineFormat({ isTTY: true }, { NO_COLOR: '1' })('api', JSON_LINE)).not.toContain('\u001b[');
  });

  it("prefixes a line that is not JSON with the child's name, terminal or not", () => {
    for (const isTTY of [true, false]) {
      expect(echoLineFormat({ isTTY }, {})('worker', 'Error: boom')).toBe('[worker] Error: boom');
    }
  });
});
