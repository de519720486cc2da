// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { browser as wxtBrowser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageTabs } from '../../../entrypoints/options/builder/PageTabs';
import { DepsContext, KEYS } from '../../../entrypoints/options/data';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import type { IcpDb } from '../../../lib/storage/db';
import { getModel, installBuiltinModels } from '../../../lib/storage/models';
import { openTestDb } from '../storage/helpers';

/**
 * The builder section wired to a fake-indexeddb database, in jsdom: sample → segments → review → save → backtest,
 * plus what the E2E test does not cover (a CSV with bad rows and a missing column, the policy lock).
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let db: IcpDb;
let root: Root;
let container: HTMLElement;
const q = (selector: string) => container.querySelector(selector);
const all = (selector: string) => [...container.querySelectorAll(selector)];
const click = async (selector: string) => {
  const el = q(selector) as HTMLElement | null;
  if (!el) throw new Error(`no ${selector}`);
  await act(async () => el.click());
};

async function render() {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, refetchInterval: false } } });
  await act(async () => {
    root.render(
      <DepsContext.Provider value={{ db, browser: fakeBrowser as unknown as typeof wxtBrowser }}>
        <QueryClientProvider client={client}>
          <PageTabs models={<p data-testid="models-half">models</p>} />
        </QueryClientProvider>
      </DepsContext.Provider>,
    );
  });
  await click('[data-testid=page-tab-builder]');
  // useModels installs the built-ins once per module (entrypoints/options/data.ts): let that finish before a test
  // closes its database, or the cached install fails for every later test.
  await vi.waitFor(() => expect(client.getQueryState(KEYS.models)?.status).toBe('success'));
}

/** Chooses a file in an <input type=file> the way React sees it. */
async function chooseFile(selector: string, name: string, text: string) {
  const input = q(selector) as HTMLInputElement;
  // jsdom's File has no text(); the page reads files with it, as browsers allow.
  const file = Object.assign(new File([text], name, { type: 'text/csv' }), { text: async () => text });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = openTestDb();
  await installBuiltinModels(db);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  db.close();
  vi.restoreAllMocks();
});

describe('the builder section', () => {
  it('keeps the models half mounted but hidden while the builder is open', async () => {
    await render();
    expect((q('[data-testid=models-half]')!.parentElement as HTMLElement).hidden).toBe(true);
    expect(q('[data-testid=builder]')).not.toBeNull();
    await click('[data-testid=page-tab-models]');
    expect((q('[data-testid=models-half]')!.parentElement as HTMLElement).hidden).toBe(false);
    expect((q('[data-testid=builder]')!.parentElement as HTMLElement).hidden).toBe(true);
  });

  it('loads the sample, flags the accidental ICP, saves the reviewed model and backtests it', async () => {
    await render();
    await click('[data-testid=builder-load-sample]');
    await vi.waitFor(() => expect(q('[data-testid=segment-table]')).not.toBeNull(), { timeout: 15_000 });
    expect(q('[data-testid=builder-status]')?.textContent).toMatch(/^sample-outcomes\.csv: 3000 rows — \d+ closed deals, \d+ open, 0 bad rows left out\.$/);
    const insurance = q('[data-testid=segment-row][data-field=subIndustry][data-value=Insurance]')!;
    expect(insurance.getAttribute('data-flags')).toContain('accidental-icp');
    expect(all('[data-testid=segment-point]').length).toBe(all('[data-testid=segment-row]').length);

    await click('[data-criterion-id=tech-snowflake] [data-testid=criterion-accept]');
    expect(q('[data-criterion-id=tech-snowflake]')?.getAttribute('data-accepted')).toBe('false');
    expect(q('[data-testid=builder-problems]')).toBeNull();
    await click('[data-testid=builder-save-model]');
    await vi.waitFor(() => expect(q('[data-testid=builder-save-message]')?.textContent).toBe('Saved "Derived ICP (from outcomes)" (derived-icp) as version 1.'));
    const saved = await getModel(db, 'derived-icp');
    expect(saved?.model.criteria.map((c) => c.id)).not.toContain('tech-snowflake');
    expect(saved?.model.criteria.map((c) => c.id)).toContain('no-subindustry-insurance');
    expect(saved?.active).toBe(false);

    await click('[data-testid=builder-run-backtest]');
    await vi.waitFor(() => expect(q('[data-testid=backtest-result]')).not.toBeNull(), { timeout: 15_000 });
    const tiers = all('[data-testid=backtest-tier]');
    expect(tiers.length).toBeGreaterThanOrEqual(2);
    expect(all('[data-testid=backtest-bar]').length).toBeGreaterThanOrEqual(2 * (tiers.length - 1));
    // Changing the review makes the shown backtest stale: it goes away until run again.
    await click('[data-criterion-id=tech-snowflake] [data-testid=criterion-accept]');
    expect(q('[data-testid=backtest-result]')).toBeNull();
  }, 40_000);

  it('shows problems by JSON path instead of saving an invalid model', async () => {
    await render();
    await click('[data-testid=builder-load-sample]');
    await vi.waitFor(() => expect(q('[data-testid=criteria-review]')).not.toBeNull(), { timeout: 15_000 });
    for (const box of all('[data-testid=criterion-accept]')) await act(async () => (box as HTMLElement).click());
    await vi.waitFor(() => expect(q('[data-testid=builder-problems] [data-path=criteria]')).not.toBeNull());
    expect((q('[data-testid=builder-save-model]') as HTMLButtonElement).disabled).toBe(true);
    expect((q('[data-testid=builder-run-backtest]') as HTMLButtonElement).disabled).toBe(true);
  }, 40_000);

  it('saves as the next version of an existing model chosen in the select', async () => {
    await render();
    await click('[data-testid=builder-load-sample]');
    await vi.waitFor(() => expect(all(`[data-testid=builder-target] option[value="${DEFAULT_MODEL.id}"]`)).toHaveLength(1), { timeout: 15_000 });
    const select = q('[data-testid=builder-target]') as HTMLSelectElement;
    await act(async () => {
      select.value = DEFAULT_MODEL.id;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click('[data-testid=builder-save-model]');
    await vi.waitFor(() => expect(q('[data-testid=builder-save-message]')?.textContent).toMatch(/as version 2\.$/));
    const stored = await getModel(db, DEFAULT_MODEL.id);
    expect(stored?.model).toMatchObject({ name: DEFAULT_MODEL.name, version: 2 });
    expect(stored?.model.criteria.some((c) => c.id === 'no-subindustry-insurance')).toBe(true);
  }, 40_000);

  it('lists bad rows by line number and a missing column, which a column choice fixes and remembers', async () => {
    await render();
    const csv = ['Stage,Close Date,Contract Value', 'Closed Won,2024-01-05,"$1,000.00"', 'Closed Won,someday,100', 'Closed Lost,2024-02-01,50'].join('\n');
    await chooseFile('[data-testid=builder-outcomes-file]', 'deals.csv', csv);
    await vi.waitFor(() => expect(q('[data-testid=builder-file-errors]')?.textContent).toContain('initialArr (looked for "Amount"'));
    expect(q('[data-testid=builder-status]')?.textContent).toMatch(/deals.csv: 3 rows, not used/);
    const row = '[data-testid=mapping-row][data-header="Contract Value"]';
    expect(q(row)?.getAttribute('data-target')).toBe('custom.contract_value');
    expect(q(`${row} [data-testid=mapping-samples]`)?.textContent).toBe('$1,000.00 · 100 · 50');
    const select = q(`${row} select`) as HTMLSelectElement;
    await act(async () => {
      select.value = 'initialArr';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(q('[data-testid=builder-file-errors]')).toBeNull());
    expect(q(row)?.getAttribute('data-target')).toBe('initialArr');
    expect(all('[data-testid=builder-bad-rows] [data-testid=row-problem]').map((p) => p.textContent)).toEqual(['line 3: close date "someday" is not a date']);
    // Two deals do not make a model: the page says why.
    expect(q('[data-testid=builder-derive-error]')?.textContent).toMatch(/no segment differs/);
    // The same columns next time (another order): the choice is remembered.
    const again = ['Contract Value,Stage,Close Date', '"$2,000.00",Closed Won,2024-03-05'].join('\n');
    await chooseFile('[data-testid=builder-outcomes-file]', 'deals-2.csv', again);
    await vi.waitFor(() => expect(q('[data-testid=builder-status]')?.textContent).toMatch(/deals-2.csv: 1 rows — 1 closed deals/));
    expect((q(`${row} select`) as HTMLSelectElement).value).toBe('initialArr');
  });

  it('never says "0 closed deals" without saying why, and lets the user say what unknown stages mean', async () => {
    await render();
    const csv = ['Deal Stage,Close Date,Amount', '87654321,2024-01-05,1000', '87654321,2024-02-05,2000', '12345,2024-02-01,50'].join('\n');
    await chooseFile('[data-testid=builder-outcomes-file]', 'hubspot.csv', csv);
    await vi.waitFor(() => expect(q('[data-testid=builder-status]')?.textContent).toMatch(/0 closed deals.*No deal read as won or lost: 87654321 ×2, 12345 ×1 not recognised/));
    const select = q('[data-testid=stage-choice][data-value="87654321"] select') as HTMLSelectElement;
    await act(async () => {
      select.value = 'won';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await vi.waitFor(() => expect(q('[data-testid=builder-status]')?.textContent).toMatch(/hubspot.csv: 3 rows — 2 closed deals, 1 open/));
  });

  it('will not save while the administrator has locked editing', async () => {
    await fakeBrowser.storage.managed.set({ lockEditing: true });
    await render();
    await click('[data-testid=builder-load-sample]');
    await vi.waitFor(() => expect(q('[data-testid=builder-save-message]')?.textContent).toBe('Model editing is locked by your administrator.'), { timeout: 15_000 });
    expect((q('[data-testid=builder-save-model]') as HTMLButtonElement).disabled).toBe(true);
  }, 40_000);
});
