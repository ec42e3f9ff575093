import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { isValidTimeZone } from '../domain/time-zone';
import { feedKinds } from './feed-parser';

/** Thrown when the providers file is missing, not YAML, or describes a provider invalidly. */
export class ProvidersFileError extends Error {
  override name = 'ProvidersFileError';
}

const duration = z
  .string()
  // Never zero: a zero request timeout would disable undici's timeouts altogether.
  .regex(/^[1-9]\d*(ms|s|m|h|d)$/, 'must be a duration such as 30s, 5m or 1h')
  .or(z.number().int().positive());

const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Madrid');

const providerSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes'),
    kind: z.enum(feedKinds, { error: `must be a feed kind with a parser: ${feedKinds.join(', ')}` }),
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
    schedule: z
      .union([z.object({ every: duration }).strict(), z.object({ cron: z.string().min(9) }).strict()])
      .default({ every: '5m' }),
    timeZone: timeZone.default('UTC'),
    requestTimeout: duration.default('30s'),
    maxFeedBytes: z
      .number()
      .int()
      .positive()
      .default(512 * 1024 * 1024),
    /** Header name -> name of the environment variable holding its value (secrets stay out of the file). */
    headersFromEnv: z.record(z.string(), z.string().regex(/^[A-Z_][A-Z0-9_]*$/)).default({}),
    enabled: z.boolean().default(true),
  })
  .strict();

/** One provider as configured. */
export type ProviderSettings = Omit<z.infer<typeof providerSchema>, 'headersFromEnv'> & {
  headers: Record<string, string>;
};

const fileSchema = z.object({ providers: z.array(providerSchema) }).strict();

/** Reads and validates the providers file; `FEVER_PROVIDER_URL` (via overrides) replaces the fever URL. */
export function loadProviderSettings(
  file: string,
  options: { feverUrl?: string; env: (name: string) => string | undefined },
): ProviderSettings[] {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProvidersFileError(`cannot read providers file ${file}: ${(error as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ProvidersFileError(`invalid providers file ${file}: ${problems.join('; ')}`);
  }
  const ids = parsed.data.providers.map((p) => p.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate)
    throw new ProvidersFileError(`invalid providers file ${file}: provider id ${duplicate} is repeated`);
  return parsed.data.providers.map(({ headersFromEnv, ...provider }) => ({
    ...provider,
    url: provider.id === 'fever' && options.feverUrl ? options.feverUrl : provider.url,
    headers: resolveHeaders(provider.id, headersFromEnv, options.env),
  }));
}

function resolveHeaders(
  providerId: string,
  headersFromEnv: Record<string, string>,
  env: (name: string) => string | undefined,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headersFromEnv).map(([header, variable]) => {
      const value = env(variable);
      if (value === undefined) {
        throw new ProvidersFileError(
          `provider ${providerId}: header ${header} needs environment variable ${variable}`,
        );
      }
      return [header, value];
    }),
  );
}

/** Milliseconds of a configured duration (`30s`, `5m`, or a number of milliseconds). */
export function durationMs(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(value);
  if (!match) throw new ProvidersFileError(`invalid duration ${value}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    match[2] as 'ms' | 's' | 'm' | 'h' | 'd'
  ];
  return Number(match[1]) * unit;
}
