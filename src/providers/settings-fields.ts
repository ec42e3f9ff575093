import { z } from 'zod';
import { isValidTimeZone } from '../domain/time-zone';

/** Thrown when the providers file is missing, not YAML, or describes a provider invalidly. */
export class ProvidersFileError extends Error {
  override name = 'ProvidersFileError';
}

/** A duration such as `30s`, `5m` or `1h`, or a number of milliseconds; never zero. */
export const duration = z
  .string()
  // Never zero: a zero request timeout would disable undici's timeouts altogether.
  .regex(/^[1-9]\d*(ms|s|m|h|d)$/, 'must be a duration such as 30s, 5m or 1h')
  .or(z.number().int().positive());

/** An IANA time zone name. */
export const timeZone = z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Madrid');

/** An http(s) URL. */
export const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

/** The name of an environment variable holding a secret (secrets stay out of the file). */
export const envVariable = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable');

/** Settings every provider has, whatever its kind. */
export const commonProviderFields = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes'),
  timeZone: timeZone.default('UTC'),
  requestTimeout: duration.default('30s'),
  enabled: z.boolean().default(true),
};

/** Reads an environment variable the providers file names, or fails saying which provider needs it. */
export function requiredSecret(
  env: (name: string) => string | undefined,
  variable: string,
  what: string,
): string {
  const value = env(variable);
  if (value === undefined) throw new ProvidersFileError(`${what} needs environment variable ${variable}`);
  return value;
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
