import type { OutgoingHttpHeaders } from 'node:http';
import { badShapeBody } from './bad-shape-body';
import { parseCalendarDate } from './calendar-date';
import type { CalendarDate } from './calendar-date';
import type { AnswerFault, Partner } from './partner';
import type { PartnerProduct } from './partner-product';
import type { RateLimitDecision } from './sliding-window-limiter';

/** An inventory request as the partner sees it. */
export interface InventoryRequest {
  apiKey: string | undefined;
  productId: string;
  /** The `date` query parameter, null when missing. */
  date: string | null;
}

/** What to send back: decided at once, so the request log has the status even if sending is delayed. */
export interface InventoryAnswer {
  status: number;
  /** Text, not a value: a malformed fault must be able to send something that is not JSON. */
  body: string;
  headers?: OutgoingHttpHeaders;
  /** Wait this long before sending, for the `slow` fault. */
  delayMs?: number;
}

/**
 * Decides the answer to an inventory request. Checks run in a real gateway's order: the key, then
 * the rate limit (so any request with the right key counts, a 404 or 400 included, but a 429 does
 * not), then the product and date, then an armed fault.
 */
export function answerInventory(partner: Partner, request: InventoryRequest): InventoryAnswer {
  if (request.apiKey === undefined || !partner.accepts(request.apiKey)) {
    return error(401, 'missing or invalid x-api-key');
  }
  const decision = partner.admit(request.apiKey);
  if (!decision.allowed) return tooManyRequests(decision);
  const product = partner.product(request.productId);
  if (!product) return error(404, `unknown product ${request.productId}`);
  const date = parseCalendarDate(request.date);
  if (!date) return error(400, 'date must be a real date, YYYY-MM-DD');
  const fault = partner.takeFault();
  if (!fault) return json(200, partner.availability(product, date));
  return faultAnswer(fault, partner, product, date);
}

function faultAnswer(
  fault: AnswerFault,
  partner: Partner,
  product: PartnerProduct,
  date: CalendarDate,
): InventoryAnswer {
  switch (fault.kind) {
    case 'status':
      return error(fault.status, `simulated ${fault.status}`);
    case 'slow':
      return { ...json(200, partner.availability(product, date)), delayMs: fault.delayMs };
    case 'malformed':
      return { status: 200, body: fault.body };
    case 'bad-shape':
      return json(200, badShapeBody(fault.problem, partner.sampleSlot(product, date)));
  }
}

function tooManyRequests(decision: Extract<RateLimitDecision, { allowed: false }>): InventoryAnswer {
  return {
    ...json(429, { rateLimitState: { remaining: 0, reset: decision.resetAt } }),
    headers: { 'retry-after': String(decision.retryAfterSeconds) },
  };
}

function error(status: number, message: string): InventoryAnswer {
  return json(status, { error: message });
}

function json(status: number, body: unknown): InventoryAnswer {
  return { status, body: JSON.stringify(body) };
}
