import { pino, type Logger } from 'pino';
import { buildGateway, type Gateway } from './build-gateway.js';
import type { GatewayConfig } from './config.js';
import { ensureFleetPki, type FleetPki } from './pki/index.js';
import { ensureDevTrust } from './trust/dev-trust.js';
import { loadDirectorKeys } from './trust/key-files.js';

export interface RunningGateway extends Gateway {
  pki: FleetPki;
  mqttPort: number;
  httpPort: number;
}

/**
 * Builds the gateway from configuration, with the fleet PKI and signing key from disk (created on first
 * start), and listens. Ports 0 pick free ones; the chosen ports are returned.
 */
export async function startGateway(config: Readonly<GatewayConfig>, logger?: Logger): Promise<RunningGateway> {
  const log = logger ?? pino({ level: config.logLevel });
  const pki = await ensureFleetPki(config.pkiDir, { serverHosts: [...config.serverHosts] });
  if (config.devTrust) await ensureDevTrust(config.pkiDir, config.trustDir);
  const gateway = await buildGateway(config, {
    tls: { ca: pki.caCertPem, cert: pki.serverCertPem, key: pki.serverKeyPem },
    pki,
    directorKeys: () => loadDirectorKeys(config.pkiDir),
    logger: log,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      gateway.mqtt.server.once('error', reject);
      gateway.mqtt.server.listen(config.mqttPort, config.mqttHost, () => resolve());
    });
    await gateway.api.listen({ port: config.httpPort, host: config.httpHost });
  } catch (err) {
    await gateway.close();
    throw err;
  }
  const resumed = await gateway.resume();
  if (resumed) log.info({ campaigns: resumed }, 'resumed running campaigns');
  const mqttAddress = gateway.mqtt.server.address();
  const httpAddress = gateway.api.server.address();
  return {
    ...gateway,
    pki,
    mqttPort: typeof mqttAddress === 'object' && mqttAddress ? mqttAddress.port : config.mqttPort,
    httpPort: typeof httpAddress === 'object' && httpAddress ? httpAddress.port : config.httpPort,
  };
}
