/**
 * The whole environment of a process a test starts: PATH and HOME, plus `vars`. Nothing else of the
 * caller's shell reaches it, so a FEVER_PROVIDER_URL or ELASTICSEARCH_URL exported for `make run` cannot
 * point a test's worker elsewhere.
 */
export function childEnv(vars: Record<string, string> = {}): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const key of ['PATH', 'HOME']) {
    const value = process.env[key];
    if (value !== undefined) inherited[key] = value;
  }
  return { ...inherited, ...vars };
}
