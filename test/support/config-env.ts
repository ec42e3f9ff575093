import type { Config } from '../../src/config';

/** Settings written as durations and held as milliseconds. */
const DURATIONS = new Set(['BOOKING_HOLD_TTL']);

/** The environment that makes `loadConfig()` in a child process return `config`. */
export function configEnv(config: Config): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined) env[key] = DURATIONS.has(key) ? `${String(value)}ms` : String(value);
  }
  return env;
}
