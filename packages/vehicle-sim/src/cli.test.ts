import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateFleet } from './fleet-data.js';
import { TestAuthority } from './testing/test-authority.js';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

/** Runs the CLI as docker-compose does (tsx, no build), returning exit code and output. */
function sim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: packageDir, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'vehicle-sim-cli-'));
const rootFile = join(dir, 'root.v1.bin');
writeFileSync(rootFile, new TestAuthority(Date.now() + 3_600_000).trustRoot);
const notRootFile = join(dir, 'director.pub.pem');
writeFileSync(notRootFile, '-----BEGIN PUBLIC KEY-----\n');

const exampleFleet = join(packageDir, 'fleets', 'example.json');
const badFleet = join(dir, 'bad.json');
writeFileSync(badFleet, JSON.stringify({ models: [{ name: 'X', wmi: 'W0X', weight: 1, ecus: [{ module: 'bcm', bus: 'FLEXRAY', hardwareId: 'H', softwareVersion: '1' }] }], regions: [{ name: 'EU', weight: 1, timeZones: ['Europe/Berlin'] }] }));

describe('vehicle-sim CLI', () => {
  it('prints usage on --help', async () => {
    const r = await sim('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('vehicle-sim fleet --vehicles N');
  });

  it('writes a reproducible fleet as JSON', async () => {
    const r = await sim('fleet', '--vehicles', '4', '--seed', '7');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(generateFleet({ count: 4, seed: 7 }));
  });

  it('generates a described fleet: same file and seed, same records', async () => {
    const [a, b, c] = await Promise.all([
      sim('fleet', '--fleet', exampleFleet, '--vehicles', '5', '--seed', '3'),
      sim('fleet', '--fleet', exampleFleet, '--vehicles', '5', '--seed', '3'),
      sim('fleet', '--fleet', exampleFleet, '--vehicles', '5', '--seed', '4'),
    ]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toHaveLength(5);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('fails with one line naming what is wrong', async () => {
    const fleetFile = join(dir, 'fleet.json');
    writeFileSync(fleetFile, JSON.stringify(generateFleet({ count: 1, seed: 1 })));
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '[{');
    const base = ['--gateway', 'mqtts://127.0.0.1:1', '--pki', dir, '--trust-root', rootFile];
    const cases: [string[], RegExp][] = [
      [['--pki', dir, '--trust-root', rootFile, '--vehicles', '1'], /--gateway is required/],
      [['--gateway', 'mqtts://x', '--pki', dir, '--vehicles', '1'], /--trust-root is required/],
      [[...base], /--fleet or --vehicles is required/],
      [[...base, '--vehicles', 'ten'], /--vehicles needs a whole number >= 1, got "ten"/],
      [[...base, '--vehicles', '1', '--time-scale', 'fast'], /--time-scale needs a number >= 0, got "fast"/],
      [[...base, '--fleet', join(dir, 'missing.json')], /cannot read .*missing\.json: ENOENT/],
      [[...base, '--fleet', notJson], /broken\.json is not JSON/],
      [[...base, '--fleet', fleetFile], /cannot read .*vehicles\/[A-Z0-9]{17}\.cert\.pem: ENOENT/],
      [['--gateway', 'mqtts://x', '--pki', dir, '--trust-root', notRootFile, '--vehicles', '1'], /director\.pub\.pem is not a trust root/],
      [['--nonsense'], /Unknown option '--nonsense'/],
      [['fleet', '--vehicles', '2', '--hardware-mix', '3'], /--hardware-mix needs a number in 0\.\.1/],
      [['launch'], /unknown command "launch"/],
      [['fleet', '--fleet', exampleFleet], /example\.json describes a fleet: say how many vehicles with --vehicles N/],
      [['fleet', '--fleet', badFleet, '--vehicles', '2'], /bad\.json: models\[0\]\.ecus\[0\]\.bus must be one of/],
      [[...base, '--vehicles', '1', '--inject', 'meteor=1'], /--inject: unknown fault "meteor"/],
    ];
    const runs = await Promise.all(cases.map(([args]) => sim(...args)));
    runs.forEach((r, i) => {
      const [args, message] = cases[i]!;
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  });
});
