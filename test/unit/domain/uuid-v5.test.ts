import { uuidV5 } from '../../../src/domain/uuid-v5';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it.each([
    ['www.example.com', DNS_NAMESPACE, '2ed6657d-e927-568b-95e1-2665a8aea6a2'],
    ['python.org', DNS_NAMESPACE, '886313e1-3b8a-5372-9b90-0c9aee199e5d'],
    ['https://fever.example/events/ünïcødé', URL_NAMESPACE, '2858c482-b01d-51b6-8200-2afe5e5e361d'],
  ])('matches the published UUIDv5 of %s', (name, namespace, uuid) => {
    expect(uuidV5(name, namespace)).toBe(uuid);
  });

  it('accepts the namespace in upper case', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE.toUpperCase())).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(RangeError);
  });
});
