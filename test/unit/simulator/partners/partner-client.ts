import type { Simulator } from '../../../../src/simulator/create-simulator';
import type { AvailabilitySlot } from '../../../../src/simulator/partners/availability-slot';
import type { PartnerControlInput } from '../../../../src/simulator/partners/partner-control';
import type { PartnerRequestEntry } from '../../../../src/simulator/partners/partner-request-log';
import type { PartnerStatus } from '../../../../src/simulator/partners/partner-status';

/** The key every partner accepts when the simulator starts without `partnerApiKey`. */
export const DEFAULT_KEY = 'sim-partner-key';

/** `GET {partnerUrl}/inventory/{productId}?date=`, with the default key unless told otherwise (null: none). */
export function getInventory(
  simulator: Simulator,
  request: { providerId?: string; productId?: string; date?: string | null; apiKey?: string | null },
): Promise<Response> {
  const { providerId = 'acme', productId = 'p-1001', date, apiKey = DEFAULT_KEY } = request;
  const query = date === null || date === undefined ? '' : `?date=${date}`;
  const headers: Record<string, string> = apiKey === null ? {} : { 'x-api-key': apiKey };
  return fetch(`${simulator.partnerUrl(providerId)}/inventory/${productId}${query}`, { headers });
}

/** The slots of a 200 answer; fails the test on any other status. */
export async function slotsOf(response: Promise<Response>): Promise<AvailabilitySlot[]> {
  const res = await response;
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status} ${await res.text()}`);
  return (await res.json()) as AvailabilitySlot[];
}

/** `POST /control/partners/:id`, answering the raw response so tests can check a 400. */
export function postPartnerControl(
  simulator: Simulator,
  providerId: string,
  body: PartnerControlInput | Record<string, unknown>,
): Promise<Response> {
  return fetch(`${simulator.url}/control/partners/${providerId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** `POST /control/partners/:id` that must succeed; answers the partner's new status. */
export async function controlPartner(
  simulator: Simulator,
  providerId: string,
  control: PartnerControlInput,
): Promise<PartnerStatus> {
  const res = await postPartnerControl(simulator, providerId, control);
  if (res.status !== 200) throw new Error(`partner control failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as PartnerStatus;
}

/** `GET /control/partners/:id`. */
export async function partnerStatus(simulator: Simulator, providerId = 'acme'): Promise<PartnerStatus> {
  return (await (await fetch(`${simulator.url}/control/partners/${providerId}`)).json()) as PartnerStatus;
}

/** `GET /control/partners/:id/requests`. */
export async function partnerRequests(
  simulator: Simulator,
  providerId = 'acme',
): Promise<PartnerRequestEntry[]> {
  const res = await fetch(`${simulator.url}/control/partners/${providerId}/requests`);
  return (await res.json()) as PartnerRequestEntry[];
}

/** `YYYY-MM-DD` of the UTC day `days` after the instant `now`. */
export function isoDay(now: number, days: number): string {
  return new Date(now + days * 86_400_000).toISOString().slice(0, 10);
}

/** The next dates within a week of `now` on which the product runs, and those on which it does not. */
export async function weekOf(
  simulator: Simulator,
  productId = 'p-1001',
  now = Date.now(),
): Promise<{ running: string[]; idle: string[] }> {
  const entry = (await partnerStatus(simulator)).catalog.find((product) => product.productId === productId);
  const names = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
  const week = Array.from({ length: 7 }, (_, i) => isoDay(now, i + 1));
  const runs = (date: string): boolean =>
    entry?.weekdays.includes(names[new Date(`${date}T00:00:00Z`).getUTCDay()] as string) ?? false;
  return { running: week.filter(runs), idle: week.filter((date) => !runs(date)) };
}
