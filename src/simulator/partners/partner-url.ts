/** The base URL of a partner's API on a simulator: the hub calls `${base}/inventory/${productId}?date=`. */
export function partnerUrl(simulatorUrl: string, providerId: string): string {
  return `${simulatorUrl}/partners/${encodeURIComponent(providerId)}`;
}
