import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../../../lib/storage/write-queue';

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the write queue behind the card’s answers', () => {
  it('starts a batch of writes after the delay, in the order given', async () => {
    const done: string[] = [];
    const queue = createWriteQueue(() => undefined, 30);
    queue.add(async () => void done.push('remember'));
    queue.add(async () => void done.push('history'));
    await tick(5);
    expect(done).toEqual([]); // the answer is delivered and rendered meanwhile
    await tick(40);
    expect(done).toEqual(['remember', 'history']);
  });

  it('starts them at once when a request asks for them (settled), and that request sees them done', async () => {
    const done: string[] = [];
    const queue = createWriteQueue(() => undefined, 10_000);
    queue.add(async () => {
      await tick(1);
      done.push('remember');
    });
    const started = Date.now();
    await queue.settled();
    expect(done).toEqual(['remember']);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('keeps the order across batches, and a failed write does not stop the ones after it', async () => {
    const done: string[] = [];
    const errors: unknown[] = [];
    const queue = createWriteQueue((error) => errors.push(error), 5);
    queue.add(async () => {
      await tick(20); // still running when the next batch's delay is over
      done.push('a');
    });
    await tick(10);
    queue.add(async () => {
      throw new Error('disk full');
    });
    queue.add(async () => void done.push('b'));
    await queue.settled();
    expect(done).toEqual(['a', 'b']);
    expect(errors.map((e) => (e as Error).message)).toEqual(['disk full']);
  });
});
