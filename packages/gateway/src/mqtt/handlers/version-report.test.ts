import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReportVerdict } from '@ota/campaign-core';
import { PAYLOAD_TYPES, ota, signToBytes, vehicleTopic } from '@ota/proto';
import { GatewayMetrics } from '../gateway-metrics.js';
import { ReportKeys } from '../report-keys.js';
import type { HandlerContext } from './context.js';
import { createUplinkRouter } from './index.js';

const VIN = '1M8GDM9AXKP042788';
const pemOf = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();

function signedReport(key: KeyObject, counter: number): Buffer {
  const payload = ota.v1.VersionReport.encode({ vin: VIN, reportCounter: counter, nonce: Buffer.from('n'), ecus: [] }).finish();
  return Buffer.from(signToBytes(PAYLOAD_TYPES.report, payload, key));
}

/**
 * The report handler between its key check and its write, with Postgres replaced by answers given in
 * order: what the stored key is when read, and what each APPLY_REPORT says (a function: at that moment).
 */
function harness(storedPem: () => string, verdicts: (ReportVerdict | (() => ReportVerdict))[]) {
  const applied: string[] = [];
  const rejections: ota.v1.Rejection[] = [];
  let afterReports = 0;
  const reportKeys = new ReportKeys({ reportKeyOf: async () => ({ known: true, pem: storedPem() }) });
  const ctx = {
    repos: {
      vehicles: {
        applyVersionReport: async (_vin: string, keyPem: string) => {
          applied.push(keyPem);
          const verdict = verdicts.shift()!;
          return typeof verdict === 'function' ? verdict() : verdict;
        },
      },
    },
    reportKeys,
    metrics: new GatewayMetrics(),
    log: { info: () => {}, warn: () => {}, error: () => {} },
    send: async (_vin: string, suffix: string, payload: Uint8Array) => {
      if (suffix === 'rejected') rejections.push(ota.v1.Rejection.decode(payload));
    },
    afterReport: async () => void afterReports++,
  } as unknown as HandlerContext;
  const route = createUplinkRouter(ctx);
  return { route: (payload: Buffer) => route(VIN, vehicleTopic(VIN, 'report'), payload), applied, rejections, reportKeys, afterReports: () => afterReports };
}

const ok: ReportVerdict = { applied: true, confirmed: [], unknownSerials: [] } as unknown as ReportVerdict;

describe('version report against a key replaced while it is handled', () => {
  it('checks a signature that fails against the remembered key again against the stored one', async () => {
    const oldKey = generateKeyPairSync('ed25519').privateKey;
    const newKey = generateKeyPairSync('ed25519').privateKey;
    const h = harness(() => pemOf(newKey), [ok]);
    h.reportKeys.remember(VIN, pemOf(oldKey)); // re-provisioned since it was remembered
    await h.route(signedReport(newKey, 1));
    expect(h.rejections).toEqual([]);
    expect(h.applied).toEqual([pemOf(newKey)]);
    expect(h.afterReports()).toBe(1);
  });

  it('refuses a report whose key was replaced between its check and its write, once checked against the new key', async () => {
    const oldKey = generateKeyPairSync('ed25519').privateKey;
    const newKey = generateKeyPairSync('ed25519').privateKey;
    let stored = pemOf(oldKey);
    const replaced = (): ReportVerdict => {
      stored = pemOf(newKey); // re-provisioned while the report was on its way to Postgres
      return { applied: false, reason: 'key-changed', currentKey: stored };
    };
    const h = harness(() => stored, [replaced]);
    await h.route(signedReport(oldKey, 1));
    expect(h.applied).toEqual([pemOf(oldKey)]);
    expect(h.rejections.map((r) => r.reason)).toEqual(['OTA_ERR_REPORT_SIGNATURE']);
    expect(h.afterReports()).toBe(0);
  });

  it('tells the vehicle to send it again later (OTA_ERR_UNAVAILABLE) when the key changed twice during one report', async () => {
    const key = generateKeyPairSync('ed25519').privateKey;
    const changed = { applied: false, reason: 'key-changed', currentKey: 'another' } as ReportVerdict;
    const h = harness(() => pemOf(key), [changed, changed]);
    await h.route(signedReport(key, 1));
    expect(h.applied).toEqual([pemOf(key), pemOf(key)]);
    expect(h.rejections.map((r) => r.reason)).toEqual(['OTA_ERR_UNAVAILABLE']);
    expect(h.afterReports()).toBe(0);
  });

  it('refuses a report whose signature fails against the stored key too (OTA_ERR_REPORT_SIGNATURE), and writes nothing', async () => {
    const registered = generateKeyPairSync('ed25519').privateKey;
    const other = generateKeyPairSync('ed25519').privateKey;
    const h = harness(() => pemOf(registered), []);
    await h.route(signedReport(other, 1));
    expect(h.applied).toEqual([]);
    expect(h.rejections.map((r) => r.reason)).toEqual(['OTA_ERR_REPORT_SIGNATURE']);
  });
});
