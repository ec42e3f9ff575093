import { z } from 'zod';
import { commonProviderFields, duration, envVariable, httpUrl, requiredSecret } from '../settings-fields';

/** How an `xml-event-list` provider is configured: one feed URL listing everything on sale. */
export const xmlEventListSchema = z
  .object({
    ...commonProviderFields,
    kind: z.literal('xml-event-list'),
    url: httpUrl,
    schedule: z
      .union([z.object({ every: duration }).strict(), z.object({ cron: z.string().min(9) }).strict()])
      .default({ every: '5m' }),
    maxFeedBytes: z
      .number()
      .int()
      .positive()
      .default(512 * 1024 * 1024),
    /** Header name -> name of the environment variable holding its value. */
    headersFromEnv: z.record(z.string(), envVariable).default({}),
  })
  .strict();

/** An `xml-event-list` provider as the sync uses it: secrets resolved into headers. */
export type XmlEventListSettings = Omit<z.infer<typeof xmlEventListSchema>, 'headersFromEnv'> & {
  headers: Record<string, string>;
};

/** Resolves the provider's header secrets; `feverUrl` replaces the URL of the provider named `fever`. */
export function resolveXmlEventList(
  raw: z.infer<typeof xmlEventListSchema>,
  options: { feverUrl?: string; env: (name: string) => string | undefined },
): XmlEventListSettings {
  const { headersFromEnv, ...provider } = raw;
  const headers = Object.fromEntries(
    Object.entries(headersFromEnv).map(([header, variable]) => [
      header,
      requiredSecret(options.env, variable, `provider ${raw.id}: header ${header}`),
    ]),
  );
  const url = provider.id === 'fever' && options.feverUrl ? options.feverUrl : provider.url;
  return { ...provider, url, headers };
}
