import type { WorkerRequest, WorkerResponse } from '../../lib/accounts/worker-protocol';

type Done = Extract<WorkerResponse, { type: 'scored' | 'imported' }>;
type Pending = { resolve: (r: Done) => void; reject: (e: Error) => void; onProgress?: (done: number, total: number, phase: string) => void };

/** One worker for the page; requests are answered by id, with progress on the way. */
let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./accounts.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const message = event.data;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.type === 'progress') return waiting.onProgress?.(message.done, message.total, message.phase);
    pending.delete(message.id);
    if (message.type === 'error') waiting.reject(new Error(message.error));
    else waiting.resolve(message);
  };
  return worker;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function askWorker<T extends Request['type']>(
  request: Extract<Request, { type: T }>,
  onProgress?: Pending['onProgress'],
): Promise<Extract<Done, { type: T extends 'score' ? 'scored' : 'imported' }>> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as Pending['resolve'], reject, onProgress });
    getWorker().postMessage({ ...request, id });
  });
}
