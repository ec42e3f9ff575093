import type { EventTime, ProviderEvent, Zone } from '../../domain/event';
import { eventId } from '../../domain/event-id';
import { localDateTimeToInstant } from '../../domain/local-date-time';
import { priceRange } from '../../domain/price-range';
import type { FeedItem } from '../feed-item';
import { AttributeReader, type WallClockValue } from './attribute-reader';
import type { RawAttributes, RawSession } from './raw-session';
import { rejectSnippet } from './reject-snippet';

/** Provider facts that turn a raw session into a normalized event. */
export interface SessionContext {
  providerId: string;
  timeZone: string;
}

type SessionTimes = Pick<ProviderEvent, 'start' | 'end' | 'sellFrom' | 'sellTo'>;

// A session with hundreds of bad zones still gets a reason an operator can read.
const MAX_REASONS = 5;

/** Validates one `<event>` with its base event and zones: the normalized event, or a reject saying why. */
export function validateSession(raw: RawSession, ctx: SessionContext): FeedItem {
  const issues: string[] = [];
  const base = new AttributeReader(raw.base, issues, 'base_event.');
  const session = new AttributeReader(raw.event, issues);
  const baseEventId = base.id('base_event_id');
  const providerEventId = session.id('event_id');
  const fields = {
    title: base.text('title'),
    sellMode: base.id('sell_mode'),
    organizerCompanyId: base.optionalId('organizer_company_id'),
    soldOut: session.flag('sold_out'),
  };
  const times = readTimes(session, ctx.timeZone, issues);
  const zones = raw.zones.map((attributes, index) => readZone(attributes, index, issues));
  if (times === null || issues.length > 0) return rejectItem(raw, issues, ctx);
  const event: ProviderEvent = {
    id: eventId(ctx.providerId, baseEventId, providerEventId),
    providerId: ctx.providerId,
    baseEventId,
    eventId: providerEventId,
    ...fields,
    ...times,
    zones,
    ...priceRange(zones),
  };
  return { kind: 'event', event };
}

function readTimes(session: AttributeReader, timeZone: string, issues: string[]): SessionTimes | null {
  const start = session.dateTime('event_start_date');
  const end = session.dateTime('event_end_date');
  const sellFrom = session.optionalDateTime('sell_from');
  const sellTo = session.optionalDateTime('sell_to');
  if (start === null || end === null) return null;
  const startTime = eventTime(start, timeZone);
  const endTime = eventTime(end, timeZone);
  // Compared as instants: that is what the indexed date range holds, and it must not run backwards.
  if (Date.parse(endTime.instant) < Date.parse(startTime.instant)) {
    issues.push(`event_end_date: ${end.text} is before event_start_date ${start.text}`);
    return null;
  }
  return {
    start: startTime,
    end: endTime,
    sellFrom: sellFrom === null ? null : eventTime(sellFrom, timeZone),
    sellTo: sellTo === null ? null : eventTime(sellTo, timeZone),
  };
}

function readZone(attributes: RawAttributes, index: number, issues: string[]): Zone {
  const zone = new AttributeReader(attributes, issues, `zones[${index}].`);
  return {
    zoneId: zone.id('zone_id'),
    name: zone.text('name'),
    capacity: zone.count('capacity'),
    price: zone.amount('price'),
    numbered: zone.flag('numbered'),
  };
}

function eventTime(value: WallClockValue, timeZone: string): EventTime {
  return { local: value.text, instant: localDateTimeToInstant(value.local, timeZone).toISOString() };
}

function rejectItem(raw: RawSession, issues: string[], ctx: SessionContext): FeedItem {
  const more = issues.length - MAX_REASONS;
  const reason = issues.slice(0, MAX_REASONS).join('; ') + (more > 0 ? `; and ${more} more` : '');
  return {
    kind: 'reject',
    reject: {
      providerId: ctx.providerId,
      baseEventId: raw.base.base_event_id ?? null,
      eventId: raw.event.event_id ?? null,
      reason,
      position: raw.position,
      snippet: rejectSnippet(raw),
    },
  };
}
