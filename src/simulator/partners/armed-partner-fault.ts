import { createPrng } from '../generator/prng';
import type { Prng } from '../generator/prng';
import type { PartnerFault } from './partner-fault';

/** Keeps the fault's draws apart from the catalog's streams of the same seed. */
const FAULT_STREAM = 0x6661756c;

/** A fault set on a partner: which requests it hits, and how many hits it has left. */
export class ArmedPartnerFault {
  private remaining: number | null;
  /** Seeded, so a `share` picks the same requests in every run of the same test. */
  private readonly rng: Prng;

  constructor(
    readonly spec: PartnerFault,
    seed: number,
  ) {
    this.remaining = spec.times ?? null;
    this.rng = createPrng(seed, FAULT_STREAM);
  }

  /** Whether the fault hits this request; a hit uses up one of its `times`. */
  hits(): boolean {
    if (this.remaining === 0) return false;
    if (this.spec.kind === 'status' && !this.rng.chance(this.spec.share)) return false;
    if (this.remaining !== null) this.remaining -= 1;
    return true;
  }

  /** True once `times` hits are used up. */
  get spent(): boolean {
    return this.remaining === 0;
  }

  /** The fault as the control API shows it; `remaining` null means until cleared. */
  describe(): PartnerFault & { remaining: number | null } {
    return { ...this.spec, remaining: this.remaining };
  }
}
