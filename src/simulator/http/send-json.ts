import type { ServerResponse } from 'node:http';
import { sendText } from './send-text';

/** Ends the response with a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  sendText(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8' });
}
