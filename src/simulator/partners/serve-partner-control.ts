import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { readJsonBody } from '../http/read-json-body';
import { sendJson } from '../http/send-json';
import { parseControl } from '../parse-control';
import type { Partner } from './partner';
import { partnerControlSchema } from './partner-control';

/**
 * Answers `GET|POST /control/partners/:id` (status, or apply a control then status) and
 * `GET /control/partners/:id/requests` (the request log, oldest first).
 */
export async function servePartnerControl(
  req: IncomingMessage,
  res: ServerResponse,
  target: { partner: Partner; requests: boolean; logger: Logger },
): Promise<void> {
  const { partner, requests, logger } = target;
  if (requests) return sendJson(res, 200, partner.requests());
  if (req.method === 'POST') {
    const control = parseControl(partnerControlSchema, await readJsonBody(req));
    partner.apply(control);
    logger.info({ partner: partner.providerId, control }, 'partner control applied');
  }
  sendJson(res, 200, partner.status());
}
