import { pick } from './random.js';

// ISO 3779 / 49 CFR 565: letters I, O and Q are never used.
const ALPHABET = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
  '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** The North American check digit (position 9): weighted sum of transliterated characters mod 11, 10 = X. */
export function checkDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (VALUES[vin[i]!] ?? 0) * WEIGHTS[i]!;
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export function isValidVin(vin: string): boolean {
  return VIN.test(vin) && vin[8] === checkDigit(vin);
}

// Model year codes (position 10) skip I, O, Q, U, Z and 0.
const YEARS = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** A random valid VIN with the given world manufacturer identifier (3 characters). */
export function randomVin(random: () => number, wmi: string): string {
  let body = wmi;
  for (let i = 3; i < 8; i++) body += pick(random, [...ALPHABET]);
  body += '0'; // check digit placeholder
  body += pick(random, [...YEARS]);
  body += pick(random, [...ALPHABET]);
  for (let i = 11; i < 17; i++) body += pick(random, [...'0123456789']);
  return body.slice(0, 8) + checkDigit(body) + body.slice(9);
}
