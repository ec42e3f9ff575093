import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PartnerSlot } from '../../../../src/domain/partner-slot';
import { parseAvailabilityAnswer } from '../../../../src/providers/availability-json/parse-availability-answer';
import { ProductCatalog } from '../../../../src/providers/availability-json/product-catalog';
import { loadProviderSettings } from '../../../../src/providers/provider-settings';
import type {
  Availability,
  AvailableDate,
  ProductRef,
  SlotView,
} from '../../../../src/search/slots/availability';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');

/** The products of test/fixtures/providers/partner.yaml (provider `partner`, Europe/Madrid) beside an XML provider. */
export function testCatalog(): ProductCatalog {
  const env = () => 'test-secret';
  const files = ['partner.yaml', 'two-providers.yaml'].map((name) => path.join(FIXTURES, 'providers', name));
  return new ProductCatalog(files.flatMap((file) => loadProviderSettings(file, { env })));
}

/** The slots of the good partner answer fixture, for `productId` of provider `partner`, as the API shows them. */
export function fixtureSlots(productId: string, date = '2026-12-03'): SlotView[] {
  const body = readFileSync(path.join(FIXTURES, 'partner', 'good-answer.json'), 'utf8').replaceAll(
    '2026-12-03',
    date,
  );
  const request = { providerId: 'partner', productId, date, timeZone: 'Europe/Madrid' };
  return parseAvailabilityAnswer(body, request).slots.map(slotView);
}

/** In-memory Availability: dates and slots per product id, and every read it was asked for. */
export class FakeAvailability implements Availability {
  readonly dates = new Map<string, AvailableDate[]>();
  readonly slots = new Map<string, SlotView[]>();
  /** When set, reads reject with it (Elasticsearch unreachable). */
  failure: Error | null = null;
  readonly reads: { product: string; from?: string; to?: string; date?: string }[] = [];

  datesOf(product: ProductRef, range: { from: string; to: string }): Promise<AvailableDate[]> {
    this.reads.push({ product: product.productId, ...range });
    if (this.failure) return Promise.reject(this.failure);
    const dates = this.dates.get(product.productId) ?? [];
    return Promise.resolve(dates.filter((d) => d.date >= range.from && d.date <= range.to));
  }

  slotsOf(product: ProductRef, date: string): Promise<SlotView[]> {
    this.reads.push({ product: product.productId, date });
    if (this.failure) return Promise.reject(this.failure);
    return Promise.resolve(this.slots.get(`${product.productId}|${date}`) ?? []);
  }
}

function slotView(slot: PartnerSlot): SlotView {
  return {
    provider_slot_id: slot.providerSlotId,
    start_date: slot.startDate,
    start_time: slot.startTime,
    end_date: slot.endDate,
    end_time: slot.endTime,
    starts_at: slot.startsAt,
    ends_at: slot.endsAt,
    remaining: slot.remaining,
    currency: slot.currency,
    variant_id: slot.variantId,
    min_price: slot.minPrice,
    pax_availability: slot.paxAvailability,
  };
}
