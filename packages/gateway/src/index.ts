export * from './config.js';
export * from './build-gateway.js';
export * from './start-gateway.js';
export * from './pki/index.js';
export * from './mqtt/access-policy.js';
export * from './mqtt/gateway-metrics.js';
export { buildAdminApi } from './http/admin-api.js';
export type { ErrorBody } from './http/error-handler.js';
export * from './webhooks/webhook-sender.js';
