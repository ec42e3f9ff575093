/** Everything before the first base event, byte for byte as in the provider's real responses. */
export const EVENT_LIST_HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<eventList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.0"' +
  ' xsi:noNamespaceSchemaLocation="eventList.xsd">\n' +
  '   <output>\n';

/** Everything after the last base event; the real responses end without a newline. */
export const EVENT_LIST_FOOTER = '   </output>\n</eventList>';
