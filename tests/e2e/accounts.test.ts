import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../lib/model/builtin';
import { launchExtension, type Harness } from './harness';

/**
 * The Accounts page, in Chromium with the built extension: a list imported in the options page is scored in the
 * Accounts table (a virtualised TanStack table), filtered by tier, exported to CSV, and removed again.
 */
let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await harness.context.route(/^https?:\/\//, (route) => route.abort());
});
afterAll(async () => {
  await harness?.close();
});

/** Real-looking CRM export rows: a mix of fits, not-fits and unknowns, and one bad row. */
const CSV = [
  'Account Name,Website,Number of Employees,Country,Industry,Technologies,Funding Stage,Champion Identified',
  'Tidewater Renewables,https://www.tidewater-renewables.com,"1,200",United States,Computer Software,"Salesforce; Snowflake",Series C,yes',
  'Quillon Media,quillon-media.example,300,United Kingdom,Software Development,HubSpot,Series B,',
  'Larkspur Health,larkspur-health.example,45,Germany,Hospitals and Health Care,,Seed,no',
  'Kestrel Robotics,kestrel-robotics.example,800,Canada,Computer Software,"Salesforce; BigQuery",Series D,yes',
  'Nowhere Co,,10,France,Retail,,,',
  'City of Springfield,springfield.gov,2000,United States,Government Administration,Salesforce,,',
].join('\n');

describe('the Accounts page', () => {
  it('scores an imported list, filters by tier, exports the view and removes the list', async () => {
    const page = await harness.context.newPage();
    await page.goto(`chrome-extension://${harness.extensionId}/options.html`);
    await page.getByTestId('page-tab-accounts').click();
    await page.getByTestId('account-list-file').setInputFiles({ name: 'q4-targets.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    // The column mapping preview (lib/mapping) comes first; the usual headers need no change.
    await page.getByTestId('account-list-import').click();
    await expect.poll(() => page.getByTestId('account-list-result').textContent(), { timeout: 15_000 }).toMatch(/Imported 5 accounts from q4-targets.csv; 1 problems:line 6: no readable website/);
    const listRow = page.locator('[data-testid=list-row][data-list-id=q4-targets-csv]');
    expect(await listRow.getByTestId('list-count').textContent()).toBe('5');

    await expect.poll(() => page.getByTestId('accounts-count').textContent(), { timeout: 15_000 }).toBe('5');
    const rows = page.locator('[data-testid=accounts-row][data-account-key]');
    expect(await rows.count()).toBe(5);
    const tidewater = page.locator('[data-testid=accounts-row][data-account-key="domain:tidewater-renewables.com"]');
    expect(Number(await tidewater.getByTestId('accounts-score').textContent())).toBeGreaterThan(0);
    expect(await tidewater.getByTestId('accounts-verdict').textContent()).toBe('fit');
    expect(await page.locator('[data-account-key="domain:springfield.gov"]').getByTestId('accounts-verdict').textContent()).toBe('not-fit');

    // The tier filter offers the model's tiers by id.
    const tierFilter = page.getByTestId('accounts-filter-tier');
    const options = await tierFilter.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options.filter(Boolean)).toEqual(DEFAULT_MODEL.tiers.map((t) => t.id));
    const tidewaterTier = (await tidewater.getByTestId('accounts-tier').textContent())!;
    await tierFilter.selectOption(tidewaterTier);
    const inTier = Number(await page.getByTestId('accounts-count').textContent());
    expect(inTier).toBeGreaterThan(0);
    expect(inTier).toBeLessThan(5);
    for (const tier of await page.locator('[data-testid=accounts-row] [data-testid=accounts-tier]').allTextContents()) expect(tier).toBe(tidewaterTier);
    await page.screenshot({ path: 'test-results/accounts-filtered.png', fullPage: true });

    // Export the current view.
    const download = page.waitForEvent('download');
    await page.getByTestId('accounts-export').click();
    const file = await (await download).path();
    const csv = readFileSync(file!, 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toMatch(/^account,name,domain,score,tier,verdict,confidence,model,top_reasons/);
    expect(csv).toHaveLength(inTier + 1);
    expect(csv.join('\n')).toContain('tidewater-renewables.com');

    // Open an account: merged facts and the card's breakdown.
    await tierFilter.selectOption('');
    await tidewater.click();
    const detail = page.getByTestId('account-detail');
    await detail.getByTestId('fit-breakdown').waitFor();
    expect(await detail.locator('[data-testid=fit-field][data-field=technologies]').getAttribute('data-source')).toBe('list');
    await page.screenshot({ path: 'test-results/accounts-detail.png', fullPage: true });

    // Remove the list: its accounts go.
    await listRow.getByTestId('list-remove').click();
    await expect.poll(() => page.locator('[data-testid=list-row]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('accounts-count').textContent(), { timeout: 15_000 }).toBe('0');
    expect(await harness.readStore('accounts')).toEqual([]);
    await page.close();
  });
});
