import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { PartnerRegistry } from './partner-registry';
import { serveInventory } from './serve-inventory';
import { servePartnerControl } from './serve-partner-control';

/** Any product segment reaches the partner, so an odd id is a logged 404 like an unknown one. */
const INVENTORY_PATH = /^\/partners\/([\w.-]+)\/inventory\/([^/]+)$/;
const CONTROL_PATH = /^\/control\/partners\/([\w.-]+)(\/requests)?$/;

/** Routes the partner API and its control; returns false when the request is for neither. */
export async function routePartners(
  req: IncomingMessage,
  res: ServerResponse,
  context: { url: URL; partners: PartnerRegistry; logger: Logger; signal: AbortSignal },
): Promise<boolean> {
  const { url, partners, logger, signal } = context;
  const inventory = INVENTORY_PATH.exec(url.pathname);
  if (inventory && req.method === 'GET') {
    const partner = partners.get(inventory[1] as string);
    await serveInventory(req, res, { partner, productId: inventory[2] as string, url, signal });
    return true;
  }
  const control = CONTROL_PATH.exec(url.pathname);
  const requests = control?.[2] !== undefined;
  if (!control || !(req.method === 'GET' || (req.method === 'POST' && !requests))) return false;
  const partner = partners.get(control[1] as string);
  await servePartnerControl(req, res, { partner, requests, logger });
  return true;
}
