import { destination, pino } from 'pino';
import { startGateway, type GatewayConfig } from '@ota/gateway';
import { serveRequests } from '../server-process.js';

/** The project's gateway in a process of its own; config from BENCH_GATEWAY_CONFIG (JSON), token apart. */
const { adminToken, ...config } = JSON.parse(process.env.BENCH_GATEWAY_CONFIG ?? '{}') as Omit<GatewayConfig, 'adminTokens'> & {
  adminToken: string;
};
const gateway = await startGateway(
  { ...config, adminTokens: new Map([[adminToken, 'bench']]) },
  pino({ level: config.logLevel }, destination(2)),
);
serveRequests(
  { mqttPort: gateway.mqttPort, httpPort: gateway.httpPort },
  { metrics: () => gateway.metrics.snapshot() },
  () => gateway.close(),
);
