import type { ZoneRef } from '../../src/domain/zone-inventory';
import type { BookingClient } from './booking-client';
import { summarizeHoldStep, type HoldStep } from './hold-step';
import { runOpenLoop } from './open-loop';
import { meterStepCpu } from './step-cpu';

/** A rate ladder of holds and where it bent. */
export interface HoldKnee {
  steps: HoldStep[];
  /** Highest rate sustained (p95 within the limit, no failures); 0 when even the first step was not. */
  kneePerS: number;
  /** Highest sustained rate at which under 1% of holds were turned away as zone_busy. */
  kneeUnderOnePctBusyPerS: number;
}

/** Who sends the holds, and the processes whose CPU each step meters, by name. */
export interface HoldRunner {
  client: BookingClient;
  pids: Record<string, number | null>;
}

/** Where the holds go: one event's zones, taken in turn so each gets an even share. */
export interface HoldTarget {
  eventId: string;
  zones: ZoneRef[];
}

/**
 * Holds one seat per request (each with its own Idempotency-Key) open-loop at each rate of `rates` for
 * `stepS` seconds, stopping after the first rate that is not sustained: beyond it the queue only grows.
 */
export async function findHoldKnee(
  runner: HoldRunner,
  target: HoldTarget,
  rates: number[],
  stepS: number,
  onStep: (step: HoldStep) => void,
): Promise<HoldKnee> {
  const steps: HoldStep[] = [];
  for (const perS of rates) {
    const step = await runHoldStep(
      runner,
      target,
      { perS, durationS: stepS },
      `knee-${target.zones.length}z-${perS}`,
    );
    steps.push(step);
    onStep(step);
    if (!step.sustained) break;
  }
  const sustained = steps.filter((s) => s.sustained);
  return {
    steps,
    kneePerS: Math.max(0, ...sustained.map((s) => s.ratePerS)),
    kneeUnderOnePctBusyPerS: Math.max(
      0,
      ...sustained.filter((s) => s.zoneBusyShare < 0.01).map((s) => s.ratePerS),
    ),
  };
}

/** One open-loop run of single-seat holds spread evenly over the target's zones. */
export async function runHoldStep(
  runner: HoldRunner,
  target: HoldTarget,
  rate: { perS: number; durationS: number },
  keyPrefix: string,
): Promise<HoldStep> {
  const cpu = meterStepCpu(runner.pids);
  const samples = await runOpenLoop(rate, (i) => {
    const zone = target.zones[i % target.zones.length]!;
    return runner.client.hold(target.eventId, zone.zoneKey, 1, `${keyPrefix}-${i}`);
  });
  return summarizeHoldStep(rate, samples, cpu.stop());
}
