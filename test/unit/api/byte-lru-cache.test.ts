import { ByteLruCache } from '../../../src/api/search/byte-lru-cache';

describe('ByteLruCache', () => {
  const cache = () => new ByteLruCache<string>(20, (value) => value.length);

  it('evicts the least recently used entries once the byte budget is exceeded', () => {
    const lru = cache();
    lru.set('a', '123456789');
    lru.set('b', '123456789');
    lru.get('a');
    lru.set('c', '123456789');
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('c')).toBeDefined();
    expect(lru.bytes).toBeLessThanOrEqual(20);
  });

  it('counts the key towards the budget and refuses a value that alone exceeds it', () => {
    const lru = cache();
    expect(lru.set('key', '1234567890123456789')).toBe(false);
    expect(lru.size).toBe(0);
    expect(lru.bytes).toBe(0);
  });

  it('replaces a value under the same key without double-counting its bytes', () => {
    const lru = cache();
    lru.set('a', '12345');
    lru.set('a', '123');
    expect(lru.bytes).toBe(4);
    expect(lru.get('a')).toBe('123');
  });
});
