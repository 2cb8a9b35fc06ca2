/**
 * Maintenance windows: daily local-time intervals (e.g. 01:00-05:00) in which a vehicle may be offered an
 * update, evaluated in the vehicle's own time zone. Pure: time and zone are arguments.
 */
export interface MaintenanceWindow {
  /** "HH:MM", local time. */
  start: string;
  /** "HH:MM", local time; before start means the window crosses midnight. */
  end: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export class WindowError extends Error {}

export function checkWindow(w: MaintenanceWindow, timeZone: string): void {
  if (!HHMM.test(w.start) || !HHMM.test(w.end)) throw new WindowError(`window ${w.start}-${w.end} is not HH:MM-HH:MM`);
  if (w.start === w.end) throw new WindowError('a window must not be empty');
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
  } catch {
    throw new WindowError(`unknown time zone "${timeZone}"`);
  }
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Minutes since local midnight in `timeZone` at `now`. */
export function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}

export function inWindow(now: Date, timeZone: string, w: MaintenanceWindow): boolean {
  const t = localMinutes(now, timeZone);
  const s = minutes(w.start);
  const e = minutes(w.end);
  return s < e ? t >= s && t < e : t >= s || t < e;
}

/** How long until the window next opens (0 if open now). Minute resolution, so it is never early. */
export function msUntilWindow(now: Date, timeZone: string, w: MaintenanceWindow): number {
  if (inWindow(now, timeZone, w)) return 0;
  const t = localMinutes(now, timeZone);
  const wait = (minutes(w.start) - t + 1440) % 1440;
  return wait * 60_000 - now.getUTCSeconds() * 1000 - now.getUTCMilliseconds();
}
