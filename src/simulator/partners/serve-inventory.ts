import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { sendText } from '../http/send-text';
import { answerInventory } from './answer-inventory';
import type { Partner } from './partner';

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

/** Answers `GET /partners/:id/inventory/:productId?date=` and logs it, whatever its status. */
export async function serveInventory(
  req: IncomingMessage,
  res: ServerResponse,
  exchange: { partner: Partner; productId: string; url: URL; signal: AbortSignal },
): Promise<void> {
  const { partner, productId, url, signal } = exchange;
  const at = new Date(partner.now()).toISOString();
  const date = url.searchParams.get('date');
  const apiKey = req.headers['x-api-key'];
  const answer = answerInventory(partner, {
    apiKey: typeof apiKey === 'string' ? apiKey : undefined,
    productId,
    date,
  });
  partner.record({ at, productId, date, status: answer.status });
  // Abortable, so close() or a client that gives up ends a slow answer without waiting it out.
  if (answer.delayMs) await sleep(answer.delayMs, undefined, { signal });
  sendText(res, answer.status, answer.body, { ...JSON_TYPE, ...answer.headers });
}
