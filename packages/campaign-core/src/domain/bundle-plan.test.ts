import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError, installOrder, planBundle, type BundleUpdate } from './bundle-plan.js';
import type { Ecu } from './types.js';

const ecu = (module: string, softwareVersion: string, hardwareId = `${module}-hw`): Ecu => ({
  serial: `${module}-1`,
  module,
  hardwareId,
  bus: 'CAN_FD',
  softwareVersion,
  calibration: '',
});
const update = (module: string, version: string, requires: BundleUpdate['requires'] = []): BundleUpdate => ({
  id: `${module}@${version}`,
  module,
  version,
  hardwareIds: [`${module}-hw`],
  vehicleModels: [],
  requires,
});

describe('planBundle', () => {
  const powertrain = update('powertrain', '5.0.0', [{ module: 'gateway', range: '>=2.0.0' }]);
  const gateway = update('gateway', '2.1.0');

  it('flashes the gateway ECU before the powertrain that needs it', () => {
    const plan = planBundle({ model: 'M', ecus: [ecu('powertrain', '4.2.0'), ecu('gateway', '1.9.0')] }, powertrain, [gateway]);
    expect(plan.ok && plan.targets.map((t) => [t.ecu.module, t.installOrder])).toEqual([
      ['gateway', 0],
      ['powertrain', 1],
    ]);
  });

  it('leaves out a companion the vehicle already has, when what it runs meets the requirement', () => {
    const plan = planBundle({ model: 'M', ecus: [ecu('powertrain', '4.2.0'), ecu('gateway', '2.1.0')] }, powertrain, [gateway]);
    expect(plan.ok && plan.targets.map((t) => t.ecu.module)).toEqual(['powertrain']);
  });

  it('gives a vehicle nothing when a requirement is met neither by the bundle nor by what it runs', () => {
    const plan = planBundle({ model: 'M', ecus: [ecu('powertrain', '4.2.0'), ecu('gateway', '1.0.0', 'old-gw')] }, powertrain, [gateway]);
    expect(plan).toMatchObject({ ok: false, reason: 'dependency-unmet' });
  });

  it('needs the main update to apply', () => {
    expect(planBundle({ model: 'M', ecus: [ecu('gateway', '1.0.0')] }, powertrain, [gateway])).toMatchObject({ ok: false, reason: 'no-such-module' });
  });
});

describe('installOrder', () => {
  it('refuses a cycle and two updates of one module', () => {
    expect(() => installOrder([update('a', '1.0.0', [{ module: 'b', range: '*' }]), update('b', '1.0.0', [{ module: 'a', range: '*' }])])).toThrow(BundleError);
    expect(() => installOrder([update('a', '1.0.0'), update('a', '2.0.0')])).toThrow(BundleError);
  });

  it('puts every update after the ones it requires, whatever the input order', () => {
    // Random DAGs: module i may require only modules j < i, then the list is shuffled.
    const dag = fc
      .integer({ min: 1, max: 8 })
      .chain((n) =>
        fc.tuple(
          fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => j)))),
          fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(dag, ([deps, shuffled]) => {
        const updates = shuffled.map((i) => update(`m${i}`, '1.0.0', deps[i]!.map((j) => ({ module: `m${j}`, range: '*' }))));
        const order = installOrder(updates);
        for (const u of updates) for (const r of u.requires) expect(order.get(`${r.module}@1.0.0`)!).toBeLessThan(order.get(u.id)!);
        expect(new Set(order.values()).size).toBe(updates.length);
      }),
    );
  });
});
