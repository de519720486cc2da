import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import '../../components/editor/editor.css';
import '../../components/mapping/mapping.css';
import { IcpDb } from '../../lib/storage/db';
import { App } from './App';
import { PageTabs } from './builder/PageTabs';
import { DepsContext } from './data';

// The options page opens the extension's own IndexedDB (same origin as the background), see ./data.ts.
const db = new IcpDb({ indexedDB, IDBKeyRange });

createRoot(document.getElementById('root')!).render(
  <DepsContext.Provider value={{ db, browser }}>
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { staleTime: 1_000 } } })}>
      <PageTabs models={<App />} />
    </QueryClientProvider>
  </DepsContext.Provider>,
);
