/** Undo actions run last-in first-out, each once, even if one of them fails. */
export class CleanupStack {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];

  push(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  async runAll(onError: (name: string, err: unknown) => void): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step.run();
      } catch (err) {
        onError(step.name, err);
      }
    }
  }
}
