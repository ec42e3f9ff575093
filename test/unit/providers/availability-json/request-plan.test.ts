import path from 'node:path';
import { DEFAULT_WINDOWS } from '../../../../src/providers/availability-json/availability-json-settings';
import { budgetProblem, requestPlan } from '../../../../src/providers/availability-json/request-plan';
import { loadProviderSettings, ProvidersFileError } from '../../../../src/providers/provider-settings';

const fixture = (name: string): string => path.resolve(__dirname, '../../../fixtures/providers', name);

const partner = (products: number) => ({
  id: 'partner',
  products: Array.from({ length: products }, (_, i) => `p-${1000 + i}`),
  windows: structuredClone(DEFAULT_WINDOWS) as never,
  rateLimit: { requests: 30, per: '60s' },
});

describe('requestPlan', () => {
  it('counts products x days x runs a day per window, against 30 a minute = 43,200 a day', () => {
    const plan = requestPlan(partner(3));

    expect(plan.windows).toEqual([
      { window: 'today', pairs: 3, runsPerDay: 96, requestsPerDay: 288 },
      { window: 'week', pairs: 18, runsPerDay: 6, requestsPerDay: 108 },
      { window: 'month', pairs: 69, runsPerDay: 1, requestsPerDay: 69 },
      { window: 'horizon', pairs: 90, runsPerDay: 1 / 7, requestsPerDay: 90 * (1 / 7) },
    ]);
    expect(plan.budgetPerDay).toBe(43_200);
    expect(plan.requestsPerDay).toBeCloseTo(477.86, 2);
    expect(budgetProblem(partner(3))).toBeNull();
  });

  it('refuses 450 products with the default windows, naming what they need and what the limit allows', () => {
    expect(budgetProblem(partner(450))).toBe(
      'provider partner: 450 products with these windows need about 71,679 requests a day, more than ' +
        '90% of the 43,200 its rate limit of 30 per 60s allows (today 43,200, week 16,200, month 10,350, horizon 1,929)',
    );
  });

  it('fits as many products as 90% of the budget allows, and no more', () => {
    // 159.29 requests a day per product: 244 fit in 38,880, 245 do not.
    expect(budgetProblem(partner(244))).toBeNull();
    expect(budgetProblem(partner(245))).not.toBeNull();
  });

  it('makes the providers file fail to load when a partner is over budget', () => {
    const load = () => loadProviderSettings(fixture('partner-over-budget.yaml'), { env: () => 'key' });

    expect(load).toThrow(ProvidersFileError);
    expect(load).toThrow('450 products with these windows need about 71,679 requests a day');
  });
});
