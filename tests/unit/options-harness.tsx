import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { browser as wxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DepsContext } from '../../entrypoints/options/data';
import type { IcpDb } from '../../lib/storage/db';

/** Renders a piece of the options page in jsdom against a test database and WXT's fakeBrowser; no polling, no retries. */
export async function renderOptions(node: ReactNode, db: IcpDb) {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchInterval: false } } });
  await act(async () => {
    root.render(
      <DepsContext.Provider value={{ db, browser: fakeBrowser as unknown as typeof wxtBrowser }}>
        <QueryClientProvider client={client}>{node}</QueryClientProvider>
      </DepsContext.Provider>,
    );
  });
  return {
    container,
    client,
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}
