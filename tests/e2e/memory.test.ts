import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from './fixtures';
import { launchExtension, type Harness } from './harness';

/**
 * The memory of each company, in Chromium with the built extension: facts read on one site show on the same
 * company's card on another site, with their source, and an answer given on one site follows the company.
 */
const fixtures = loadFixtures();
const find = (site: string, name: string) => fixtures.find((f) => f.site === site && f.name === name)!;

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await harness.context.route(/^https?:\/\//, (route) => route.abort());
});
afterAll(async () => {
  await harness?.close();
});

async function cardOf(url: string, html: string) {
  await harness.routeFixture(url.replace(/[?#].*$/, '') + '*', html);
  const page = await harness.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
  await card.waitFor({ timeout: 15_000 });
  await card.getByTestId('fit-expand').click();
  return { page, card };
}

describe('one memory of each company', () => {
  it("shows Crunchbase's technologies and funding on the LinkedIn card, and a LinkedIn answer on the HubSpot record", async () => {
    const crunchbase = find('crunchbase', 'organization-ng-state');
    const linkedin = find('linkedin', 'logged-in-top-card');
    // The HubSpot record of the same company: a real record fixture, its domain changed to Brightwave's.
    const hubspot = find('hubspot', 'record-inputs');
    const hubspotHtml = hubspot.html.replaceAll('northwind-analytics.example', 'brightwave.io');

    const cb = await cardOf(crunchbase.url, crunchbase.html);
    expect(await cb.card.locator('[data-testid=fit-field][data-field=technologies]').getAttribute('data-source-site')).toBe('crunchbase');
    await cb.page.close();

    const li = await cardOf(linkedin.url, linkedin.html);
    for (const field of ['technologies', 'totalFundingUsd', 'fundingStage']) {
      const fact = li.card.locator(`[data-testid=fit-field][data-field=${field}]`);
      expect(await fact.getAttribute('data-source')).toBe('page');
      expect(await fact.getAttribute('data-source-site')).toBe('crunchbase');
      expect(await fact.textContent()).toMatch(/crunchbase · (just now|\d+ minutes? ago)/);
    }
    // LinkedIn's own facts stay LinkedIn's.
    expect(await li.card.locator('[data-testid=fit-field][data-field=employees]').getAttribute('data-source-site')).toBe('linkedin');

    // Answer a relationship question on LinkedIn…
    const champion = li.card.locator('[data-testid=fit-criterion][data-criterion-id=champion]');
    await champion.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => champion.getAttribute('data-status')).toBe('pass');
    await li.page.close();

    // …and it is on the HubSpot record of the same domain.
    const hs = await cardOf(hubspot.url, hubspotHtml);
    expect(await hs.card.locator('[data-testid=fit-field][data-field=championIdentified]').getAttribute('data-source')).toBe('user');
    expect(await hs.card.locator('[data-testid=fit-criterion][data-criterion-id=champion]').getAttribute('data-status')).toBe('pass');
    expect(await hs.card.locator('[data-testid=fit-field][data-field=technologies]').getAttribute('data-source-site')).toBe('crunchbase');
    await hs.page.screenshot({ path: 'test-results/memory-hubspot.png' });
    await hs.page.close();
  });
});
