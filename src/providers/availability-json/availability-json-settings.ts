import { z } from 'zod';
import { commonProviderFields, duration, envVariable, httpUrl, requiredSecret } from '../settings-fields';

const windowSchema = z
  .object({
    /** First and last day of the window, counted from today in the provider's time zone (0 = today). */
    days: z
      .tuple([z.number().int().min(0).max(400), z.number().int().min(0).max(400)])
      .refine(([first, last]) => first <= last, 'the first day must not come after the last'),
    every: duration,
  })
  .strict();

/** The four freshness windows a partner gets unless its entry names its own. */
export const DEFAULT_WINDOWS = {
  today: { days: [0, 0], every: '15m' },
  week: { days: [1, 6], every: '4h' },
  month: { days: [7, 29], every: '1d' },
  horizon: { days: [30, 59], every: '7d' },
} as const satisfies Record<string, z.input<typeof windowSchema>>;

/**
 * How an `availability-json` provider is configured: a partner API answering one product on one date per
 * request, under a request budget, kept fresh by windows of days each synced on its own period.
 */
export const availabilityJsonSchema = z
  .object({
    ...commonProviderFields,
    kind: z.literal('availability-json'),
    /** Requests go to `{baseUrl}/inventory/{productId}?date=YYYY-MM-DD`. */
    baseUrl: httpUrl,
    /** The environment variable holding the partner's `x-api-key`. */
    apiKeyFromEnv: envVariable,
    products: z
      .array(z.string().regex(/^[\w.~-]{1,128}$/, 'must be a product id of letters, digits, . _ ~ -'))
      .min(1)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a product'),
    rateLimit: z
      .object({ requests: z.number().int().positive(), per: duration })
      .strict()
      .default({ requests: 30, per: '60s' }),
    windows: z
      .record(z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'window names are lowercase words'), windowSchema)
      .refine((windows) => Object.keys(windows).length > 0, 'must name at least one window')
      .default(structuredClone(DEFAULT_WINDOWS) as never),
  })
  .strict();

/** One freshness window of a partner. */
export type AvailabilityWindow = z.infer<typeof windowSchema>;

/** An `availability-json` provider as the sync uses it: its API key resolved. */
export type AvailabilityJsonSettings = Omit<z.infer<typeof availabilityJsonSchema>, 'apiKeyFromEnv'> & {
  apiKey: string;
};

/** Resolves the partner's API key from the environment; `partnerUrl` replaces the base URL of `partner`. */
export function resolveAvailabilityJson(
  raw: z.infer<typeof availabilityJsonSchema>,
  options: { partnerUrl?: string; env: (name: string) => string | undefined },
): AvailabilityJsonSettings {
  const { apiKeyFromEnv, ...provider } = raw;
  if (provider.id === 'partner' && options.partnerUrl) provider.baseUrl = options.partnerUrl;
  return {
    ...provider,
    apiKey: requiredSecret(options.env, apiKeyFromEnv, `provider ${raw.id}: apiKeyFromEnv`),
  };
}
