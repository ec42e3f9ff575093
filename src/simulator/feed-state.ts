import type { FaultSpec } from './faults/fault-spec';
import type { FeedControl } from './feed-control';
import type { FeedSpec } from './generator/feed-spec';
import { InvalidControlError } from './invalid-control-error';
import { RequestLog } from './request-log';
import type { RequestLogEntry } from './request-log';

/** What a feed request gets when no fault replaces it. */
export type FeedBody =
  { kind: 'sample'; number: number; bytes: Buffer } | { kind: 'generated'; spec: FeedSpec };

/** A feed's state as `GET /control/feeds/:name` returns it. */
export interface FeedStatus {
  name: string;
  mode: 'samples' | 'generated';
  /** The sample every request gets, or null while the samples advance (or in generated mode). */
  pinnedSample: number | null;
  /** The sample the next successful request gets, or null in generated mode. */
  nextSample: number | null;
  generate: FeedSpec | null;
  /** The active fault; `remaining` is how many requests it still hits, null meaning until cleared. */
  fault: (FaultSpec & { remaining: number | null }) | null;
  /** Feed requests received since start or reset, faulted ones included. */
  requests: number;
  recentRequests: RequestLogEntry[];
}

type Source =
  { kind: 'samples'; pinned: number | null; next: number } | { kind: 'generated'; spec: FeedSpec };

/** One provider feed of the simulator: what it serves, which fault is armed, and what it was asked. */
export class FeedState {
  private source: Source = { kind: 'samples', pinned: null, next: 1 };
  private fault: { spec: FaultSpec; remaining: number | null } | null = null;
  private requests = 0;
  private readonly log = new RequestLog();

  constructor(
    readonly name: string,
    private readonly samples: readonly Buffer[],
  ) {}

  /** Applies a validated control request; throws InvalidControlError when it names a missing sample. */
  apply(control: FeedControl): void {
    if (control.sample !== undefined) {
      if (control.sample > this.samples.length) {
        throw new InvalidControlError(`sample must be between 1 and ${this.samples.length}`);
      }
      this.source = { kind: 'samples', pinned: control.sample, next: control.sample };
    }
    if (control.sequence) this.source = { kind: 'samples', pinned: null, next: 1 };
    if (control.generate) this.source = { kind: 'generated', spec: control.generate };
    if (control.fault !== undefined) {
      this.fault = control.fault && { spec: control.fault, remaining: control.fault.times ?? null };
    }
  }

  /** Counts a request and returns its number and the fault that hits it, using up one of its `times`. */
  beginRequest(): { number: number; fault: FaultSpec | null } {
    this.requests += 1;
    const active = this.fault;
    if (!active) return { number: this.requests, fault: null };
    if (active.remaining !== null) {
      active.remaining -= 1;
      if (active.remaining === 0) this.fault = null;
    }
    return { number: this.requests, fault: active.spec };
  }

  /**
   * The body for this request. Only a body that goes out whole moves the sample sequence on, so a
   * client retrying after a fault gets the sample it missed.
   */
  body(advance: boolean): FeedBody {
    if (this.source.kind === 'generated') return { kind: 'generated', spec: this.source.spec };
    const number = this.source.pinned ?? this.source.next;
    if (advance && this.source.pinned === null) this.source.next = Math.min(number + 1, this.samples.length);
    return { kind: 'sample', number, bytes: this.samples[number - 1] as Buffer };
  }

  record(entry: RequestLogEntry): void {
    this.log.add(entry);
  }

  status(): FeedStatus {
    const samples = this.source.kind === 'samples' ? this.source : null;
    return {
      name: this.name,
      mode: this.source.kind,
      pinnedSample: samples?.pinned ?? null,
      nextSample: samples ? (samples.pinned ?? samples.next) : null,
      generate: this.source.kind === 'generated' ? this.source.spec : null,
      fault: this.fault && { ...this.fault.spec, remaining: this.fault.remaining },
      requests: this.requests,
      recentRequests: this.log.list(),
    };
  }
}
