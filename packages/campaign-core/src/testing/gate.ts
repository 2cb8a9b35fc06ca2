/**
 * For fakes of a busy Postgres: while held, pass() waits until release(); otherwise it goes through at once.
 * Tests hold a batch in flight with it to see what queues behind.
 */
export function gate(): { hold(): void; release(): void; pass(): Promise<void> } {
  let held = false;
  let waiting: (() => void)[] = [];
  return {
    hold: () => {
      held = true;
    },
    release: () => {
      held = false;
      const open = waiting;
      waiting = [];
      for (const go of open) go();
    },
    pass: () => (held ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve()),
  };
}
