export * from './rehearsal.js';
export * from './admin-client.js';
export * from './cli-args.js';
export { freePort } from './infra/free-port.js';
export { startPrivateRedis } from './infra/private-redis.js';
