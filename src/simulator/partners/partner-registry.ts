import { Partner } from './partner';
import { defaultPartnerSettings } from './partner-settings';

/** How every partner starts out. */
export interface PartnerRegistryOptions {
  apiKey?: string;
  /** Epoch ms; defaults to `Date.now`. */
  now?: () => number;
}

/** The simulator's partners by provider id, created with default settings on first use. */
export class PartnerRegistry {
  private partners = new Map<string, Partner>();
  private readonly now: () => number;

  constructor(private readonly options: PartnerRegistryOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /** The partner with this id, created on first use. */
  get(providerId: string): Partner {
    let partner = this.partners.get(providerId);
    if (!partner) {
      partner = new Partner(providerId, defaultPartnerSettings(this.options.apiKey), this.now);
      this.partners.set(providerId, partner);
    }
    return partner;
  }

  /** Forgets every partner: settings, faults, rate windows and request logs go back to the start. */
  reset(): void {
    this.partners = new Map();
  }
}
