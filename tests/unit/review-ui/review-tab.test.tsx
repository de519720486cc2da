// @vitest-environment jsdom
import { act } from 'react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReviewTab } from '../../../entrypoints/options/ReviewTab';
import { writeCsv } from '../../../lib/builder/csv';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { parseExceptionsCsv } from '../../../lib/review/exceptions';
import type { IcpDb } from '../../../lib/storage/db';
import { logException } from '../../../lib/storage/exceptions';
import { addFeedback } from '../../../lib/storage/feedback';
import { installBuiltinModels } from '../../../lib/storage/models';
import { renderOptions } from '../options-harness';
import { openTestDb } from '../storage/helpers';

/** The Review tab on a fake-indexeddb database, in jsdom: drift from an outcomes file, the logs, their CSV exports. */

let db: IcpDb;
let view: Awaited<ReturnType<typeof renderOptions>>;
let container: HTMLElement;
let downloads: { name: string; text: string }[];
const q = (selector: string) => container.querySelector(selector);
const all = (selector: string) => [...container.querySelectorAll(selector)];

async function render() {
  view = await renderOptions(<ReviewTab />, db);
  container = view.container;
}

async function chooseFile(selector: string, name: string, text: string) {
  const input = q(selector) as HTMLInputElement;
  const file = Object.assign(new File([text], name, { type: 'text/csv' }), { text: async () => text });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
}

async function setValue(selector: string, value: string) {
  const el = q(selector) as HTMLInputElement | HTMLSelectElement;
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = openTestDb();
  await installBuiltinModels(db);
  downloads = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:x');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, text: '' });
  });
  const RealBlob = Blob;
  vi.stubGlobal('Blob', class extends RealBlob {
    constructor(parts: BlobPart[], options?: BlobPropertyBag) {
      super(parts, options);
      lastBlobText = parts.map(String).join('');
    }
  });
});
let lastBlobText = '';
afterEach(async () => {
  await view.unmount();
  db.close();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const exception = (company: string, verdict: 'not-fit' | 'needs-data', at: string) => ({
  accountKey: `li:${company.toLowerCase()}`, company, domain: `${company.toLowerCase()}.com`, modelId: DEFAULT_MODEL.id, modelVersion: 1,
  score: 20, tier: null, verdict, reason: `Board asked for ${company}`, user: 'Sam', at,
});

describe('the Review tab', () => {
  it('lists exceptions, filters them, and exports what is shown as CSV the CLI reads back', async () => {
    await logException(db, exception('Acme', 'not-fit', '2026-01-10T10:00:00Z'));
    await logException(db, { ...exception('Globex', 'needs-data', '2026-02-10T10:00:00Z'), approver: 'Lee' });
    await render();
    await vi.waitFor(() => expect(all('[data-testid=exception-row]')).toHaveLength(2));
    await setValue('[data-testid=exception-filter-verdict]', 'needs-data');
    expect(all('[data-testid=exception-row]').map((r) => r.textContent)).toEqual([expect.stringContaining('Globex')]);
    await setValue('[data-testid=exception-filter-verdict]', '');
    await setValue('[data-testid=exception-filter-text]', 'acme board');
    expect(all('[data-testid=exception-row]')).toHaveLength(1);
    await act(async () => (q('[data-testid=exception-export]') as HTMLButtonElement).click());
    expect(downloads.at(-1)!.name).toMatch(/^icp-exceptions-\d{4}-\d\d-\d\d\.csv$/);
    const parsed = parseExceptionsCsv(lastBlobText);
    expect(parsed.exceptions).toEqual([expect.objectContaining({ company: 'Acme', verdict: 'not-fit', reason: 'Board asked for Acme' })]);
  });

  it('shows drift per quarter from an outcomes file, and how the exceptions turned out', async () => {
    await logException(db, exception('Tiny0', 'not-fit', '2026-01-05T10:00:00Z'));
    await render();
    const header = ['Account Name', 'Website', 'Industry', 'Number of Employees', 'Billing Country', 'Stage', 'Close Date', 'Amount', 'Current ARR', 'Churn Date', 'Company Type', 'Technologies', 'Annual Revenue'];
    const rows: string[][] = [];
    for (let i = 0; i < 10; i++) rows.push([`Soft${i}`, `soft${i}.com`, 'Software Development', '500', 'US', 'Closed Won', '2025-11-10', '20000', '24000', '', 'Privately Held', 'Salesforce; Snowflake; Slack; Looker', '50000000']);
    for (let i = 0; i < 10; i++) rows.push([`Tiny${i}`, `tiny${i}.com`, 'Retail', '20', 'US', 'Closed Won', '2026-01-10', '5000', '0', '2026-03-01', '', '', '']);
    await chooseFile('[data-testid=review-outcomes-file]', 'outcomes.csv', writeCsv(header, rows));
    await vi.waitFor(() => expect(q('[data-testid=review-result]')).not.toBeNull());
    const drift = (quarter: string) => q(`[data-testid=review-drift-bar][data-quarter="${quarter}"]`)!.getAttribute('data-drift');
    expect(drift('2025-Q4')).toBe('0');
    expect(drift('2026-Q1')).toBe('1');
    expect(q('[data-testid=review-findings]')!.textContent).toMatch(/Exceptions: 1 of 1 matched/);
    expect(q('[data-testid=review-exception-chart]')!.textContent).toMatch(/1 accounts/);
  });

  it('lists feedback with the criteria involved, and exports everything on demand', async () => {
    await addFeedback(db, {
      accountKey: 'li:acme', company: 'Acme', modelId: DEFAULT_MODEL.id, modelVersion: 1, score: 30, tier: null, verdict: 'not-fit',
      comment: 'They are a fintech', disputed: ['industry'],
      criteria: [{ id: 'industry', label: 'Industry: software', status: 'fail', points: 0 }, { id: 'size', label: 'Size', status: 'pass', points: 30 }],
      facts: [{ field: 'industry', value: 'Banking', source: 'page' }], user: 'Sam',
    });
    await render();
    await vi.waitFor(() => expect(all('[data-testid=feedback-row]')).toHaveLength(1));
    expect(q('[data-testid=feedback-criteria]')!.textContent).toBe('Industry: software: fail (0)');
    await act(async () => (q('[data-testid=feedback-export]') as HTMLButtonElement).click());
    expect(lastBlobText).toMatch(/^at,user,company,domain,account_key,model_id,model_version,score,tier,verdict,comment,disputed_criteria,criteria,facts\n/);
    expect(lastBlobText).toContain('Industry: software: fail (0)');
    await act(async () => (q('[data-testid=export-database]') as HTMLButtonElement).click());
    await vi.waitFor(() => expect(downloads.at(-1)!.name).toMatch(/^icp-fit-data-.*\.json$/));
    expect(JSON.parse(lastBlobText).tables.feedback).toHaveLength(1);
  });
});
