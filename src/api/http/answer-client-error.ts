import type { Duplex } from 'node:stream';

/**
 * Answers requests Node's HTTP parser refuses before Koa sees them (oversized headers or URL, bytes
 * that are not HTTP) in the contract's error shape instead of a bare status line.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || (error as { code?: string }).code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const body = JSON.stringify({
    error: {
      code: tooLarge ? 'request_too_large' : 'bad_request',
      message: tooLarge ? 'request line or headers are too large' : 'the request is not valid HTTP',
    },
    data: null,
  });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}
