import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';
import { checkDigit, isValidVin, randomVin } from './vin.js';

describe('VIN', () => {
  it('accepts real VINs and computes their check digits', () => {
    for (const vin of ['1M8GDM9AXKP042788', '11111111111111111', '1HGCM82633A004352', '5YJSA1E27HF000337']) {
      expect(isValidVin(vin), vin).toBe(true);
      expect(checkDigit(vin)).toBe(vin[8]);
    }
  });
  it('refuses wrong check digits, forbidden letters and wrong lengths', () => {
    expect(isValidVin('1M8GDM9A1KP042788')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP04278O')).toBe(false);
    expect(isValidVin('1M8GDM9AXKP04278')).toBe(false);
  });
  it('generates valid VINs, the same ones for the same seed', () => {
    const a = Array.from({ length: 500 }, ((r) => () => randomVin(r, 'WOT'.replace('O', '0')))(seededRandom(5)));
    const b = Array.from({ length: 500 }, ((r) => () => randomVin(r, 'W0T'))(seededRandom(5)));
    expect(a).toEqual(b);
    for (const vin of a) expect(isValidVin(vin), vin).toBe(true);
  });
});
