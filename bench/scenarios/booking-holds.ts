import type { Client as EsClient } from '@elastic/elasticsearch';
import type { Client } from '@temporalio/client';
import { indexNames } from '../../src/search/index-names';
import { startApiProcess, startWorkerProcess } from '../support/app-processes';
import type { BenchContext } from '../support/bench-context';
import { BookingClient } from '../support/booking-client';
import {
  findHoldKnee,
  runHoldStep,
  type HoldKnee,
  type HoldRunner,
  type HoldTarget,
} from '../support/hold-knee';
import type { HoldStep } from '../support/hold-step';
import { attemptOversell, type OversellAttempt } from '../support/oversell-attempt';
import { seedBookingEvent } from '../support/seed-booking-event';
import { readZoneSeats, type ZoneSeats } from '../support/zone-seats';

/** Holds on one zone and on twenty, and an oversell attempt, against a real API and worker. */
export interface BookingHoldsResult {
  /** The constant-rate run the hold latency goal is read from. */
  steady: HoldStep;
  oneZone: HoldKnee;
  twentyZones: HoldKnee;
  oversell: OversellAttempt;
  /** Every zone used, read from its workflow after everything above. */
  zones: ZoneSeats[];
  holdTtlS: number;
}

const PREFIX = 'bench-booking';
const CONSUMER_KEY = 'bench-consumer-key-0001';
// Never sold out: the bench measures holds, not refusals.
const LARGE_ZONE = 1_000_000;
const OVERSELL_CAPACITY = 50;
const OVERSELL_BUYERS = 500;
const STEADY = { perS: 20, durationS: 20 };
// The first seconds after the zones' workflows start still pay for their registration and a cold JIT.
const WARM_UP_S = 8;
const RATES = [20, 40, 80, 160, 320, 640];
const STEP_S = 10;
/**
 * Holds are neither paid nor released during the rate runs: they expire in the zone's workflow after
 * this TTL, so a zone carries about rate x TTL live holds (its state, carried across continue-as-new)
 * instead of growing for the whole run as it would under the 5-minute default.
 */
const HOLD_TTL_S = 5;

/**
 * Starts a worker and a booking-enabled API on their own prefix, seeds three events (one large zone,
 * twenty large zones, one zone of 50 seats) and measures: 20 holds/s on one zone, the rate ladder on
 * one zone and across twenty, the oversell burst, and finally every zone's seats from its workflow.
 */
export async function measureBookingHolds(
  ctx: BenchContext,
  temporal: Client,
  elasticsearch: EsClient,
  log: (line: string) => void,
): Promise<BookingHoldsResult> {
  const worker = await startWorkerProcess(ctx, 'worker-booking', PREFIX);
  const api = await startApiProcess(ctx, 'api-booking', PREFIX, {
    cache: true,
    env: { BOOKING_API_KEYS: CONSUMER_KEY, BOOKING_HOLD_TTL: `${HOLD_TTL_S}s` },
  });
  try {
    const indices = indexNames(PREFIX);
    const seed = async (name: string, capacities: number[]): Promise<HoldTarget> => {
      const event = await seedBookingEvent(elasticsearch, indices, name, capacities);
      return { eventId: event.id, zones: event.zones };
    };
    const one = await seed('one-zone', [LARGE_ZONE]);
    const twenty = await seed('twenty-zones', Array<number>(20).fill(LARGE_ZONE));
    const small = await seed('oversell', [OVERSELL_CAPACITY]);
    const client = new BookingClient(api.url, CONSUMER_KEY);
    const runner: HoldRunner = {
      client,
      pids: {
        api: api.child.pid,
        worker: worker.pid,
        temporal: ctx.temporalPid,
        elasticsearch: ctx.elasticsearchPid,
      },
    };
    await warmUp(runner, [one, twenty]);

    const steady = await runHoldStep(runner, one, STEADY, 'steady');
    log(
      `holds at ${STEADY.perS}/s on one zone: p95 ${steady.p95Ms.toFixed(0)} ms, ${JSON.stringify(steady.answers)}`,
    );
    const printStep = (zones: number) => (step: HoldStep) =>
      log(
        `  ${zones} zone(s) ${step.ratePerS}/s: p95 ${step.p95Ms.toFixed(0)} ms, ` +
          `zone_busy ${(step.zoneBusyShare * 100).toFixed(1)}%, ${JSON.stringify(step.answers)}, ` +
          `cpu ${JSON.stringify(step.cpu)}`,
      );
    const oneZone = await findHoldKnee(runner, one, RATES, STEP_S, printStep(1));
    const twentyZones = await findHoldKnee(runner, twenty, RATES, STEP_S, printStep(20));
    const oversell = await attemptOversell(client, small, OVERSELL_CAPACITY, OVERSELL_BUYERS);
    log(`oversell attempt: ${oversell.seatsConfirmed} of ${OVERSELL_CAPACITY} seats confirmed`);
    const zones = await readZoneSeats(temporal, PREFIX, [...one.zones, ...twenty.zones, ...small.zones]);
    return { steady, oneZone, twentyZones, oversell, zones, holdTtlS: HOLD_TTL_S };
  } finally {
    await api.child.stop();
    await worker.stop();
  }
}

/**
 * The first hold of a zone starts its workflow (Update-with-Start) and registers it in the read model:
 * done once per zone before measuring, then a few seconds at the steady rate to warm the processes up.
 */
async function warmUp(runner: HoldRunner, targets: HoldTarget[]): Promise<void> {
  const { client } = runner;
  for (const target of targets)
    await Promise.all(
      target.zones.map(async (zone) => {
        const answer = await client.hold(target.eventId, zone.zoneKey, 1, `warm-up-${zone.zoneKey}`);
        if (answer.status !== 201) throw new Error(`warm-up hold answered ${answer.status} ${answer.code}`);
      }),
    );
  await runHoldStep(runner, targets[0]!, { perS: STEADY.perS, durationS: WARM_UP_S }, 'warm-up');
}
