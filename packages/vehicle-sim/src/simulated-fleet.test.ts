import { afterEach, describe, expect, it } from 'vitest';
import { ota } from '@ota/proto';
import { generateFleet } from './fleet-data.js';
import { generateFromDescription, defaultFleetDescription } from './fleet-file.js';
import type { VirtualEcu } from './virtual-ecu.js';
import { SimulatedFleet } from './simulated-fleet.js';
import { fakeConnector } from './testing/fake-mqtt.js';
import { TestAuthority, testImage } from './testing/test-authority.js';
import { FakeGateway } from './testing/vehicle-bench.js';

const authority = new TestAuthority(Date.now() + 3_600_000);
const trustRoot = authority.trustRoot;
const image = testImage(1500, 1000);

let fleet: SimulatedFleet | null = null;
afterEach(async () => {
  await fleet?.stop();
  fleet = null;
});

describe('SimulatedFleet', () => {
  it('connects each vehicle with its own credentials, no faster than the connect rate', async () => {
    const records = generateFleet({ count: 6, seed: 9 });
    const connector = fakeConnector();
    fleet = new SimulatedFleet({
      records,
      gatewayUrl: 'mqtts://gw:8883',
      ca: 'CA',
      credentialsFor: (vin) => ({ cert: `cert-${vin}`, key: `key-${vin}` }),
      trustRoot,
      connectRatePerSecond: 50,
      connect: connector.connect,
    });
    const begin = Date.now();
    await fleet.start();
    expect(Date.now() - begin).toBeGreaterThanOrEqual(95); // 5 gaps of 20 ms
    expect(connector.clients.map((c) => [c.options.clientId, c.options.cert, c.options.ca])).toEqual(records.map((r) => [r.vin, `cert-${r.vin}`, 'CA']));
    expect(fleet.stats.connected).toBe(6);
  });

  it('sums bytes, counts results by code and emits each result with its VIN', async () => {
    const records = generateFleet({ count: 3, seed: 10 });
    const connector = fakeConnector();
    fleet = new SimulatedFleet({ records, gatewayUrl: 'mqtts://gw', ca: '', credentialsFor: () => ({ cert: '', key: '' }), trustRoot, timeScale: 0, connect: connector.connect });
    const seen: { vin: string; result: ota.v1.IInstallResult }[] = [];
    fleet.on('result', (r: { vin: string; result: ota.v1.IInstallResult }) => seen.push(r));
    await fleet.start();
    records.forEach((r, i) => {
      const gateway = new FakeGateway(connector.clients[i]!, r.vin, authority);
      gateway.serve([image]);
      // The last vehicle is offered an image for other hardware and refuses it.
      const ecu = i === 2 ? { ...r.ecus[0]!, hardwareId: 'BCM-H9' } : r.ecus[0]!;
      gateway.send(gateway.offer([{ ecu, image, version: '1.5.0' }], { executionId: `x-${i}`, expiresAtMs: Date.now() + 60_000 }));
    });
    const deadline = Date.now() + 3000;
    while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(seen.map((s) => [s.vin, s.result.executionId]).sort()).toEqual(records.map((r, i) => [r.vin, `x-${i}`]).sort());
    expect(fleet.stats).toMatchObject({ bytesReceived: 2 * image.bytes.length, chunksReceived: 4, results: 3, resultsByCode: { OK: 2, HARDWARE_ID_MISMATCH: 1 } });
  });

  it('starts no more vehicles once stopped during the ramp', async () => {
    const records = generateFleet({ count: 10, seed: 13 });
    const connector = fakeConnector();
    fleet = new SimulatedFleet({ records, gatewayUrl: 'mqtts://gw', ca: '', credentialsFor: () => ({ cert: '', key: '' }), trustRoot, connectRatePerSecond: 20, connect: connector.connect });
    const started = fleet.start();
    await new Promise((r) => setTimeout(r, 120));
    await fleet.stop();
    await started;
    expect(connector.clients.length).toBeGreaterThan(0);
    expect(connector.clients.length).toBeLessThan(6);
  });

  it('names the vehicles that could not connect', async () => {
    const records = generateFleet({ count: 2, seed: 11 });
    const connector = fakeConnector(new Error('handshake failed'));
    fleet = new SimulatedFleet({ records, gatewayUrl: 'mqtts://gw', ca: '', credentialsFor: () => ({ cert: '', key: '' }), trustRoot, connect: connector.connect });
    await expect(fleet.start()).rejects.toThrow(`2 of 2 vehicles could not connect; first: ${records[0]!.vin}: handshake failed`);
  });

  it('gives each member of a fleet file its own faults, ECU timing and link, with --inject on top', async () => {
    const desc = defaultFleetDescription();
    desc.models = desc.models.map((m) => ({ ...m, ecus: m.ecus.map((e) => (e.module === 'bcm' ? { ...e, flash: { resetMs: 30_000 } } : e)) }));
    const members = generateFromDescription(desc, { count: 3, seed: 12 }).map((m, i) => ({
      ...m,
      faults: i === 0 ? { 'install-failure': 1 } : {},
      link: i === 2 ? { name: 'slow', weight: 1, latencyMs: 30 } : null,
    }));
    const connector = fakeConnector();
    fleet = new SimulatedFleet({ members, gatewayUrl: 'mqtts://gw', ca: '', credentialsFor: () => ({ cert: '', key: '' }), trustRoot, timeScale: 0, connect: connector.connect, faults: { 'corrupt-chunk': 0 } });
    const bcm = fleet.vehicles[0]!.ecus[0] as VirtualEcu;
    expect(bcm.flashDurationMs(0, 1)).toBe(1500 + 500 + 30_000);
    const seen: { vin: string; result: ota.v1.IInstallResult }[] = [];
    fleet.on('result', (r: { vin: string; result: ota.v1.IInstallResult }) => seen.push(r));
    await fleet.start();
    members.forEach((m, i) => {
      const gateway = new FakeGateway(connector.clients[i]!, m.record.vin, authority);
      gateway.serve([image]);
      gateway.send(gateway.offer([{ ecu: m.record.ecus[0]!, image, version: '1.5.0' }], { executionId: `y-${i}`, expiresAtMs: Date.now() + 60_000 }));
    });
    const deadline = Date.now() + 3000;
    while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const codes = Object.fromEntries(seen.map((s) => [s.vin, ota.v1.ResultCode[s.result.code!]]));
    expect(codes).toEqual({ [members[0]!.record.vin]: 'INSTALL_FAILED', [members[1]!.record.vin]: 'OK', [members[2]!.record.vin]: 'OK' });
    expect(fleet.stats.byActivity).toEqual({ idle: 3, downloading: 0, verifying: 0, installing: 0 });
  });
});
