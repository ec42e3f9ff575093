import { randomUUID } from 'node:crypto';
import type {
  EventDetail,
  EventSearch,
  EventSummary,
  SearchWindow,
} from '../../../../src/search/event-search';
import fixtureEvents from '../fixtures/events.json';

/** In-memory EventSearch over the fixture events (which carry instants, so windows filter as Elasticsearch would). */
export class FakeEventSearch implements EventSearch {
  events: EventDetail[] = structuredClone(fixtureEvents);
  generation = 'generation-1';
  pageSize = 2;
  /** When set, search, getEvent and ping reject with it (Elasticsearch unreachable). */
  failure: Error | null = null;
  /** When set, currentGeneration rejects with it. */
  generationFailure: Error | null = null;
  /** Every window searched, in order. */
  readonly searches: SearchWindow[] = [];
  /** Resolves a search only when it resolves, to hold queries in flight. */
  gate: Promise<void> | null = null;
  pingDelayMs = 0;
  /** How many times the generation was read. */
  generationReads = 0;

  async *search(window: SearchWindow): AsyncIterable<EventSummary[]> {
    this.searches.push(window);
    if (this.gate) await this.gate;
    if (this.failure) throw this.failure;
    const matching = this.events
      .filter((e) => !window.startsAt || Date.parse(e.starts_at) >= window.startsAt.getTime())
      .filter((e) => !window.endsAt || Date.parse(e.ends_at) <= window.endsAt.getTime())
      .sort((a, b) => a.starts_at.localeCompare(b.starts_at) || a.id.localeCompare(b.id));
    for (let i = 0; i < matching.length; i += this.pageSize) {
      // Whole details on purpose: the API must project them onto the contract's EventSummary fields.
      yield matching.slice(i, i + this.pageSize);
    }
  }

  getEvent(id: string): Promise<EventDetail | null> {
    if (this.failure) return Promise.reject(this.failure);
    return Promise.resolve(this.events.find((e) => e.id === id) ?? null);
  }

  currentGeneration(): Promise<string> {
    this.generationReads += 1;
    if (this.generationFailure) return Promise.reject(this.generationFailure);
    return Promise.resolve(this.generation);
  }

  async ping(): Promise<void> {
    if (this.pingDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.pingDelayMs));
    if (this.failure) throw this.failure;
  }

  /** Publishes a new data generation, as a sync that changed data would. */
  bumpGeneration(): void {
    this.generation = `generation-${randomUUID()}`;
  }
}

/** `count` distinct events one minute apart from 2030-01-01, to exercise results past 10,000. */
export function generatedEvents(count: number): EventDetail[] {
  const template = fixtureEvents[1] as EventDetail;
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(2030, 0, 1) + i * 60_000).toISOString().replace('.000Z', 'Z');
    return { ...template, id: randomUUID(), title: `Generated ${i}`, starts_at: start, ends_at: start };
  });
}
