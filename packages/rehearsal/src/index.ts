export * from './rehearsal.js';
export * from './admin-client.js';
export * from './cli-args.js';
