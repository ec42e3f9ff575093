import { startTestServers, type TestServers } from '../../scripts/stack/test-servers';

declare global {
  var eventHubTestServers: TestServers | undefined;
}

/** Starts the real Temporal and Elasticsearch servers the integration layer runs against. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const servers = await startTestServers((line) => process.stdout.write(`${line}\n`));
  globalThis.eventHubTestServers = servers;
  // Test workers are forked after this point and inherit these.
  process.env.TEMPORAL_ADDRESS = servers.temporalAddress;
  process.env.ELASTICSEARCH_URL = servers.elasticsearchUrl;
  process.stdout.write(
    `\ntest servers up in ${Date.now() - started} ms: Temporal ${servers.temporalAddress}, ` +
      `Elasticsearch ${servers.elasticsearchUrl}\n`,
  );
}
