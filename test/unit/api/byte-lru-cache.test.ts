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

  it('keeps recency right when the same key is read many times in a row, and after it is deleted', () => {
    const lru = cache();
    lru.set('a', '12345678');
    lru.set('b', '12345678');
    lru.get('b');
    lru.get('a');
    lru.get('a');
    lru.set('c', '12345678');
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['12345678', undefined, '12345678']);
    lru.delete('c');
    lru.set('d', '12345678');
    lru.get('a');
    lru.set('e', '12345678');
    expect([lru.get('a'), lru.get('d'), lru.get('e')]).toEqual(['12345678', undefined, '12345678']);
    lru.set('f', '12345678');
    expect([lru.get('a'), lru.get('e'), lru.get('f')]).toEqual([undefined, '12345678', '12345678']);
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
