import { PartnerRequestLog } from '../../../../src/simulator/partners/partner-request-log';

const entry = (n: number): { at: string; productId: string; date: string; status: number } => ({
  at: new Date(n * 1000).toISOString(),
  productId: `p-${n}`,
  date: '2026-12-03',
  status: 200,
});

describe('PartnerRequestLog', () => {
  it('lists entries oldest first', () => {
    const log = new PartnerRequestLog(5);
    [1, 2, 3].forEach((n) => log.add(entry(n)));
    expect(log.list().map((e) => e.productId)).toEqual(['p-1', 'p-2', 'p-3']);
  });

  it('keeps only the most recent `capacity` entries, still oldest first', () => {
    const log = new PartnerRequestLog(3);
    for (let n = 1; n <= 8; n++) log.add(entry(n));
    expect(log.list().map((e) => e.productId)).toEqual(['p-6', 'p-7', 'p-8']);
  });
});
