import { describe, expect, it } from 'vitest';
import { decideConnect, hasSubscribers, mayPublish, maySubscribe } from './access-policy.js';

const A = '1M8GDM9AXKP042788';
const B = '11111111111111111';

describe('access policy', () => {
  it('connects a vehicle only as the VIN of its certificate', () => {
    expect(decideConnect(A, A)).toEqual({ ok: true, vin: A });
    expect(decideConnect(A, B)).toMatchObject({ ok: false });
    expect(decideConnect(undefined, A)).toMatchObject({ ok: false });
    expect(decideConnect('gateway.example', 'gateway.example')).toMatchObject({ ok: false });
    expect(decideConnect('1M8GDM9AXKP04278O', '1M8GDM9AXKP04278O')).toMatchObject({ ok: false }); // letter O
  });

  it('lets a vehicle publish only on its own uplink topics', () => {
    for (const s of ['report', 'chunks/req', 'progress', 'result']) expect(mayPublish(A, `ota/v1/${A}/${s}`)).toBe(true);
    expect(mayPublish(A, `ota/v1/${B}/result`)).toBe(false);
    expect(mayPublish(A, `ota/v1/${A}/update`)).toBe(false); // downlink
    expect(mayPublish(A, `ota/v1/${A}/chunks/data`)).toBe(false);
    expect(mayPublish(A, `ota/v1/${A}/other`)).toBe(false);
    expect(mayPublish(A, `ota/v1/${A}/report/extra`)).toBe(false);
    expect(mayPublish(A, `$SYS/broker`)).toBe(false);
    expect(mayPublish(A, 'anything')).toBe(false);
  });

  it('lets a vehicle subscribe only to its own downlink topics, never to wildcards', () => {
    for (const s of ['update', 'chunks/data', 'rejected']) expect(maySubscribe(A, `ota/v1/${A}/${s}`)).toBe(true);
    expect(maySubscribe(A, `ota/v1/${B}/update`)).toBe(false);
    expect(maySubscribe(A, `ota/v1/${A}/report`)).toBe(false); // uplink
    expect(maySubscribe(A, `ota/v1/${A}/#`)).toBe(false);
    expect(maySubscribe(A, `ota/v1/+/update`)).toBe(false);
    expect(maySubscribe(A, '#')).toBe(false);
    expect(maySubscribe(A, `ota/v1/${A}/+`)).toBe(false);
  });

  it('routes nothing to subscribers on uplink topics, which nobody may subscribe to', () => {
    for (const s of ['report', 'chunks/req', 'progress', 'result']) expect(hasSubscribers(`ota/v1/${A}/${s}`)).toBe(false);
    for (const s of ['update', 'chunks/data', 'rejected', 'cancel']) expect(hasSubscribers(`ota/v1/${A}/${s}`)).toBe(true);
    expect(hasSubscribers('$SYS/broker/new/clients')).toBe(true);
    expect(hasSubscribers('anything/else')).toBe(true);
  });
});
