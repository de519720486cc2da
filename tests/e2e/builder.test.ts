import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../lib/model/builtin';
import { launchExtension, type Harness } from './harness';

/**
 * The ICP builder in the real options page: load the sample outcomes, see the accidental ICP flagged, drop a
 * criterion, save the rest as a new model, find it in the model list without the dropped criterion, backtest it.
 */
let harness: Harness;
let options: Page;

const row = (id: string) => options.locator(`[data-testid=model-row][data-model-id="${id}"]`);
const review = (id: string) => options.locator(`[data-testid=review-criterion][data-criterion-id="${id}"]`);

beforeAll(async () => {
  harness = await launchExtension();
  options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  await row(DEFAULT_MODEL.id).waitFor();
});
afterAll(async () => {
  await harness?.close();
});

describe('the ICP builder', () => {
  it('loads the sample outcomes and flags the accidental ICP in the segment table and chart', async () => {
    await options.getByTestId('page-tab-builder').click();
    await options.getByTestId('builder-load-sample').click();
    const insurance = options.locator('[data-testid=segment-row][data-field=subIndustry][data-value=Insurance]');
    await insurance.waitFor({ timeout: 30_000 });
    expect(await options.getByTestId('builder-status').textContent()).toMatch(/^sample-outcomes\.csv: 3000 rows — \d+ closed deals/);
    expect((await insurance.getAttribute('data-flags'))?.split(' ')).toContain('accidental-icp');
    expect(await insurance.locator('[data-testid=segment-flag][data-flag=accidental-icp]').textContent()).toBe('accidental ICP');
    // One chart point per table row, the accidental ICP drawn as such.
    const rows = await options.getByTestId('segment-row').count();
    expect(rows).toBeGreaterThan(10);
    expect(await options.getByTestId('segment-point').count()).toBe(rows);
    expect(await options.locator('[data-testid=segment-point][data-key="subIndustry=Insurance"]').getAttribute('data-style')).toBe('accidental-icp');
    // The proposal excludes it.
    expect(await review('no-subindustry-insurance').getAttribute('data-kind')).toBe('exclude');
    // Sorting by NRR puts the high-NRR sub-industry above the accidental ICP.
    await options.getByTestId('sort-nrr').click();
    const order = await options.getByTestId('segment-row').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key')));
    expect(order.indexOf('subIndustry=Credit Unions')).toBeLessThan(order.indexOf('subIndustry=Insurance'));
  });

  it('drops a criterion and saves the rest as a new model, which the model list and editor then show', async () => {
    await review('tech-snowflake').getByTestId('criterion-accept').uncheck();
    expect(await review('tech-snowflake').getAttribute('data-accepted')).toBe('false');
    await options.getByTestId('builder-new-id').fill('derived-fin');
    await options.getByTestId('builder-new-name').fill('Derived financial ICP');
    await options.getByTestId('builder-save-model').click();
    await expect
      .poll(() => options.getByTestId('builder-save-message').textContent())
      .toBe('Saved "Derived financial ICP" (derived-fin) as version 1.');

    await options.getByTestId('builder-show-models').click();
    await row('derived-fin').waitFor();
    expect(await row('derived-fin').getAttribute('data-version')).toBe('1');
    expect(await row('derived-fin').getAttribute('data-active')).toBe('false');
    await row('derived-fin').getByTestId('model-select').click();
    await expect.poll(() => options.getByTestId('model-panel').getAttribute('data-model-id')).toBe('derived-fin');
    const criterion = (id: string) => options.locator(`[data-testid=criterion][data-criterion-id="${id}"]`);
    await criterion('no-subindustry-insurance').waitFor();
    expect(await criterion('subindustry-credit-unions').count()).toBe(1);
    expect(await criterion('tech-snowflake').count()).toBe(0);
  });

  it('backtests the reviewed model with bars per tier', async () => {
    await options.getByTestId('page-tab-builder').click();
    await options.getByTestId('builder-run-backtest').click();
    await options.getByTestId('backtest-result').waitFor({ timeout: 30_000 });
    const tiers = await options.getByTestId('backtest-tier').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-tier')));
    expect(tiers.slice(0, 2)).toEqual(['A', 'B']);
    for (const tier of tiers.slice(0, 2)) {
      const metrics = await options.locator(`[data-testid=backtest-tier][data-tier=${tier}] [data-testid=backtest-bar]`).evaluateAll((bs) => bs.map((b) => b.getAttribute('data-metric')));
      expect(metrics).toEqual(['nrr', 'logoRetention']);
    }
    const nrr = async (group: string) => Number(await options.locator(`[data-testid=backtest-tier][data-tier=${group}] [data-metric=nrr]`).getAttribute('data-value'));
    expect(await nrr('A')).toBeGreaterThan(await nrr('B'));
    const fitNrr = await options.locator('[data-testid=backtest-group][data-group=fit] td').nth(4).textContent();
    const notFitNrr = await options.locator('[data-testid=backtest-group][data-group=notFit] td').nth(4).textContent();
    expect(parseInt(fitNrr!, 10)).toBeGreaterThan(parseInt(notFitNrr!, 10));
    const expansion = options.getByTestId('backtest-expansion');
    expect(Number(await expansion.getAttribute('data-expansion-share'))).toBeGreaterThan(Number(await expansion.getAttribute('data-account-share')));
  });
});
