import type { Config } from '../../src/config';

/** The environment that makes `loadConfig()` in a child process return `config`. */
export function configEnv(config: Config): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(config)) if (value !== undefined) env[key] = String(value);
  return env;
}
