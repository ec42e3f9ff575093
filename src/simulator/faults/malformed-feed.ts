import { EVENT_LIST_HEADER } from '../generator/event-list-envelope';
import { feedSpecSchema } from '../generator/feed-spec';
import { generateEvent } from '../generator/generated-event';
import { renderBaseEvent } from '../generator/render-base-event';

/**
 * A feed that starts like a good one and then is not well-formed XML. It carries two independent
 * errors (a raw `&` in an attribute, and `</eventList>` closing an open `<base_event>`) so that even
 * a lenient parser trips on one of them.
 */
export function malformedFeed(): string {
  const spec = feedSpecSchema.parse({ events: 2 });
  const goodEvents = [0, 1].map((index) => renderBaseEvent(generateEvent(spec, index))).join('');
  return (
    EVENT_LIST_HEADER +
    goodEvents +
    '      <base_event base_event_id="3" sell_mode="online" title="Rock & Roll">\n' +
    '</eventList>'
  );
}
