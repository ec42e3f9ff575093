import { retryAfterMs } from '../../../src/providers/retry-after-ms';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-03-01T10:00:00.000Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs(' 120 ', now)).toBe(120_000);
  });

  it('reads an HTTP-date as the time left until then', () => {
    expect(retryAfterMs('Sun, 01 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
  });

  it('waits at least a second when the HTTP-date has already passed', () => {
    expect(retryAfterMs('Sun, 01 Mar 2026 09:59:00 GMT', now)).toBe(1000);
  });

  it('takes the first value when the header is repeated', () => {
    expect(retryAfterMs(['5', '60'], now)).toBe(5000);
  });

  it('waits a minute when the header is missing or unreadable', () => {
    expect(retryAfterMs(undefined, now)).toBe(60_000);
    expect(retryAfterMs('', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBe(60_000);
  });
});
