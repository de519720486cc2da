// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { browser as wxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../entrypoints/options/App';
import { DepsContext } from '../../../entrypoints/options/data';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import type { IcpDb } from '../../../lib/storage/db';
import { saveEditedModel } from '../../../lib/storage/model-history';
import { installBuiltinModels } from '../../../lib/storage/models';
import { openTestDb } from '../storage/helpers';

/** The options page rendered in jsdom against a fake-indexeddb database: what E2E cannot set up (a managed policy). */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let db: IcpDb;
let root: Root;
let container: HTMLElement;

async function render() {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchInterval: false } } });
  await act(async () => {
    root.render(
      <DepsContext.Provider value={{ db, browser: fakeBrowser as unknown as typeof wxtBrowser }}>
        <QueryClientProvider client={client}>
          <App />
        </QueryClientProvider>
      </DepsContext.Provider>,
    );
  });
  await vi.waitFor(() => expect(container.querySelector('[data-testid=model-list]')).not.toBeNull(), { timeout: 5000 });
}

const q = (selector: string) => container.querySelector(selector);
const all = (selector: string) => [...container.querySelectorAll(selector)];

beforeEach(() => {
  fakeBrowser.reset();
  db = openTestDb();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  db.close();
  vi.restoreAllMocks();
});

describe('options page', () => {
  it('installs and lists the built-in models and opens the active one in the editor', async () => {
    await render();
    expect(all('[data-testid=model-row]').map((r) => r.getAttribute('data-model-id'))).toEqual([DEFAULT_MODEL.id, 'plg-self-serve']);
    await vi.waitFor(() => expect(all('[data-testid=criterion]')).toHaveLength(DEFAULT_MODEL.criteria.length));
    expect(q('[data-testid=locked]')).toBeNull();
    expect((q('[data-testid=criterion-points]') as HTMLInputElement | null)?.disabled).toBe(false);
    expect(all('[data-testid=preview-row]').length).toBeGreaterThanOrEqual(28);
    expect((q('[data-testid=save-model]') as HTMLButtonElement).disabled).toBe(true); // nothing to save yet
  });

  it('locks editing when the enterprise policy says so', async () => {
    await fakeBrowser.storage.managed.set({ lockEditing: true });
    const draft = structuredClone(DEFAULT_MODEL);
    draft.name = 'Sales v2';
    await installBuiltinModels(db);
    await saveEditedModel(db, draft); // a history to roll back, if the lock let us
    await render();
    await vi.waitFor(() => expect(q('[data-testid=locked]')).not.toBeNull());
    await vi.waitFor(() => expect(all('[data-testid=criterion]').length).toBeGreaterThan(0));
    expect(all('[data-testid=criterion] input, [data-testid=criterion] select').every((el) => (el as HTMLInputElement).disabled)).toBe(true);
    expect(q('[data-testid=add-criterion]')).toBeNull();
    expect((q('[data-testid=save-model]') as HTMLButtonElement).disabled).toBe(true);
    expect((q('[data-testid=import-file]') as HTMLInputElement).disabled).toBe(true);
    expect(all('[data-testid=model-active]').every((el) => (el as HTMLInputElement).disabled)).toBe(true);
    expect((q('[data-testid=add-source-url]') as HTMLInputElement).disabled).toBe(true);
    await act(async () => (q('[data-testid=tab-history]') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(all('[data-testid=version-row]')).toHaveLength(2));
    expect(all('[data-testid=rollback]').every((el) => (el as HTMLButtonElement).disabled)).toBe(true);
  });
});
