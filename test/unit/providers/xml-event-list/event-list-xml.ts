/** A zone as a test writes it into a feed. */
export interface ZoneSpec {
  zoneId: string;
  name: string;
  capacity: number;
  price: string;
  numbered: boolean;
}

/** A session as a test writes it into a feed; dates are `YYYY-MM-DDTHH:mm:ss`. */
export interface SessionSpec {
  eventId: string;
  start: string;
  end: string;
  sellFrom: string | null;
  sellTo: string | null;
  soldOut: boolean;
  zones: ZoneSpec[];
}

/** A base event with its sessions, as a test writes it into a feed. */
export interface BaseEventSpec {
  baseEventId: string;
  title: string;
  sellMode: string;
  organizerCompanyId: string | null;
  sessions: SessionSpec[];
}

/** The feed the provider would send for these base events. */
export function eventListXml(bases: BaseEventSpec[]): string {
  const body = bases.map((base) => {
    const sessions = base.sessions.map((session) => {
      const zones = session.zones.map(
        (z) =>
          `<zone ${attrs({ zone_id: z.zoneId, capacity: String(z.capacity), price: z.price, name: z.name, numbered: String(z.numbered) })}/>`,
      );
      const event = attrs({
        event_start_date: session.start,
        event_end_date: session.end,
        event_id: session.eventId,
        sell_from: session.sellFrom,
        sell_to: session.sellTo,
        sold_out: String(session.soldOut),
      });
      return `<event ${event}>${zones.join('\n')}</event>`;
    });
    const head = attrs({
      base_event_id: base.baseEventId,
      sell_mode: base.sellMode,
      organizer_company_id: base.organizerCompanyId,
      title: base.title,
    });
    return `<base_event ${head}>\n${sessions.join('\n')}\n</base_event>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<eventList version="1.0"><output>\n${body.join('\n')}\n</output></eventList>\n`;
}

function attrs(values: Record<string, string | null>): string {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => `${key}="${escape(value)}"`)
    .join(' ');
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
