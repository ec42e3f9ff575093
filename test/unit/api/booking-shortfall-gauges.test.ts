import pino from 'pino';
import { Registry } from 'prom-client';
import {
  BookingShortfallGauges,
  type ShortfallSource,
} from '../../../src/api/metrics/booking-shortfall-gauges';
import type { Shortfall } from '../../../src/search/booking-read-model';

/** A read model whose shortfall the test sets, or fails as an unreachable Elasticsearch would. */
class FakeShortfallSource implements ShortfallSource {
  current: Shortfall = { zones: 0, seats: 0 };
  failure: Error | null = null;
  reads = 0;

  shortfall(): Promise<Shortfall> {
    this.reads += 1;
    return this.failure ? Promise.reject(this.failure) : Promise.resolve(this.current);
  }
}

function gaugeValue(text: string, name: string): string | undefined {
  return new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
}

describe('BookingShortfallGauges', () => {
  let registry: Registry;
  let source: FakeShortfallSource;
  const warnings: unknown[] = [];

  beforeEach(() => {
    registry = new Registry();
    source = new FakeShortfallSource();
    warnings.length = 0;
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
    new BookingShortfallGauges(registry, source, logger);
  });

  it('shows the zones short of seats and the seats they are short by, as of the scrape', async () => {
    source.current = { zones: 2, seats: 7 };
    const first = await registry.metrics();
    source.current = { zones: 1, seats: 3 };
    const second = await registry.metrics();

    expect(gaugeValue(first, 'event_hub_booking_shortfall_zones')).toBe('2');
    expect(gaugeValue(first, 'event_hub_booking_shortfall_seats')).toBe('7');
    expect(gaugeValue(second, 'event_hub_booking_shortfall_zones')).toBe('1');
    expect(gaugeValue(second, 'event_hub_booking_shortfall_seats')).toBe('3');
  });

  it('reads the read model once per scrape for both gauges', async () => {
    await registry.metrics();

    expect(source.reads).toBe(1);
  });

  it('shows NaN, not an all-clear 0, when Elasticsearch cannot answer, and the scrape still succeeds', async () => {
    source.current = { zones: 2, seats: 7 };
    await registry.metrics();
    source.failure = new Error('connect ECONNREFUSED');

    const text = await registry.metrics();

    expect(gaugeValue(text, 'event_hub_booking_shortfall_zones')).toMatch(/^nan$/i);
    expect(gaugeValue(text, 'event_hub_booking_shortfall_seats')).toMatch(/^nan$/i);
    expect(warnings).toEqual([
      expect.objectContaining({ msg: 'metrics scrape could not read the booking shortfall' }),
    ]);
  });
});
