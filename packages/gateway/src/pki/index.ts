export * from './fleet-pki.js';
