import { loadConfig } from '../config';
import { createProcessLogger } from '../process-logger';
import { createSimulator } from './create-simulator';
import { parseSimulatorArgs } from './parse-simulator-args';

/** Entry point of `npm run simulator`: serves the provider feeds until SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createProcessLogger('simulator', config.LOG_LEVEL);
  const args = parseSimulatorArgs(process.argv.slice(2));
  const simulator = await createSimulator({
    host: args.host ?? config.SIMULATOR_HOST,
    port: args.port ?? config.SIMULATOR_PORT,
    initialControl: args.initialControl,
    partnerApiKey: args.partnerApiKey ?? config.SIMULATOR_PARTNER_API_KEY,
    logger,
  });
  logger.info({ url: simulator.url, feed: simulator.feedUrl() }, 'simulator listening');
  const stop = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'simulator stopping');
    // No process.exit: once the server is closed nothing holds the event loop, so Node exits on its own.
    simulator.close().then(
      () => logger.info('simulator stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'simulator failed to stop');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  createProcessLogger('simulator').fatal({ err: error }, 'simulator failed to start');
  process.exitCode = 1;
});
