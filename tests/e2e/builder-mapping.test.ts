import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Harness } from './harness';

/**
 * The builder reads a HubSpot deals export as it is: the column mapping is shown with samples, closedwon /
 * closedlost are outcomes, and a custom pipeline's stage id is listed for the user to decide, not guessed.
 */
let harness: Harness;
let options: Page;

const SHOTS = new URL('../../test-output/', import.meta.url);
const row = (header: string) => options.locator(`[data-testid=builder-columns] [data-testid=mapping-row][data-header="${header}"]`);

beforeAll(async () => {
  harness = await launchExtension();
  options = await harness.context.newPage();
  await options.setViewportSize({ width: 1200, height: 1600 });
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await harness?.close();
});

describe('the builder with a HubSpot deals export', () => {
  it('maps the columns without help, counts the closed deals, and lists the unknown stage id', async () => {
    await options.getByTestId('page-tab-builder').click();
    await options.getByTestId('builder-outcomes-file').setInputFiles({
      name: 'hubspot-deals.csv',
      mimeType: 'text/csv',
      buffer: readFileSync(new URL('../fixtures/exports/hubspot-deals.csv', import.meta.url)),
    });
    const status = options.getByTestId('builder-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^hubspot-deals\.csv: 400 rows — \d{3} closed deals, \d+ open, 0 bad rows left out\.$/);
    await options.locator('[data-testid=builder-columns] summary').click();
    expect(await row('Deal Stage').getAttribute('data-target')).toBe('stage');
    expect(await row('Associated Company').getAttribute('data-target')).toBe('name');
    expect(await row('Company Domain Name').getAttribute('data-target')).toBe('domain');
    expect(await row('Country/Region').getAttribute('data-target')).toBe('hqCountry');
    expect(await row('Record ID').getAttribute('data-target')).toBe('custom.deal_record_id');
    expect(await row('Deal Stage').getByTestId('mapping-samples').textContent()).toMatch(/closedlost|closedwon/);
    const unknown = options.locator('[data-testid=stage-choice][data-value="87654321"]');
    expect(await unknown.textContent()).toContain('×10');
    await options.screenshot({ path: new URL('builder-mapping.png', SHOTS).pathname, fullPage: true });

    // The user says the custom stage id is a win: ten more closed deals.
    const before = Number((await status.textContent())!.match(/(\d+) closed deals/)![1]);
    await unknown.locator('select').selectOption('won');
    await expect.poll(async () => Number((await status.textContent())!.match(/(\d+) closed deals/)?.[1]), { timeout: 30_000 }).toBe(before + 10);
  });
});
