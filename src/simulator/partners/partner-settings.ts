import type { RateLimit } from './sliding-window-limiter';

/** What a partner is set to; control changes it, a reset brings back the defaults. */
export interface PartnerSettings {
  apiKey: string;
  products: number;
  seed: number;
  rateLimit: RateLimit;
  variant: number;
}

/** The key every partner accepts until control changes it, unless the simulator is started with another. */
export const DEFAULT_PARTNER_API_KEY = 'sim-partner-key';

/** A fresh partner's settings: 3 products, seed 1, 30 requests per 60 s per key, variant 0. */
export function defaultPartnerSettings(apiKey = DEFAULT_PARTNER_API_KEY): PartnerSettings {
  return { apiKey, products: 3, seed: 1, rateLimit: { requests: 30, perSeconds: 60 }, variant: 0 };
}
