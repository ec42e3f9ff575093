import type { GeneratedEvent, GeneratedZone } from './generated-event';

/** Serializes one base event exactly as the provider indents it in its real responses. */
export function renderBaseEvent(event: GeneratedEvent): string {
  const organizer =
    event.organizerCompanyId === null ? '' : ` organizer_company_id="${event.organizerCompanyId}"`;
  return (
    `      <base_event base_event_id="${event.baseEventId}" sell_mode="${event.sellMode}"${organizer}` +
    ` title="${escapeAttribute(event.title)}">\n` +
    `         <event event_start_date="${wallClock(event.start)}" event_end_date="${wallClock(event.end)}"` +
    ` event_id="${event.eventId}" sell_from="${wallClock(event.sellFrom)}" sell_to="${wallClock(event.sellTo)}"` +
    ` sold_out="${event.soldOut}">\n` +
    event.zones.map(renderZone).join('') +
    `         </event>\n` +
    `      </base_event>\n`
  );
}

function renderZone(zone: GeneratedZone): string {
  const price = `${Math.floor(zone.priceCents / 100)}.${String(zone.priceCents % 100).padStart(2, '0')}`;
  return (
    `            <zone zone_id="${zone.zoneId}" capacity="${zone.capacity}" price="${price}"` +
    ` name="${escapeAttribute(zone.name)}" numbered="${zone.numbered}" />\n`
  );
}

/** The provider writes local wall-clock values without an offset; dates are built in UTC to stay zone-free. */
function wallClock(date: Date): string {
  return date.toISOString().slice(0, 19);
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
