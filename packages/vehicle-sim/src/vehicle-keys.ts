import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** PKCS#8 DER header of an ed25519 private key; the 32-byte seed follows it (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The key a simulated vehicle signs its version reports with, derived from its VIN: the seed is
 * sha256('ota-sim-report-key/' + vin). Anyone who knows a VIN can derive it, so it is for simulation only;
 * a real vehicle generates its key in its secure element and registers only the public half at provisioning.
 */
export function simulatedReportKey(vin: string): KeyObject {
  const seed = createHash('sha256').update(`ota-sim-report-key/${vin}`).digest();
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The public half of simulatedReportKey(vin), as SPKI PEM: what provisioning registers for a simulated VIN. */
export function simulatedReportPublicKeyPem(vin: string): string {
  return createPublicKey(simulatedReportKey(vin)).export({ type: 'spki', format: 'pem' }).toString();
}
