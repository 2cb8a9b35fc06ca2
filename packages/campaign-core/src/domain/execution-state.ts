/**
 * The life of one vehicle's execution in a campaign, after AWS IoT Jobs and hawkBit actions.
 * `installed` means the vehicle said it flashed; only a version report showing the new version makes it
 * `succeeded`.
 */
export const EXECUTION_STATES = [
  'queued',
  'offered',
  'downloading',
  'installing',
  'installed',
  'retry_wait',
  'succeeded',
  'failed',
  'rejected',
  'timed_out',
  'cancelled',
] as const;
export type ExecutionState = (typeof EXECUTION_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<ExecutionState> = new Set(['succeeded', 'failed', 'rejected', 'timed_out', 'cancelled']);
export const ACTIVE_STATES: readonly ExecutionState[] = ['offered', 'downloading', 'installing', 'installed'];
/** States in which an execution waits for a (new) offer: the dispatcher may offer it. */
export const OFFERABLE_STATES: readonly ExecutionState[] = ['queued', 'retry_wait'];

// Progress is QoS 0 and may be lost, so an active state may skip forward; it never moves back.
// retry_wait: a transient failure; the execution waits out its backoff, then is offered again.
const ALLOWED: Readonly<Record<ExecutionState, readonly ExecutionState[]>> = {
  queued: ['offered', 'cancelled'],
  // rejected: the driver declined the offer (consent); final, and not a failure of the release.
  offered: ['downloading', 'installing', 'installed', 'retry_wait', 'succeeded', 'failed', 'rejected', 'timed_out', 'cancelled'],
  downloading: ['installing', 'installed', 'retry_wait', 'succeeded', 'failed', 'timed_out', 'cancelled'],
  installing: ['installed', 'retry_wait', 'succeeded', 'failed', 'timed_out', 'cancelled'],
  installed: ['succeeded', 'failed', 'timed_out', 'cancelled'],
  retry_wait: ['offered', 'cancelled'],
  succeeded: [],
  failed: [],
  rejected: [],
  timed_out: [],
  cancelled: [],
};

export type TransitionVerdict = { ok: true } | { ok: false; rejected: 'OTA_ERR_ILLEGAL_TRANSITION' };

export function checkTransition(from: ExecutionState, to: ExecutionState): TransitionVerdict {
  return ALLOWED[from].includes(to) ? { ok: true } : { ok: false, rejected: 'OTA_ERR_ILLEGAL_TRANSITION' };
}

/** States from which `to` may be entered: what a guarded `UPDATE ... WHERE state = ANY(...)` needs. */
export function statesLeadingTo(to: ExecutionState): ExecutionState[] {
  return EXECUTION_STATES.filter((from) => ALLOWED[from].includes(to));
}

export function isExecutionState(value: string): value is ExecutionState {
  return (EXECUTION_STATES as readonly string[]).includes(value);
}
