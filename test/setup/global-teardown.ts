/** Stops the servers global-setup started (and only those). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.eventHubTestServers?.stop();
}
