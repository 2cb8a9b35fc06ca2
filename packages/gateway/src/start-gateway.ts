import { pino, type Logger } from 'pino';
import { buildGateway, type Gateway } from './build-gateway.js';
import type { GatewayConfig } from './config.js';
import { ensureFleetPki, ensureSigningKey, type FleetPki } from './pki/index.js';

export interface RunningGateway extends Gateway {
  pki: FleetPki;
  /** The director key's public half, PEM: what vehicles must trust. */
  signingPublicKeyPem: string;
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
  const signing = await ensureSigningKey(config.pkiDir, 'director');
  const gateway = await buildGateway(config, {
    tls: { ca: pki.caCertPem, cert: pki.serverCertPem, key: pki.serverKeyPem },
    pki,
    signingKey: signing.privateKey,
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
    signingPublicKeyPem: signing.publicKeyPem,
    mqttPort: typeof mqttAddress === 'object' && mqttAddress ? mqttAddress.port : config.mqttPort,
    httpPort: typeof httpAddress === 'object' && httpAddress ? httpAddress.port : config.httpPort,
  };
}
