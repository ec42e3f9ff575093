/** Ten nested entities of ten references each: 10^9 "lol"s (about 3 GB) if a parser expands them. */
const LEVELS = 10;

/** A feed whose DOCTYPE is a billion-laughs entity bomb; under 1 KB on the wire. */
export function entityBombFeed(): string {
  const entities = ['  <!ENTITY lol0 "lol">'];
  for (let level = 1; level < LEVELS; level++) {
    entities.push(`  <!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<!DOCTYPE eventList [\n${entities.join('\n')}\n]>\n` +
    '<eventList version="1.0">\n' +
    '   <output>\n' +
    `      <base_event base_event_id="1" sell_mode="online" title="&lol${LEVELS - 1};">\n` +
    '         <event event_start_date="2021-06-30T21:00:00" event_end_date="2021-06-30T22:00:00" event_id="1"' +
    ' sell_from="2020-07-01T00:00:00" sell_to="2021-06-30T20:00:00" sold_out="false">\n' +
    '            <zone zone_id="1" capacity="10" price="20.00" name="Platea" numbered="true" />\n' +
    '         </event>\n' +
    '      </base_event>\n' +
    '   </output>\n' +
    '</eventList>'
  );
}
