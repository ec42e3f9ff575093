import type { BookingHoldsResult } from '../scenarios/booking-holds';
import type { HoldKnee } from '../support/hold-knee';
import { KNEE_P95_LIMIT_MS } from '../support/hold-step';
import { atMost, figure, type Figure } from './figure';

/** Hold latency at a steady rate, the rate each setup sustains, and seats sold beyond capacity. */
export function bookingFigures(r: BookingHoldsResult): Figure[] {
  const { steady, oneZone, twentyZones, oversell, zones } = r;
  const oversoldByWorkflows = zones.reduce((sum, z) => sum + z.oversold, 0);
  const oversoldByAnswers = Math.max(0, oversell.seatsConfirmed - oversell.capacity);
  return [
    figure('booking.hold_p95_ms', steady.p95Ms, 'ms', {
      baseline: ['p50 of the same run', steady.p50Ms],
      goal: atMost(250, 'value', ' ms'),
      detail: { ...steady, holdTtlS: r.holdTtlS },
    }),
    figure('booking.max_holds_per_s', oneZone.kneePerS, 'holds/s', { detail: kneeDetail(oneZone) }),
    figure('booking.max_holds_per_s_20_zones', twentyZones.kneePerS, 'holds/s', {
      baseline: ['max_holds_per_s (one zone)', oneZone.kneePerS],
      detail: kneeDetail(twentyZones),
    }),
    // Either view counts: the zones' workflows, and the seats the buyers were told were theirs.
    figure('booking.oversold', Math.max(oversoldByWorkflows, oversoldByAnswers), 'seats', {
      baseline: [
        'seats held or confirmed in the zones used',
        zones.reduce((s, z) => s + z.held + z.confirmed, 0),
      ],
      goal: atMost(0),
      detail: { oversoldByWorkflows, oversoldByAnswers, zones: zones.filter((z) => z.oversold > 0) },
    }),
    figure('booking.oversell_confirmed_seats', oversell.seatsConfirmed, 'seats', {
      baseline: ['capacity of the zone', oversell.capacity],
      detail: { ...oversell, zone: zones[zones.length - 1] },
    }),
  ];
}

function kneeDetail(knee: HoldKnee): Record<string, unknown> {
  const atKnee = knee.steps.find((s) => s.ratePerS === knee.kneePerS);
  return {
    criterion: `p95 <= ${KNEE_P95_LIMIT_MS} ms, no 5xx but 503 zone_busy`,
    zoneBusyShareAtKnee: atKnee?.zoneBusyShare ?? null,
    kneeUnderOnePctBusyPerS: knee.kneeUnderOnePctBusyPerS,
    steps: knee.steps,
  };
}
