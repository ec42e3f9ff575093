import type { estypes } from '@elastic/elasticsearch';
import { eventsMapping } from '../index-mappings';
import { EVENTS_MAPPING_VERSION, type IndexNames } from '../index-names';

/** A version of the events mapping: a migration to it creates `<prefix>-events-v<version>` with `mapping`. */
export interface EventsMappingTarget {
  version: number;
  mapping: estypes.MappingTypeMapping;
}

/** This release's events mapping: what `npm run migrate` and a starting worker move the alias to. */
export const CURRENT_EVENTS_MAPPING: EventsMappingTarget = {
  version: EVENTS_MAPPING_VERSION,
  mapping: eventsMapping,
};

/** Name of the events index of mapping `version`, e.g. `eventhub-events-v2`. */
export function eventsIndexOf(names: IndexNames, version: number): string {
  return `${names.events}-v${version}`;
}

/** The mapping version in an events index's name; null for a name that is not `<alias>-v<n>`. */
export function versionOfEventsIndex(names: IndexNames, index: string): number | null {
  const prefix = `${names.events}-v`;
  if (!index.startsWith(prefix)) return null;
  const version = index.slice(prefix.length);
  return /^\d+$/.test(version) ? Number(version) : null;
}
