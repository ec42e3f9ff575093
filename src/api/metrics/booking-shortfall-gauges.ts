import { Gauge, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Shortfall } from '../../search/booking-read-model';
import { SingleFlight } from '../search/single-flight';

/** Where the gauges read the shortfall; the booking read model in production. */
export interface ShortfallSource {
  shortfall(): Promise<Shortfall>;
}

/**
 * Zones whose confirmed seats exceed their capacity, and by how many seats, read from the read model at
 * scrape time (never on a timer). Both gauges of one scrape share one read. When Elasticsearch cannot
 * answer they show NaN, not 0: an unknown shortfall must not look like none.
 */
export class BookingShortfallGauges {
  private readonly reads = new SingleFlight<Shortfall | null>();

  constructor(
    registry: Registry,
    private readonly source: ShortfallSource,
    private readonly logger: Logger,
  ) {
    const registers = [registry];
    const read = () => this.read();
    new Gauge({
      name: 'event_hub_booking_shortfall_zones',
      help: 'Zones whose confirmed bookings exceed their capacity (sales frozen); NaN when unknown.',
      registers,
      async collect() {
        this.set((await read())?.zones ?? NaN);
      },
    });
    new Gauge({
      name: 'event_hub_booking_shortfall_seats',
      help: 'Confirmed seats beyond capacity, summed over all zones; NaN when unknown.',
      registers,
      async collect() {
        this.set((await read())?.seats ?? NaN);
      },
    });
  }

  private read(): Promise<Shortfall | null> {
    return this.reads.run('shortfall', async () => {
      try {
        return await this.source.shortfall();
      } catch (err) {
        this.logger.warn({ err }, 'metrics scrape could not read the booking shortfall');
        return null;
      }
    });
  }
}
