import { InvalidQueryError } from '../api-errors';

/** Query values of the named parameters; parameters not named are ignored, as the contract allows. */
export type QueryParams<K extends string> = Partial<Record<K, string>>;

/**
 * Reads the named parameters from a raw query string, one value each.
 * A repeated parameter is ambiguous (which bound wins?), so it is a 400 rather than first-or-last-wins.
 */
export function readQueryParams<K extends string>(querystring: string, names: readonly K[]): QueryParams<K> {
  const values: QueryParams<K> = {};
  if (querystring === '') return values;
  for (const [name, value] of new URLSearchParams(querystring)) {
    if (!(names as readonly string[]).includes(name)) continue;
    if (values[name as K] !== undefined) {
      throw new InvalidQueryError(`${name}: must be given at most once`);
    }
    values[name as K] = value;
  }
  return values;
}
