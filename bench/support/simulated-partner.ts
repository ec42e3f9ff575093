import type { PartnerControlInput } from '../../src/simulator/partners/partner-control';
import type { PartnerRequestEntry } from '../../src/simulator/partners/partner-request-log';

/** One partner of the bench's simulator, through its control API: its settings and its request log. */
export class SimulatedPartner {
  private readonly controlUrl: string;

  constructor(simulatorUrl: string, providerId: string) {
    this.controlUrl = `${simulatorUrl}/control/partners/${providerId}`;
  }

  /** Applies a control body (key, limit, products); a limit starts fresh rate windows for every key. */
  async control(body: PartnerControlInput): Promise<void> {
    const response = await fetch(this.controlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`partner control answered ${response.status}: ${await response.text()}`);
  }

  /** Every inventory request the partner received, oldest first, whatever it answered. */
  async requests(): Promise<PartnerRequestEntry[]> {
    const response = await fetch(`${this.controlUrl}/requests`);
    if (!response.ok) throw new Error(`partner request log answered ${response.status}`);
    return (await response.json()) as PartnerRequestEntry[];
  }
}
