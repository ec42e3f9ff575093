import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Ends the response with a whole body known up front, with its Content-Length. */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: OutgoingHttpHeaders,
): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
