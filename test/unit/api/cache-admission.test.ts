import { ByteLruCache } from '../../../src/api/search/byte-lru-cache';
import { FrequencySketch } from '../../../src/api/search/frequency-sketch';

describe('FrequencySketch', () => {
  it('counts requests per key without under-counting, up to 15', () => {
    const sketch = new FrequencySketch(1000);
    for (let i = 0; i < 5; i++) sketch.increment('/search?a');
    for (let i = 0; i < 40; i++) sketch.increment('/search?b');

    expect(sketch.frequency('/search?a')).toBeGreaterThanOrEqual(5);
    expect(sketch.frequency('/search?a')).toBeLessThan(8);
    expect(sketch.frequency('/search?b')).toBe(15);
    expect(sketch.frequency('/search?never')).toBeLessThan(2);
  });

  it('halves every count once it has taken ten requests per slot, so old popularity fades', () => {
    const sketch = new FrequencySketch(64);
    for (let i = 0; i < 12; i++) sketch.increment('old favourite');
    for (let i = 0; sketch.frequency('old favourite') >= 12 && i < 10 * 64; i++)
      sketch.increment(`one-off ${i}`);

    expect(sketch.frequency('old favourite')).toBeLessThanOrEqual(7);
    expect(sketch.frequency('old favourite')).toBeGreaterThanOrEqual(6);
  });
});

describe('ByteLruCache with admission', () => {
  /** Room for 10 entries of 10 bytes (keys count too: they are 2 characters), a sketch wide enough for 1000 keys. */
  const cache = () => new ByteLruCache<string>(120, (value) => value.length, new FrequencySketch(1000));
  const value = '1234567890';

  it('keeps popular keys through a long tail of keys asked once', () => {
    const lru = cache();
    const popular = Array.from({ length: 8 }, (_, i) => `p${i}`);
    for (let round = 0; round < 3; round++) for (const key of popular) if (!lru.get(key)) lru.set(key, value);

    for (let i = 0; i < 500; i++) {
      const key = `t${i}`;
      if (!lru.get(key)) lru.set(key, value);
      // The popular keys keep being asked for, but less often than the tail arrives.
      if (i % 10 === 0) lru.get(popular[(i / 10) % popular.length]!);
    }

    expect(popular.filter((key) => lru.peek(key) !== undefined)).toEqual(popular);
  });

  it('admits a new key asked for more often than the entry it would evict', () => {
    const lru = cache();
    for (let i = 0; i < 12; i++) lru.set(`k${i}`, value);
    for (let i = 0; i < 3; i++) lru.get('nw');

    expect(lru.set('nw', value)).toBe(true);
    expect(lru.peek('nw')).toBe(value);
    expect(lru.bytes).toBeLessThanOrEqual(120);
  });

  it('turns away a new key asked for no more often than the entry it would evict, and keeps that entry', () => {
    const lru = cache();
    for (let i = 0; i < 10; i++) {
      lru.get(`k${i}`);
      lru.set(`k${i}`, value);
    }
    lru.get('nw');

    expect(lru.set('nw', value)).toBe(false);
    expect(lru.peek('nw')).toBeUndefined();
    expect(lru.peek('k0')).toBe(value);
  });

  it('always lets a key it holds take a new value (a newer generation of the same window)', () => {
    const lru = cache();
    for (let i = 0; i < 10; i++) lru.set(`k${i}`, value);

    expect(lru.set('k0', 'abcdefghij')).toBe(true);
    expect(lru.peek('k0')).toBe('abcdefghij');
  });
});
