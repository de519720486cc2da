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
      tail = tail.then(write).then(() => undefined, onError);
    },
    settled: () => tail,
  };
}
