import { pino } from 'pino';
import { ConfigError, loadConfig } from './config.js';
import { startGateway } from './start-gateway.js';

// The one place that reads the environment and owns the process.
let config;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`ota-gateway: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
const log = pino({ level: config.logLevel });
const gateway = await startGateway(config, log);
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
