import { readFileSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Harness } from './harness';

/**
 * The account-list import in the real options page: the file's column mapping is shown before anything is stored
 * (with samples and row counts), a column can be read as another fact, and the choice is remembered for the next
 * file with the same columns.
 */
let harness: Harness;
let options: Page;

const fixture = (name: string) => readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url));
const row = (header: string) => options.locator(`[data-testid=mapping-row][data-header="${header}"]`);
const SHOTS = new URL('../../test-output/', import.meta.url);

beforeAll(async () => {
  harness = await launchExtension();
  options = await harness.context.newPage();
  await options.setViewportSize({ width: 1100, height: 1400 });
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  await options.getByTestId('page-tab-settings').click();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await harness?.close();
});

describe('the account-list import preview', () => {
  it('shows how an Apollo people export is read before importing it: company columns as facts, person columns apart', async () => {
    await options.getByTestId('account-list-file').setInputFiles({ name: 'apollo-people.csv', mimeType: 'text/csv', buffer: fixture('apollo-people.csv') });
    const preview = options.getByTestId('account-list-preview');
    await preview.waitFor();
    expect(await options.getByTestId('mapping-preview').getAttribute('data-kind')).toBe('Apollo people');
    expect(await row('Company City').getAttribute('data-target')).toBe('hqCity');
    expect(await row('City').getAttribute('data-target')).toBe('custom.person_city');
    expect(await row('City').getAttribute('data-role')).toBe('person');
    expect(await row('Website').getAttribute('data-target')).toBe('domain');
    expect(await row('Company City').getByTestId('mapping-samples').textContent()).toBe('Austin · London · Hamburg');
    expect(await row('Total Funding').locator('td').last().textContent()).toBe('2/3');
    // Nothing is stored until the user imports.
    expect(await options.getByTestId('account-list-result').count()).toBe(0);
    await options.screenshot({ path: new URL('list-import-preview.png', SHOTS).pathname, fullPage: true });

    await options.getByTestId('account-list-import').click();
    await expect.poll(() => options.getByTestId('account-list-result').textContent()).toBe('Imported 3 accounts from apollo-people.csv.');
    expect(await preview.count()).toBe(0);
  });

  it('refuses a file without a website column with one error, until the user says which column it is; then remembers', async () => {
    const csv = Buffer.from('Acct,Web Address,Employees\nTidewater Renewables,tidewater-renewables.com,1200\nBrightwave,brightwave.io,340\n');
    await options.getByTestId('account-list-file').setInputFiles({ name: 'crm.csv', mimeType: 'text/csv', buffer: csv });
    const error = options.getByTestId('account-list-error');
    await expect.poll(() => error.textContent()).toMatch(/no column names the company: .*headers seen: "Acct", "Web Address", "Employees"/);
    expect(await options.getByTestId('account-list-import').isDisabled()).toBe(true);
    await options.screenshot({ path: new URL('list-import-no-domain.png', SHOTS).pathname, fullPage: true });

    await row('Web Address').getByTestId('mapping-select').selectOption('domain');
    await expect.poll(() => row('Web Address').getAttribute('data-target')).toBe('domain');
    expect(await error.count()).toBe(0);
    await options.getByTestId('account-list-import').click();
    await expect.poll(() => options.getByTestId('account-list-result').textContent()).toBe('Imported 2 accounts from crm.csv.');

    // The same columns next quarter: the choice is already made.
    await options.getByTestId('account-list-file').setInputFiles({ name: 'crm-q2.csv', mimeType: 'text/csv', buffer: csv });
    await options.getByTestId('account-list-preview').waitFor();
    expect(await row('Web Address').getByTestId('mapping-select').inputValue()).toBe('domain');
    expect(await row('Web Address').getAttribute('data-target')).toBe('domain');
    expect(await options.getByTestId('account-list-error').count()).toBe(0);
  });
});
