/**
 * Writes that run after the answer that produced them (lib/card/pipeline.ts `afterAnswer`), one after another in the
 * order given. `settled` resolves once every write queued so far has finished, so a request that waits for it reads
 * what the earlier ones stored. A failed write is reported and does not stop the ones after it.
 *
 * A batch of writes starts `delayMs` after its first one is queued, or at once when `settled` is asked for (the next
 * request then waits no longer than before). The card's answer is delivered and rendered in that time: on two cores,
 * the writes' work (checking the facts, the transactions in the browser process) held it back (traced). Started from
 * a microtask, a write's first steps even ran before the answer was sent.
 */
export interface WriteQueue {
  add(write: () => Promise<unknown>): void;
  settled(): Promise<void>;
}

export const WRITE_DELAY_MS = 10;

export function createWriteQueue(onError: (error: unknown) => void, delayMs = WRITE_DELAY_MS): WriteQueue {
  let tail: Promise<void> = Promise.resolve();
  /** Starts the waiting batch now; undefined when no batch is waiting. */
  let release: (() => void) | undefined;
  return {
    add(write) {
      if (!release) {
        let open!: () => void;
        const gate = new Promise<void>((resolve) => (open = resolve));
        const timer = setTimeout(() => release?.(), delayMs);
        release = () => {
          clearTimeout(timer);
          release = undefined;
          open();
        };
        tail = tail.then(() => gate);
      }
      tail = tail.then(write).then(() => undefined, onError);
    },
    settled: () => {
      release?.();
      return tail;
    },
  };
}
