import { SlidingWindowLimiter } from '../../../../src/simulator/partners/sliding-window-limiter';

describe('SlidingWindowLimiter (10 requests per 10 s)', () => {
  let now: number;
  let limiter: SlidingWindowLimiter;
  const at = (ms: number): ReturnType<SlidingWindowLimiter['take']> => {
    now = ms;
    return limiter.take();
  };

  beforeEach(() => {
    now = 1_000_000;
    limiter = new SlidingWindowLimiter({ requests: 10, perSeconds: 10 }, () => now);
  });

  it('accepts 10 requests, counting down what remains, and refuses the 11th within the window', () => {
    const remaining = Array.from({ length: 10 }, (_, i) => at(1_000_000 + i * 100));
    expect(remaining.map((decision) => decision.allowed && decision.remaining)).toEqual([
      9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
    ]);
    // The oldest accepted request (t = 1 000 000) leaves the window at 1 010 000.
    expect(at(1_002_500)).toEqual({ allowed: false, resetAt: 1_010_000, retryAfterSeconds: 8 });
  });

  it('accepts a request exactly when the oldest one leaves the window, not a millisecond before', () => {
    for (let i = 0; i < 10; i++) at(1_000_000 + i * 1000);
    expect(at(1_009_999)).toMatchObject({ allowed: false, resetAt: 1_010_000, retryAfterSeconds: 1 });
    expect(at(1_010_000)).toEqual({ allowed: true, remaining: 0 });
    // Now the second-oldest (t = 1 001 000) is the one to wait for.
    expect(at(1_010_000)).toMatchObject({ allowed: false, resetAt: 1_011_000 });
    expect(at(1_011_000)).toMatchObject({ allowed: true });
  });

  it('never lets more than 10 through in any 10 s window, unlike a fixed-window counter', () => {
    // A fixed window starting at 1 000 000 would reset at 1 010 000 and allow 20 around the boundary.
    for (let i = 0; i < 10; i++) expect(at(1_009_000 + i)).toMatchObject({ allowed: true });
    expect(at(1_010_500)).toMatchObject({ allowed: false, resetAt: 1_019_000 });
    expect(at(1_018_999)).toMatchObject({ allowed: false });
    expect(at(1_019_000)).toMatchObject({ allowed: true });
  });

  it('does not count refused requests, so asking while refused does not delay the reset', () => {
    for (let i = 0; i < 10; i++) at(1_000_000);
    for (let t = 1_000_001; t < 1_010_000; t += 997) expect(at(t)).toMatchObject({ resetAt: 1_010_000 });
    const burst = Array.from({ length: 11 }, () => at(1_010_000).allowed);
    expect(burst.filter(Boolean)).toHaveLength(10);
  });

  it('rounds Retry-After up to whole seconds and never below 1', () => {
    for (let i = 0; i < 10; i++) at(1_000_000);
    expect(at(1_000_001)).toMatchObject({ retryAfterSeconds: 10 });
    expect(at(1_001_000)).toMatchObject({ retryAfterSeconds: 9 });
    expect(at(1_009_999)).toMatchObject({ retryAfterSeconds: 1 });
  });
});
