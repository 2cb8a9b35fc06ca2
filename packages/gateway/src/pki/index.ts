export * from './fleet-pki.js';
export * from './signing-key.js';
