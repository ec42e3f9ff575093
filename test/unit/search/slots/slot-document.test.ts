import { readFileSync } from 'node:fs';
import path from 'node:path';
import { productKey } from '../../../../src/domain/product-key';
import { parseAvailabilityAnswer } from '../../../../src/providers/availability-json/parse-availability-answer';
import { slotDocumentId, toSlotDocument } from '../../../../src/search/slots/slot-document';

const request = { providerId: 'tours', productId: 'p-1031', date: '2026-12-03', timeZone: 'Europe/Madrid' };
const body = readFileSync(path.resolve(__dirname, '../../../fixtures/partner/good-answer.json'), 'utf8');

describe('slotDocumentId', () => {
  it('is <product key>:<date>:<providerSlotId>, readable in Kibana', () => {
    expect(slotDocumentId('tours', 'p-1031', '2026-12-03', 'a8f0')).toBe(
      `${productKey('tours', 'p-1031')}:2026-12-03:a8f0`,
    );
  });

  it('tells apart one slot id on two dates, and digests an id too long for Elasticsearch', () => {
    expect(slotDocumentId('tours', 'p', '2026-12-03', 's')).not.toBe(
      slotDocumentId('tours', 'p', '2026-12-04', 's'),
    );
    expect(slotDocumentId('tours', 'p', '2026-12-03', 'x'.repeat(600))).toMatch(/^sha256-[0-9a-f]{64}$/);
  });
});

describe('toSlotDocument', () => {
  it('files a slot with its date range, flat pax figures for Kibana and the partner’s pax as given', () => {
    const [, night] = parseAvailabilityAnswer(body, request).slots;
    const document = toSlotDocument(night!, {
      fetchedAt: '2026-12-01T10:00:00.000Z',
      runId: 'run-1',
      firstSeenAt: '2026-11-30T10:00:00.000Z',
    });
    expect(document).toMatchObject({
      provider_id: 'tours',
      product_id: 'p-1031',
      product_key: productKey('tours', 'p-1031'),
      provider_slot_id: 'b7e1-night',
      date: '2026-12-03',
      end_date: '2026-12-04',
      time_range: { gte: '2026-12-03T21:30:00.000Z', lt: '2026-12-04T00:00:00.000Z' },
      available: true,
      min_price: 45,
      first_seen_at: '2026-11-30T10:00:00.000Z',
      synced_at: '2026-12-01T10:00:00.000Z',
      run_id: 'run-1',
    });
    expect(document.pax[1]).toEqual({
      type: 'STUDENT',
      name: 'Student',
      remaining: 0,
      min: 1,
      max: 4,
      final_price: 20,
      original_price: 25,
      discount: 5,
      primary: false,
    });
    expect(document.pax_availability).toBe(night!.paxAvailability);
  });
});
