import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../../lib/model/builtin';
import { launchExtension, type Harness } from './harness';

/** The model editor in the real options page: edit with live preview, save, diff, rollback, import. */
let harness: Harness;
let options: Page;

const row = (id: string) => options.locator(`[data-testid=model-row][data-model-id="${id}"]`);
const criterion = (id: string) => options.locator(`[data-testid=criterion][data-criterion-id="${id}"]`);
const previewRow = (key: string) => options.locator(`[data-testid=preview-row][data-key="${key}"]`);

async function activeVersion(): Promise<number | undefined> {
  const response = (await harness.sendMessage({ type: 'score', facts: { employees: { value: 800, source: { kind: 'page' } } } })) as {
    results: { modelId: string; modelVersion: number }[];
  };
  return response.results.find((r) => r.modelId === DEFAULT_MODEL.id)?.modelVersion;
}

beforeAll(async () => {
  harness = await launchExtension();
  options = await harness.context.newPage();
  await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
  await row(DEFAULT_MODEL.id).waitFor();
});
afterAll(async () => {
  await harness?.close();
});

describe('the model editor', () => {
  it('lists the built-in models with version, source and active state', async () => {
    expect(await row(DEFAULT_MODEL.id).getAttribute('data-version')).toBe('1');
    expect(await row(DEFAULT_MODEL.id).getAttribute('data-active')).toBe('true');
    expect(await row('plg-self-serve').getAttribute('data-active')).toBe('false');
    expect(await row(DEFAULT_MODEL.id).textContent()).toContain('built-in');
    expect(await options.getByTestId('model-panel').getAttribute('data-model-id')).toBe(DEFAULT_MODEL.id);
  });

  it('says the built-in segment figures are examples, explains the gate, and flags a label its value no longer matches', async () => {
    expect(await options.getByTestId('segments-example-evidence').textContent()).toMatch(/Their figures are example figures, not your data: build yours from your outcomes in Options → Builder\./);
    expect(await options.getByTestId('gate-help').textContent()).toMatch(/fit only when no must fails/);
    const size = criterion('size-201-5000');
    expect(await size.getByTestId('criterion-label-stale').count()).toBe(0);
    await size.getByTestId('criterion-min').fill('51');
    await expect.poll(() => size.getByTestId('criterion-label-stale').textContent()).toMatch(/The label says 201/);
    await size.getByTestId('criterion-label-stale').scrollIntoViewIfNeeded();
    await options.screenshot({ path: 'test-results/editor-stale-label.png' });
    await size.getByTestId('criterion-label-suggest').click();
    expect(await size.getByTestId('criterion-label').inputValue()).toBe('51-5,000 employees');
    expect(await size.getByTestId('criterion-label-stale').count()).toBe(0);
    // Back as it was, so the tests below start from the built-in model.
    await size.getByTestId('criterion-min').fill('201');
    await size.getByTestId('criterion-label').fill('201-5,000 employees');
    expect(await size.getByTestId('criterion-label-stale').count()).toBe(0);
  });

  it('re-scores the preview as a criterion changes, and saves a new version', async () => {
    const helix = previewRow('sample:helix-data');
    const before = await helix.getAttribute('data-after');
    expect(await helix.getAttribute('data-before')).toBe(before);
    expect(await options.getByTestId('preview-scores-changed').getAttribute('data-count')).toBe('0');

    await criterion('warehouse').getByTestId('criterion-points').fill('40');
    await expect.poll(() => options.getByTestId('preview-scores-changed').getAttribute('data-count')).not.toBe('0');
    expect(Number(await helix.getAttribute('data-after'))).toBeGreaterThan(Number(before)); // has a warehouse: worth more now
    expect(await helix.getAttribute('data-before')).toBe(before);

    await options.getByTestId('save-model').click();
    await expect.poll(() => options.getByTestId('editor-message').textContent()).toBe('Saved as version 2.');
    await expect.poll(() => row(DEFAULT_MODEL.id).getAttribute('data-version')).toBe('2');
    expect(await row(DEFAULT_MODEL.id).textContent()).toContain('editor');
    expect(await activeVersion()).toBe(2);
    // Saved: the preview compares against the new version now.
    await expect.poll(() => options.getByTestId('preview-scores-changed').getAttribute('data-count')).toBe('0');
  });

  it('shows validation problems inline and will not save an invalid draft', async () => {
    await options.locator('[data-testid=dimension-group][data-dimension=firmographic] [data-testid=add-criterion]').click();
    const added = criterion('criterion-1');
    await added.waitFor();
    const index = await options.locator('[data-testid=criterion]').count() - 1;
    await expect.poll(() => added.locator(`[data-testid=field-problem][data-path="criteria[${index}].value"]`).count()).toBe(1);
    expect(await options.locator(`[data-testid=problems] [data-path="criteria[${index}].value"]`).count()).toBe(1);
    expect(await options.getByTestId('save-model').isDisabled()).toBe(true);
    // Pick a canonical industry from the multi-select: the problem goes away.
    await added.getByTestId('multi-filter').fill('software dev');
    await added.getByTestId('multi-choice').first().click();
    expect(await added.locator('[data-testid=chip]').getAttribute('data-value')).toBe('Software Development');
    await expect.poll(() => options.getByTestId('problems').count()).toBe(0);
    expect(await options.getByTestId('save-model').isDisabled()).toBe(false);
    await options.getByTestId('discard').click();
    await expect.poll(() => criterion('criterion-1').count()).toBe(0);
  });

  it('shows a readable diff between versions and rolls back with one click', async () => {
    await options.getByTestId('tab-history').click();
    await expect.poll(() => options.getByTestId('version-row').count()).toBe(2);
    expect(await options.getByTestId('diff-line').allTextContents()).toEqual(['criterion "warehouse": points 12 → 40']);

    await options.locator('[data-testid=version-row][data-version="1"] [data-testid=rollback]').click();
    await expect.poll(() => options.getByTestId('history-message').textContent()).toBe('Rolled back: version 1 saved again as version 3.');
    await expect.poll(() => options.getByTestId('version-row').count()).toBe(3);
    await expect.poll(() => row(DEFAULT_MODEL.id).getAttribute('data-version')).toBe('3');
    expect(await options.getByTestId('diff-line').allTextContents()).toEqual(['criterion "warehouse": points 40 → 12']);
    await options.getByTestId('diff-from').selectOption('1');
    expect(await options.getByTestId('diff-line').allTextContents()).toEqual(['v1 and v3 have the same content']);
    expect(await activeVersion()).toBe(3);
  });
});

describe('import', () => {
  const teamModel = { ...structuredClone(DEFAULT_MODEL), id: 'team-import', name: 'Imported team model' };

  it('lists every problem of a bad file by JSON path and changes nothing', async () => {
    const broken = structuredClone(DEFAULT_MODEL) as unknown as Record<string, unknown>;
    (broken.criteria as Record<string, unknown>[])[0].op = 'nearly';
    broken.version = 0;
    await options.getByTestId('import-file').setInputFiles({
      name: 'models.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([teamModel, broken])),
    });
    await expect.poll(() => options.getByTestId('import-result').textContent()).toBe('models.json: nothing was imported.');
    const paths = await options.locator('[data-testid=import-problems] [data-testid=problem]').evaluateAll((items) => items.map((i) => i.getAttribute('data-path')));
    expect(paths).toEqual(expect.arrayContaining(['[1].criteria[0].op', '[1].version']));
    expect(await row('team-import').count()).toBe(0); // the valid model in the same file was not imported either
    expect(await row(DEFAULT_MODEL.id).getAttribute('data-version')).toBe('3');

    await options.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') });
    await expect.poll(() => options.getByTestId('import-result').textContent()).toBe('broken.json: nothing was imported.');
    expect(await options.locator('[data-testid=import-problems] [data-testid=problem]').first().textContent()).toMatch(/not valid JSON/);
  });

  it('imports a good file', async () => {
    await options.getByTestId('import-file').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(teamModel)) });
    await expect.poll(() => options.getByTestId('import-result').textContent()).toBe('team.json: team-import v1 imported.');
    await expect.poll(() => row('team-import').getAttribute('data-version')).toBe('1');
    expect(await row('team-import').textContent()).toContain('file');
    expect(await options.getByTestId('import-problems').count()).toBe(0);
  });
});
