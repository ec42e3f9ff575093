import { ArmedPartnerFault } from './armed-partner-fault';
import type { AvailabilitySlot } from './availability-slot';
import { dayNumberOf } from './calendar-date';
import type { CalendarDate } from './calendar-date';
import { generateAvailability, generateSlot } from './generate-availability';
import type { AvailabilityQuery } from './generate-availability';
import type { PartnerControl } from './partner-control';
import type { PartnerFault } from './partner-fault';
import { generateProduct } from './partner-product';
import type { Departure, PartnerProduct } from './partner-product';
import { PartnerRequestLog } from './partner-request-log';
import type { PartnerRequestEntry } from './partner-request-log';
import type { PartnerSettings } from './partner-settings';
import { catalogEntry } from './partner-status';
import type { PartnerStatus } from './partner-status';
import { removedSlotKey } from './removed-slot';
import type { RemovedSlot } from './removed-slot';
import { SlidingWindowLimiter } from './sliding-window-limiter';
import type { RateLimitDecision } from './sliding-window-limiter';

type StormFault = Extract<PartnerFault, { kind: 'rate-limit-storm' }>;

/** A fault that shapes the answer to an admitted request, as opposed to refusing it. */
export type AnswerFault = Exclude<PartnerFault, StormFault>;

/** One simulated partner API: its catalog, key, rate limit, armed fault, and what it was asked. */
export class Partner {
  private settings: PartnerSettings;
  private catalog: PartnerProduct[] = [];
  private readonly removed = new Map<string, RemovedSlot>();
  private fault: ArmedPartnerFault | null = null;
  /** One window per API key: a partner limits each client on its own. */
  private limiters = new Map<string, SlidingWindowLimiter>();
  private readonly log = new PartnerRequestLog();
  private readonly statuses = new Map<number, number>();

  constructor(
    readonly providerId: string,
    defaults: PartnerSettings,
    /** Epoch ms; injectable so rate-limit tests control time. */
    readonly now: () => number,
  ) {
    this.settings = { ...defaults };
    this.rebuildCatalog();
  }

  /** Applies a validated control; fields left out keep their value. */
  apply(control: PartnerControl): void {
    const { fault, removeSlots, ...changes } = control;
    this.settings = { ...this.settings, ...withoutUndefined(changes) };
    if (changes.products !== undefined || changes.seed !== undefined) this.rebuildCatalog();
    // A new limit is a new quota: the windows start empty rather than judged by the old limit's log.
    if (changes.rateLimit !== undefined || changes.apiKey !== undefined) this.limiters = new Map();
    for (const slot of removeSlots ?? []) this.removed.set(removedSlotKey(slot), slot);
    if (fault !== undefined) this.fault = fault && new ArmedPartnerFault(fault, this.settings.seed);
  }

  /** Whether `apiKey` is this partner's key. */
  accepts(apiKey: string | undefined): boolean {
    return apiKey === this.settings.apiKey;
  }

  /** Rate-limits a request with an accepted key; a rate-limit storm refuses it whatever the window says. */
  admit(apiKey: string): RateLimitDecision {
    const storm = this.hit((spec): spec is StormFault => spec.kind === 'rate-limit-storm');
    if (storm) {
      const resetAt = this.now() + storm.retryAfterSeconds * 1000;
      return { allowed: false, resetAt, retryAfterSeconds: storm.retryAfterSeconds };
    }
    let limiter = this.limiters.get(apiKey);
    if (!limiter) {
      limiter = new SlidingWindowLimiter(this.settings.rateLimit, this.now);
      this.limiters.set(apiKey, limiter);
    }
    return limiter.take();
  }

  /** The fault that answers this admitted request instead of (or after) the plain slots, if it hits. */
  takeFault(): AnswerFault | null {
    return this.hit((spec): spec is AnswerFault => spec.kind !== 'rate-limit-storm');
  }

  /** The product with this id in the current catalog. */
  product(productId: string): PartnerProduct | undefined {
    return this.catalog.find((product) => product.productId === productId);
  }

  /** The product's slots on the date under the current seed, variant and removals. */
  availability(product: PartnerProduct, date: CalendarDate): AvailabilitySlot[] {
    return generateAvailability(this.query(product, date));
  }

  /** A well-formed slot of the product on the date even if it does not run then, to spoil in a bad-shape fault. */
  sampleSlot(product: PartnerProduct, date: CalendarDate): AvailabilitySlot {
    return generateSlot(this.query(product, date), product.departures[0] as Departure);
  }

  /** Notes an answered inventory request. */
  record(entry: PartnerRequestEntry): void {
    this.log.add(entry);
    this.statuses.set(entry.status, (this.statuses.get(entry.status) ?? 0) + 1);
  }

  /** Inventory requests, oldest first. */
  requests(): PartnerRequestEntry[] {
    return this.log.list();
  }

  /** Settings, catalog, fault and counters. */
  status(): PartnerStatus {
    const statuses = Object.fromEntries([...this.statuses].map(([code, count]) => [String(code), count]));
    return {
      providerId: this.providerId,
      ...this.settings,
      catalog: this.catalog.map(catalogEntry),
      removedSlots: [...this.removed.values()],
      fault: this.fault?.describe() ?? null,
      requests: [...this.statuses.values()].reduce((sum, count) => sum + count, 0),
      statuses,
    };
  }

  private hit<F extends PartnerFault>(applies: (spec: PartnerFault) => spec is F): F | null {
    const armed = this.fault;
    if (!armed || !applies(armed.spec) || !armed.hits()) return null;
    if (armed.spent) this.fault = null;
    return armed.spec;
  }

  private query(product: PartnerProduct, date: CalendarDate): AvailabilityQuery {
    const { seed, variant } = this.settings;
    const today = dayNumberOf(this.now());
    return { providerId: this.providerId, seed, variant, product, date, today, removed: this.removed };
  }

  private rebuildCatalog(): void {
    const { seed, products } = this.settings;
    this.catalog = Array.from({ length: products }, (_, i) => generateProduct(seed, i + 1));
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
