import { createContractValidator } from '../../support/contract';

describe('the /search contract validator (test/support/contract.ts)', () => {
  const contract = createContractValidator('/search');
  const event = {
    id: 'ef7d32ed-e065-5ffb-9cfe-3ae7de568901',
    title: 'Pantomima Full',
    start_date: '2021-02-10',
    start_time: '20:00:00',
    end_date: '2021-02-10',
    end_time: null,
    min_price: 55,
    max_price: null,
  };

  it('accepts a conforming success body and error body', () => {
    expect(contract.problems(200, { data: { events: [event] }, error: null })).toEqual([]);
    expect(
      contract.problems(400, { error: { code: 'invalid_parameter', message: 'x' }, data: null }),
    ).toEqual([]);
    expect(contract.problems(503, { error: { code: 'unavailable', message: 'x' }, data: null })).toEqual([]);
  });

  test.each([
    ['a non-UUID id', { ...event, id: '291' }],
    ['an impossible start_date', { ...event, start_date: '2021-02-30' }],
    ['a missing required field', { ...event, min_price: undefined }],
    ['a price given as a string', { ...event, max_price: '55.00' }],
    ['a field the contract does not list', { ...event, zones: [] }],
  ])('rejects an event with %s', (_case, bad) => {
    expect(contract.problems(200, { data: { events: [bad] }, error: null })).not.toEqual([]);
  });

  it('rejects an error body without a code', () => {
    expect(contract.problems(400, { error: { message: 'x' }, data: null })).not.toEqual([]);
  });

  it('throws from assert, naming the problem', () => {
    expect(() => contract.assert(200, { data: null, error: null })).toThrow(/breaks the contract/);
  });
});
