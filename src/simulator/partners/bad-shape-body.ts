import type { AvailabilitySlot } from './availability-slot';
import type { BAD_SHAPE_PROBLEMS } from './partner-fault';

/** One of the wrong shapes a `bad-shape` fault serves. */
export type BadShapeProblem = (typeof BAD_SHAPE_PROBLEMS)[number];

type SingleProblem = Exclude<BadShapeProblem, 'all' | 'not-an-array'>;

/** Each spoils one thing of a real slot, so a parser test knows exactly what it must reject. */
const spoilers: Record<SingleProblem, (slot: AvailabilitySlot) => unknown> = {
  'negative-remaining': (slot) => ({
    ...slot,
    remaining: -3,
    paxAvailability: slot.paxAvailability.map((pax) => ({ ...pax, remaining: -3 })),
  }),
  'impossible-date': (slot) => ({ ...slot, startDate: `${slot.startDate.slice(0, 4)}-02-30` }),
  'missing-fields': (slot) => {
    const { providerSlotId: _id, startTime: _start, ...rest } = slot;
    return rest;
  },
  'wrong-types': (slot) => ({
    ...slot,
    remaining: String(slot.remaining),
    paxAvailability: slot.paxAvailability.map((pax) => ({
      ...pax,
      price: { ...pax.price, finalPrice: pax.price.finalPrice.toFixed(2) },
    })),
  }),
};

/** The JSON a `bad-shape` fault answers: well-formed, but not what the partner API promises. */
export function badShapeBody(problem: BadShapeProblem, slot: AvailabilitySlot): unknown {
  if (problem === 'not-an-array') return { slots: [slot] };
  if (problem === 'all') return Object.values(spoilers).map((spoil) => spoil(slot));
  return [spoilers[problem](slot)];
}
