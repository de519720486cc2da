import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { IcpDb, IcpDbV1 } from '../../../lib/storage/db';

/** A fresh, empty in-memory IndexedDB per test. */
export function freshIdb() {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function openTestDb(deps = freshIdb()) {
  return new IcpDb(deps);
}

export { IcpDbV1 };
