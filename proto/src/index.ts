import { ota } from '../gen/ota.js';

export { ota };
export * from './topics.js';
export * from './limits.js';
export * from './signed.js';
export * from './trust.js';
export * from './u64.js';
