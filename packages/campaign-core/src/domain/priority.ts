/** Campaign urgency, most urgent first: a critical security fix goes before routine updates. */
export const PRIORITIES = ['critical', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function rank(p: Priority): number {
  return PRIORITIES.indexOf(p);
}

/**
 * Admission to the shared in-flight capacity. Below capacity, a campaign goes ahead unless a more urgent
 * one has vehicles waiting for the slot; at capacity, nobody does. Pure.
 */
export function admit(inFlight: number, capacity: number, moreUrgentWaiting: boolean): boolean {
  return inFlight < capacity && !moreUrgentWaiting;
}
