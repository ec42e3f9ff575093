import type { EventFacts } from '../search/event-facts';
import type { PreparedEvent } from '../search/prepared-event';
import { LineWriter, readLineBatches } from './line-file';

/**
 * The staging file of a run's events: one prepared event per line, as `id`, content hash, `1` when on sale
 * online, the event's facts as JSON and the document's feed fields as JSON, separated by tabs (JSON text
 * has none: it escapes them).
 * Its ids also go to a file of their own, which finishRun reads without going through the events again.
 */
export class StagedEventWriter {
  private readonly events: LineWriter;
  private readonly ids: LineWriter;

  constructor(eventsPath: string, idsPath: string) {
    this.events = new LineWriter(eventsPath);
    this.ids = new LineWriter(idsPath);
  }

  async write(event: PreparedEvent): Promise<void> {
    const facts = JSON.stringify(event.facts);
    await this.events.write(
      `${event.id}\t${event.contentHash}\t${event.online ? 1 : 0}\t${facts}\t${event.feedJson}`,
    );
    await this.ids.write(event.id);
  }

  async close(): Promise<void> {
    await Promise.all([this.events.close(), this.ids.close()]);
  }
}

/** How large a batch of staged events may grow: whichever limit it reaches first closes it. */
export interface StagedBatchLimits {
  maxEvents: number;
  /** Of staged lines, counted in UTF-16 code units: bytes for the ASCII that JSON mostly is. */
  maxBytes?: number;
}

/** Reads the staged events in batches, starting after `skip` of them. */
export function readStagedEventBatches(
  eventsPath: string,
  limits: StagedBatchLimits,
  skip = 0,
): AsyncGenerator<PreparedEvent[]> {
  return readLineBatches(
    eventsPath,
    { maxLines: limits.maxEvents, maxChars: limits.maxBytes },
    parseStagedEvent,
    skip,
  );
}

/** The ids of the staged events. */
export async function readStagedIds(idsPath: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const batch of readLineBatches(idsPath, { maxLines: 1000 }, (line) => line))
    for (const id of batch) ids.add(id);
  return ids;
}

function parseStagedEvent(line: string): PreparedEvent {
  const first = line.indexOf('\t');
  const second = line.indexOf('\t', first + 1);
  const third = line.indexOf('\t', second + 1);
  const fourth = line.indexOf('\t', third + 1);
  if (first < 0 || second < 0 || third < 0 || fourth < 0)
    throw new Error('staged event line is not id, hash, online, facts, JSON');
  return {
    id: line.slice(0, first),
    contentHash: line.slice(first + 1, second),
    online: line.slice(second + 1, third) === '1',
    facts: JSON.parse(line.slice(third + 1, fourth)) as EventFacts,
    feedJson: line.slice(fourth + 1),
  };
}
