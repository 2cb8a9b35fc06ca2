import { pino } from 'pino';
import { ConfigError, DependencyUnavailable, loadConfig } from './config.js';
import { startGateway } from './start-gateway.js';

// The one place that reads the environment and owns the process.
function refuseToStart(err: unknown): never {
  if (err instanceof ConfigError) {
    console.error(`ota-gateway: ${err.message}`);
    process.exit(2);
  }
  if (err instanceof DependencyUnavailable) {
    console.error(`ota-gateway: ${err.message}`);
    process.exit(1);
  }
  throw err;
}

let config;
try {
  config = loadConfig(process.env);
} catch (err) {
  refuseToStart(err);
}
const log = pino({ level: config.logLevel });
// A bad setting found while starting (a root file in TRUST_DIR that does not chain) is one line too.
const gateway = await startGateway(config, log).catch(refuseToStart);
log.info({ mqttPort: gateway.mqttPort, httpPort: gateway.httpPort }, 'gateway listening');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    gateway.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'unclean stop');
        process.exit(1);
      },
    );
  });
}
