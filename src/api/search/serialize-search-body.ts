import type { EventSummary } from '../../search/event-search';

const OPENING = '{"data":{"events":[';
const CLOSING = ']},"error":null}';

/**
 * Drains every page of a search into the contract's success body, as bytes ready to cache and send.
 * Each event is projected onto exactly the contract's EventSummary fields, so nothing else the read model
 * carries can leak into the response.
 */
export async function serializeSearchBody(
  pages: AsyncIterable<EventSummary[]> | Iterable<EventSummary[]>,
): Promise<Buffer> {
  const parts: string[] = [OPENING];
  let first = true;
  for await (const page of pages) {
    for (const event of page) {
      parts.push(first ? toJson(event) : `,${toJson(event)}`);
      first = false;
    }
  }
  parts.push(CLOSING);
  return Buffer.from(parts.join(''), 'utf8');
}

function toJson(event: EventSummary): string {
  return JSON.stringify({
    id: event.id,
    title: event.title,
    start_date: event.start_date,
    start_time: event.start_time ?? null,
    end_date: event.end_date ?? null,
    end_time: event.end_time ?? null,
    min_price: event.min_price ?? null,
    max_price: event.max_price ?? null,
  });
}
