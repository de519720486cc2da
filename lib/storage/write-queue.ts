/**
 * Writes that run after the answer that produced them (lib/card/pipeline.ts `afterAnswer`), one after another in the
 * order given. `settled` resolves once every write queued so far has finished, so a request that waits for it reads
 * what the earlier ones stored. A failed write is reported and does not stop the ones after it.
 */
export interface WriteQueue {
  add(write: () => Promise<unknown>): void;
  settled(): Promise<void>;
}

export function createWriteQueue(onError: (error: unknown) => void): WriteQueue {
  let tail: Promise<void> = Promise.resolve();
  return {
    add(write) {
      // From a task of its own: started from a microtask, a write's first steps (checking the facts, opening its
      // transaction) ran before the answer it follows was sent, and held the card back by about a millisecond.
      tail = tail
        .then(nextTask)
        .then(write)
        .then(() => undefined, onError);
    },
    settled: () => tail,
  };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
