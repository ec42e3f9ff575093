import { addDays } from '../../domain/calendar-date';
import { localDateTimeToInstant, parseLocalDateTime } from '../../domain/local-date-time';
import type { PartnerSlot, PaxAvailability } from '../../domain/partner-slot';
import { productKey } from '../../domain/product-key';
import { slotContentHash } from '../../domain/slot-content-hash';
import { JsonFieldReader } from './json-field-reader';
import { readPaxAvailability } from './read-pax-availability';

/** What an answer was asked for: its provider, product and date, and the zone its wall clocks are in. */
export interface AnswerRequest {
  providerId: string;
  productId: string;
  /** `YYYY-MM-DD`. */
  date: string;
  timeZone: string;
}

/** One slot of an answer validated: the normalized slot, or the reasons it is refused. */
export type SlotOutcome = { kind: 'slot'; slot: PartnerSlot } | { kind: 'reject'; issues: string[] };

type SlotTimes = Pick<PartnerSlot, 'startDate' | 'startTime' | 'endDate' | 'endTime' | 'startsAt' | 'endsAt'>;

/** Validates one slot of a partner's answer, collecting every problem it has. */
export function validateSlot(raw: unknown, request: AnswerRequest): SlotOutcome {
  const issues: string[] = [];
  const slot = JsonFieldReader.of(raw, issues, 'slot', '');
  if (!slot) return { kind: 'reject', issues };
  const fields = {
    providerSlotId: slot.text('providerSlotId'),
    remaining: slot.count('remaining'),
    currency: slot.currency('currencyCode'),
    variantId: slot.optionalInteger('variantId'),
  };
  const wallClock = {
    date: slot.date('startDate'),
    start: slot.time('startTime'),
    end: slot.time('endTime'),
  };
  const pax = readPaxAvailability(slot.array('paxAvailability'), fields.currency, issues);
  const times = issues.length === 0 ? slotTimes(wallClock, request, issues) : null;
  if (times === null || issues.length > 0) return { kind: 'reject', issues };
  const normalized = {
    providerId: request.providerId,
    productId: request.productId,
    productKey: productKey(request.providerId, request.productId),
    ...fields,
    ...times,
    paxAvailability: pax,
    minPrice: minPrice(pax),
  };
  return { kind: 'slot', slot: { ...normalized, contentHash: slotContentHash(normalized) } };
}

/**
 * Start and end on the wall clock and as instants. An end time earlier than the start time is on the next
 * day (a slot from 22:00 to 01:00); an equal one would be a slot of no length, or of a whole day: refused
 * as ambiguous.
 */
function slotTimes(
  wallClock: { date: string; start: string; end: string },
  request: AnswerRequest,
  issues: string[],
): SlotTimes | null {
  const { date, start, end } = wallClock;
  if (date !== request.date) issues.push(`startDate: ${date} is not the date asked for, ${request.date}`);
  if (seconds(end) === seconds(start)) issues.push(`endTime: ${end} is the startTime: a slot must last`);
  if (issues.length > 0) return null;
  const endDate = seconds(end) < seconds(start) ? addDays(date, 1) : date;
  const startsAt = instant(date, start, request.timeZone);
  const endsAt = instant(endDate, end, request.timeZone);
  // Only a clock change can do this: a start skipped forward past the end by a spring gap.
  if (Date.parse(endsAt) <= Date.parse(startsAt)) {
    issues.push(`endTime: ${end} is not after startTime ${start} in ${request.timeZone}`);
    return null;
  }
  return { startDate: date, startTime: start, endDate, endTime: end, startsAt, endsAt };
}

function seconds(time: string): number {
  const [hours = 0, minutes = 0, secs = 0] = time.split(':').map(Number);
  return hours * 3600 + minutes * 60 + secs;
}

function instant(date: string, time: string, timeZone: string): string {
  const local = parseLocalDateTime(`${date}T${time.length === 5 ? `${time}:00` : time}`)!;
  return localDateTimeToInstant(local, timeZone).toISOString();
}

/** Lowest final price over pax types with places left, so a sold-out type never sets the price shown. */
function minPrice(pax: PaxAvailability[]): number | null {
  const prices = pax.filter((p) => p.remaining > 0).map((p) => p.price.finalPrice);
  return prices.length > 0 ? Math.min(...prices) : null;
}
