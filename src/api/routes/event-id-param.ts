import { InvalidPathParameterError } from '../api-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `:id` path parameter as an event id (a UUID, lowercased as ids are stored), or a 400. */
export function eventIdOf(raw: string | undefined): string {
  if (raw === undefined || !UUID.test(raw)) throw new InvalidPathParameterError('id: must be a UUID');
  return raw.toLowerCase();
}
