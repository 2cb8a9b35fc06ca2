import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateFleet } from './fleet-data.js';
import { defaultFleetDescription, generateFromDescription, type FleetDescription } from './fleet-file.js';
import { FleetFileError, parseFleetDescription, validateFleetDescription } from './fleet-file-validate.js';
import { isValidVin } from './vin.js';

const examplePath = join(dirname(dirname(fileURLToPath(import.meta.url))), 'fleets', 'example.json');
const example = parseFleetDescription(readFileSync(examplePath, 'utf8'), 'example.json');

describe('fleet descriptions', () => {
  it('give the same fleet for the same file and seed, and another for another seed', () => {
    const a = generateFromDescription(example, { count: 500, seed: 1 });
    expect(generateFromDescription(example, { count: 500, seed: 1 })).toEqual(a);
    const b = generateFromDescription(example, { count: 500, seed: 2 });
    expect(b.map((m) => m.record.vin)).not.toEqual(a.map((m) => m.record.vin));
    expect(b.map((m) => m.link?.name)).not.toEqual(a.map((m) => m.link?.name));
    expect(new Set(a.map((m) => m.record.vin)).size).toBe(500);
    for (const m of a) expect(isValidVin(m.record.vin)).toBe(true);
  });

  it('draw models, regions, versions and profiles by their weights', () => {
    const fleet = generateFromDescription(example, { count: 4000, seed: 3 });
    const share = (f: (m: (typeof fleet)[number]) => boolean) => fleet.filter(f).length / fleet.length;
    expect(share((m) => m.record.model === 'Aster')).toBeCloseTo(0.5, 1);
    expect(share((m) => m.record.region === 'EU')).toBeCloseTo(0.5, 1);
    expect(share((m) => m.battery === 'weak')).toBeCloseTo(0.07, 1);
    expect(share((m) => m.link?.name === 'rural-3g')).toBeCloseTo(0.2, 1);
    const cirrus = fleet.filter((m) => m.record.model === 'Cirrus');
    expect(cirrus.filter((m) => m.record.ecus[0]!.hardwareId === 'BCM-H1').length / cirrus.length).toBeCloseTo(0.2, 1);
    for (const m of fleet) expect(m.record.ecus.map((e) => e.module)).toEqual(example.models.find((x) => x.name === m.record.model)!.ecus.map((e) => e.module));
  });

  it('compute per-vehicle fault rates from the fleet, the model, the battery and the link', () => {
    const desc: FleetDescription = {
      ...example,
      faults: { 'install-failure': 0.1, 'corrupt-chunk': 0.2 },
      models: example.models.map((m) => (m.name === 'Aster' ? { ...m, faults: { 'install-failure': 0.5 } } : m)),
    };
    const fleet = generateFromDescription(desc, { count: 300, seed: 4 });
    const weakRural = fleet.find((m) => m.record.model === 'Aster' && m.battery === 'weak' && m.link?.name === 'rural-3g')!;
    expect(weakRural.faults).toEqual({ 'install-failure': 0.5, 'corrupt-chunk': 0.2, 'low-battery': 1, disconnect: 0.1 });
    const plain = fleet.find((m) => m.record.model === 'Cirrus' && m.battery === 'healthy' && m.link?.name === 'depot-wifi')!;
    expect(plain.faults).toEqual({ 'install-failure': 0.1, 'corrupt-chunk': 0.2 });
  });

  it('carry ECU timings, banks and image sizes beside the records the admin API imports', () => {
    const borealis = generateFromDescription(example, { count: 50, seed: 5 }).find((m) => m.record.model === 'Borealis')!;
    expect(borealis.record.ecus.map((e) => [e.module, e.bus])).toEqual([['bcm', 'CAN'], ['ecm', 'CAN_FD'], ['cgw', 'ETHERNET']]);
    expect(borealis.record.ecus[1]!.serial).toMatch(/^PT-/);
    expect(borealis.ecus[2]).toEqual({ imageSize: 67108864, bank: 'ab', flash: { busBytesPerS: 3000000, eraseBytesPerS: 20000000, resetMs: 40000 } });
    expect(borealis.ecus[1]!.bank).toBe('single');
    expect(Object.keys(borealis.record.ecus[0]!).sort()).toEqual(['bus', 'calibration', 'hardwareId', 'module', 'serial', 'softwareVersion']);
  });

  it('the built-in description is the default fleet, record for record', () => {
    expect(generateFromDescription(defaultFleetDescription(0.3), { count: 200, seed: 8 }).map((m) => m.record)).toEqual(generateFleet({ count: 200, seed: 8, hardwareMix: 0.3 }));
    expect(() => validateFleetDescription(JSON.parse(JSON.stringify(defaultFleetDescription())))).not.toThrow();
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break arbitrary paths of plain JSON
type Json = any;

describe('fleet file validation', () => {
  const bad = (mutate: (d: Json) => void): string => {
    const d = JSON.parse(JSON.stringify(example)) as Json;
    mutate(d);
    try {
      parseFleetDescription(JSON.stringify(d), 'fleet.json');
    } catch (err) {
      expect(err).toBeInstanceOf(FleetFileError);
      return (err as Error).message;
    }
    throw new Error('accepted');
  };

  it('names the file and the bad field', () => {
    expect(bad((d) => (d.models[1].ecus[0].bus = 'CANFD'))).toBe('fleet.json: models[1].ecus[0].bus must be one of CAN, CAN_FD, LIN, ETHERNET, got "CANFD"');
    expect(bad((d) => (d.models[0].ecus[2].sise = 5))).toMatch(/^fleet\.json: unknown field models\[0\]\.ecus\[2\]\.sise; known: module, bus/);
    expect(bad((d) => (d.models[0].wmi = 'WOA'))).toMatch(/models\[0\]\.wmi must be 3 VIN characters/);
    expect(bad((d) => (d.models[2].ecus[0].hardwareId[1].weight = -1))).toMatch(/models\[2\]\.ecus\[0\]\.hardwareId\[1\]\.weight must be a number in 0\.\.1000000000, got -1/);
    expect(bad((d) => (d.models[0].ecus[0].imageSize = 1.5))).toMatch(/models\[0\]\.ecus\[0\]\.imageSize must be a whole number/);
    expect(bad((d) => (d.models[0].ecus[1].module = 'bcm'))).toMatch(/models\[0\]\.ecus\[1\]\.module repeats "bcm"/);
    expect(bad((d) => (d.regions[0].timeZones[1] = 'Europe/Atlantis'))).toMatch(/regions\[0\]\.timeZones\[1\] is not an IANA time zone/);
    expect(bad((d) => (d.faults = { 'solar-flare': 0.1 }))).toMatch(/unknown field faults\.solar-flare; known: install-failure/);
    expect(bad((d) => (d.models[0].faults = { 'install-failure': 2 }))).toMatch(/models\[0\]\.faults\.install-failure must be a number in 0\.\.1/);
    expect(bad((d) => (d.links[1].dropRate = '10%'))).toMatch(/links\[1\]\.dropRate must be a number in 0\.\.1, got "10%"/);
    expect(bad((d) => (d.models[1].ecus[2].flash.resetMs = 'slow'))).toMatch(/models\[1\]\.ecus\[2\]\.flash\.resetMs must be a number/);
    expect(bad((d) => (d.models[0].ecus[0].bank = 'dual'))).toMatch(/models\[0\]\.ecus\[0\]\.bank must be "ab" or "single"/);
    expect(bad((d) => (d.models = []))).toBe('fleet.json: models must not be empty');
    expect(bad((d) => delete d.regions)).toBe('fleet.json: regions must be a list, got nothing');
    expect(bad((d) => d.battery.forEach((b: { weight: number }) => (b.weight = 0)))).toMatch(/battery: at least one weight must be above 0/);
    expect(bad((d) => (d.colour = 'red'))).toMatch(/unknown field colour/);
  });

  it('says when the file is not JSON', () => {
    expect(() => parseFleetDescription('{"models": [', 'broken.json')).toThrow(/^broken\.json is not JSON/);
  });
});
