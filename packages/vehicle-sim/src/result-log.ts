/**
 * The encoded results of the last few executions, so a redelivered offer or cancel (MQTT QoS 1 is
 * at-least-once) gets the same answer instead of a second install. An offer with a higher attempt number is
 * a deliberate retry after a transient failure, not a redelivery, and starts afresh.
 */
export class ResultLog {
  private readonly entries = new Map<string, { attempt: number; encoded: Uint8Array }>();

  constructor(private readonly capacity = 16) {}

  remember(executionId: string, attempt: number, encoded: Uint8Array): void {
    this.entries.delete(executionId);
    this.entries.set(executionId, { attempt, encoded });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The stored result of an execution, whatever the attempt. */
  get(executionId: string): Uint8Array | undefined {
    return this.entries.get(executionId)?.encoded;
  }

  /** The stored result if `attempt` repeats the remembered one; a newer attempt forgets it and gets nothing. */
  answerFor(executionId: string, attempt: number): Uint8Array | undefined {
    const entry = this.entries.get(executionId);
    if (!entry) return undefined;
    if (attempt > entry.attempt) {
      this.entries.delete(executionId);
      return undefined;
    }
    return entry.encoded;
  }
}
