import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModel, scoreCompiled } from '../../lib/engine/score';
import type { FactValues } from '../../lib/facts/vocabulary';
import { DEFAULT_MODEL } from '../../lib/model/builtin';
import { loadFixtures } from './fixtures';
import { launchExtension, type Harness } from './harness';

/**
 * Every fixture page, served at its real URL, in Chromium with the built extension: the card appears with the
 * company, the score the engine gives for the page's expected facts, and every fact with its source.
 */
const fixtures = loadFixtures();
const compiled = compileModel(DEFAULT_MODEL);

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
});
afterAll(async () => {
  await harness?.close();
});

async function open(url: string, html: string) {
  await harness.context.unrouteAll();
  // Nothing leaves the machine: images and scripts the saved pages mention are refused at once (no DNS waits).
  await harness.context.route('**/*', (route) => route.abort());
  await harness.routeFixture(url.replace(/[?#].*$/, '') + '*', html);
  const page = await harness.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

describe.each(fixtures.filter((f) => f.facts))('card on $site/$name', (fixture) => {
  it('shows the company, the engine score and every fact with its source', async () => {
    const page = await open(fixture.url, fixture.html);
    try {
      const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
      await card.waitFor({ timeout: 15_000 });
      const expected = scoreCompiled(compiled, fixture.facts as FactValues, Date.now());
      if (typeof fixture.facts!.name === 'string') await expect.poll(() => card.getByTestId('fit-company').textContent()).toBe(fixture.facts!.name);
      expect(await card.getByTestId('fit-score').textContent()).toBe(String(expected.score));
      expect(await card.getByTestId('fit-verdict').getAttribute('data-verdict')).toBe(expected.verdict);
      expect(await card.getByTestId('fit-model').textContent()).toBe(`${DEFAULT_MODEL.name} v${DEFAULT_MODEL.version}`);
      await card.getByTestId('fit-expand').click();
      const criteria = card.getByTestId('fit-criterion');
      expect(await criteria.count()).toBe(DEFAULT_MODEL.criteria.length);
      for (const c of expected.criteria)
        expect(await card.locator(`[data-testid=fit-criterion][data-criterion-id="${c.id}"]`).getAttribute('data-status')).toBe(c.status);
      const source = fixture.site === 'hubspot' || fixture.site === 'salesforce' ? 'crm' : 'page';
      for (const field of Object.keys(fixture.facts!))
        expect(await card.locator(`[data-testid=fit-field][data-field="${field}"]`).getAttribute('data-source')).toBe(source);
    } finally {
      await page.close();
    }
  });
});

describe.each(fixtures.filter((f) => !f.facts))('no company yet on $site/$name', (fixture) => {
  it('never shows facts or a score from anything else on the page', async () => {
    const page = await open(fixture.url, fixture.html);
    try {
      // Give the content script time to read the page; the card stays in its loading state (if the URL is a record).
      await page.waitForTimeout(1500);
      expect(await page.locator('icp-fit-card [data-testid=fit-score]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
