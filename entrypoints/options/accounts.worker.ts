import { importListText, scoreStoredAccounts } from '../../lib/accounts/stored';
import { workerRequestSchema, type WorkerResponse } from '../../lib/accounts/worker-protocol';
import { IcpDb } from '../../lib/storage/db';

// The Accounts page's worker: scoring 100k stored accounts and importing big lists off the page's thread. It opens
// the same IndexedDB as the page and the background (same extension origin).
const db = new IcpDb({ indexedDB, IDBKeyRange });
const post = (message: WorkerResponse) => (self as unknown as Worker).postMessage(message);

self.onmessage = async (event: MessageEvent) => {
  const parsed = workerRequestSchema.safeParse(event.data);
  if (!parsed.success) return post({ type: 'error', id: -1, error: `bad request: ${parsed.error.message}` });
  const request = parsed.data;
  const progress = (done: number, total: number, phase: string) => post({ type: 'progress', id: request.id, done, total, phase });
  try {
    if (request.type === 'score') {
      const { accounts, models } = await scoreStoredAccounts(db, request.now, progress);
      post({ type: 'scored', id: request.id, accounts, models });
    } else {
      const list = await importListText(db, request, progress);
      post({ type: 'imported', id: request.id, list });
    }
  } catch (error) {
    post({ type: 'error', id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
