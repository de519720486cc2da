import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MODEL } from '../../lib/model/builtin';
import { loadFixtures } from './fixtures';
import { launchExtension, type Harness } from './harness';

/**
 * Operating the gate over time, in the real extension: an exception logged from the card shows in the Review tab
 * (and is matched to outcomes there), feedback from the card is listed for the model owner, and after a model change
 * the card says what changed. Screenshots go to $TMPDIR/icp-fit-operate/ (look at them when the UI changes).
 */
const notFit = loadFixtures().find((f) => f.site === 'hubspot' && f.name === 'record-association-cards')!;
const other = loadFixtures().find((f) => f.site === 'crunchbase' && f.name === 'organization-ng-state')!;
const SHOTS = join(tmpdir(), 'icp-fit-operate');

let harness: Harness;
let options: Page;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await launchExtension();
  await harness.context.route(/^https?:\/\//, (route) => route.abort());
  await harness.routeFixture(notFit.url + '*', notFit.html);
  await harness.routeFixture(other.url + '*', other.html);
  options = await harness.context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  // The rep says who they are once, in the settings.
  await options.getByTestId('page-tab-settings').click();
  await options.getByTestId('user-name').fill('Alex AE');
  await options.getByRole('button', { name: 'Save' }).click();
  await vi.waitFor(async () => expect(await harness.readStore('settings')).toContainEqual({ key: 'userName', value: 'Alex AE' }));
});
afterAll(async () => {
  await harness?.close();
});

async function openCard(url: string): Promise<{ page: Page; card: Locator }> {
  const page = await harness.context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
  await card.waitFor({ timeout: 15_000 });
  return { page, card };
}

async function openReview() {
  await options.reload();
  await options.getByTestId('page-tab-review').click();
  await options.getByTestId('review-page').waitFor();
}

describe('an exception', () => {
  it('is logged from the card with a reason and an approver, and shows in the review page', async () => {
    const { page, card } = await openCard(notFit.url);
    expect(await card.getByTestId('fit-verdict').getAttribute('data-verdict')).toBe('not-fit');
    const score = Number(await card.getByTestId('fit-score').textContent());
    await card.getByTestId('fit-expand').click();
    await card.getByTestId('fit-advance').click();
    await card.getByTestId('fit-exception-reason').fill('Strategic logo for the Q4 board deck');
    await card.getByTestId('fit-exception-approver').fill('Dana VP Sales');
    await page.screenshot({ path: `${SHOTS}/card-exception-form.png` });
    await card.getByRole('button', { name: 'Log exception' }).click();
    await expect.poll(() => card.getByTestId('fit-notice').textContent()).toMatch(/Exception logged/);
    expect(await harness.readStore('exceptions')).toEqual([
      expect.objectContaining({
        accountKey: notFit.key,
        company: 'Kestrel Robotics',
        domain: 'kestrel-robotics.example',
        verdict: 'not-fit',
        score,
        modelId: DEFAULT_MODEL.id,
        modelVersion: DEFAULT_MODEL.version,
        reason: 'Strategic logo for the Q4 board deck',
        approver: 'Dana VP Sales',
        user: 'Alex AE',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      }),
    ]);
    await page.close();

    await openReview();
    const row = options.getByTestId('exception-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Kestrel Robotics.*not fit.*Alex AE.*Dana VP Sales.*Strategic logo for the Q4 board deck/);
    // The quarterly review matches it to the outcomes: the exception account churned, the in-ICP ones stayed.
    const today = new Date().toISOString().slice(0, 10);
    const rows = [
      'Account Name,Website,Industry,Number of Employees,Billing Country,Stage,Close Date,Amount,Current ARR,Churn Date',
      `Kestrel Robotics,kestrel-robotics.example,Manufacturing,85,US,Closed Won,${today},"$20,000",$0,${today}`,
      ...Array.from({ length: 8 }, (_, i) => `Soft ${i},soft${i}.example,Software Development,800,US,Closed Won,${today},"$40,000","$48,000",`),
    ];
    await options.getByTestId('review-outcomes-file').setInputFiles({ name: 'outcomes.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await expect.poll(() => options.getByTestId('review-findings').textContent()).toMatch(/Exceptions: 1 of 1 matched to outcomes; 1 accounts.*logo retention 0% vs/);
    await options.screenshot({ path: `${SHOTS}/review-page.png`, fullPage: true });
  });
});

describe('feedback', () => {
  it('is given from the card with a comment and the criteria involved, and listed for the model owner', async () => {
    const { page, card } = await openCard(other.url);
    await card.getByTestId('fit-expand').click();
    await card.getByTestId('fit-feedback-open').click();
    await card.getByTestId('fit-feedback-comment').fill('They sell to hospitals, not software companies');
    const firstCriterion = card.getByTestId('fit-feedback-criterion').first();
    const criterionId = await firstCriterion.getAttribute('data-criterion-id');
    await firstCriterion.check();
    await page.screenshot({ path: `${SHOTS}/card-feedback-form.png` });
    await card.getByRole('button', { name: 'Send to the model owner' }).click();
    await expect.poll(() => card.getByTestId('fit-notice').textContent()).toMatch(/sent to the model owner/);
    const [stored] = (await harness.readStore('feedback')) as { disputed: string[]; facts: { field: string }[]; criteria: unknown[] }[];
    expect(stored).toMatchObject({ accountKey: other.key, comment: 'They sell to hospitals, not software companies', user: 'Alex AE', disputed: [criterionId] });
    expect(stored.facts.map((f) => f.field)).toContain('name');
    expect(stored.criteria.length).toBeGreaterThan(5);
    await page.close();

    await openReview();
    await expect.poll(() => options.getByTestId('feedback-row').count()).toBe(1);
    expect(await options.getByTestId('feedback-comment').textContent()).toBe('They sell to hospitals, not software companies');
    const label = DEFAULT_MODEL.criteria.find((c) => c.id === criterionId)!.label;
    expect(await options.getByTestId('feedback-criteria').textContent()).toContain(label);
  });
});

describe('a model change', () => {
  it('shows on the card as "was … under v1, now … under v2", with the criteria that caused it', async () => {
    const { page, card } = await openCard(other.url);
    expect(await card.getByTestId('fit-change').count()).toBe(0);
    // RevOps publishes version 2: one scored criterion fewer, another worth more.
    const scored = DEFAULT_MODEL.criteria.filter((c) => c.kind === 'score');
    const dropped = scored[0];
    const v2 = {
      ...DEFAULT_MODEL,
      version: DEFAULT_MODEL.version + 1,
      criteria: DEFAULT_MODEL.criteria.filter((c) => c.id !== dropped.id).map((c) => (c.id === scored[1].id ? { ...c, points: c.points! + 10 } : c)),
    };
    await options.reload();
    await options.getByTestId('page-tab-models').click();
    await options.getByTestId('import-file').setInputFiles({ name: 'v2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(v2)) });
    await expect.poll(() => options.getByTestId('import-result').textContent()).toMatch(/v2 imported/);
    // The open card re-scores without a reload and says what changed.
    const change = card.getByTestId('fit-change');
    await expect.poll(() => change.count(), { timeout: 15_000 }).toBe(1);
    expect(await change.textContent()).toMatch(/^Since the model changed: was (A|B|C|not fit|needs data) \d+ under v1, now (A|B|C|not fit|needs data) \d+ under v2\./);
    expect(await change.locator(`[data-testid=fit-change-criterion][data-criterion-id="${dropped.id}"]`).textContent()).toMatch(/^removed: /);
    expect(await card.getByTestId('fit-model').textContent()).toMatch(/v2$/);
    await page.screenshot({ path: `${SHOTS}/card-change-line.png` });
    // Revisiting keeps the line under v2; the history has one row per version.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => card.getByTestId('fit-change').count(), { timeout: 15_000 }).toBe(1);
    const history = (await harness.readStore('scores')) as { accountKey: string; modelVersion: number }[];
    expect(history.filter((h) => h.accountKey === other.key).map((h) => h.modelVersion)).toEqual([1, 2]);
    await page.close();
  });
});
