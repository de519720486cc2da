import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Harness } from './harness';

/**
 * A supported record page whose markup drifted so far that nothing can be read: the card settles on "Couldn't read
 * this page's company details" with a copyable diagnostic (what was tried, no page text), and the side panel shows
 * the same diagnostic. One page per site, at a real record URL.
 */
const SHOTS = resolve(import.meta.dirname, '../../test-output/unreadable');

/** Text on each page that no adapter reads: it must never show up in the diagnostic. */
const PAGE_TEXT = 'Zephyrine Widgets';

const pages: { site: string; url: string; html: string }[] = [
  {
    site: 'linkedin',
    url: 'https://www.linkedin.com/company/zephyrine-widgets/',
    html: `<!doctype html><html lang="en"><head><title>LinkedIn</title></head><body><main><div class="q1x9"><span class="z7k2">${PAGE_TEXT}</span><p class="p0m3">Industrial widgets · Turin · 900 followers</p><section class="s8"><div class="r4">Size</div><div class="r5">51-200</div></section></div></main></body></html>`,
  },
  {
    site: 'crunchbase',
    url: 'https://www.crunchbase.com/organization/zephyrine-widgets',
    html: `<!doctype html><html lang="en"><head><title>${PAGE_TEXT} - Crunchbase</title></head><body><app-root><profile-v4><div class="h7">${PAGE_TEXT}</div><div class="k2"><span>Employees</span><b>51-100</b></div></profile-v4></app-root></body></html>`,
  },
  {
    site: 'hubspot',
    url: 'https://app.hubspot.com/contacts/4455667/record/0-2/99887766',
    html: `<!doctype html><html lang="en"><head><title>HubSpot</title></head><body><div class="sc-a1"><div class="sc-b2"><h2 class="sc-c3">${PAGE_TEXT}</h2></div><div class="sc-d4"><label>Industry</label><span>Machinery</span></div></div></body></html>`,
  },
  {
    site: 'salesforce',
    url: 'https://zephyrine.lightning.force.com/lightning/r/Account/001Zp00000ZeWgtIAB/view',
    html: `<!doctype html><html lang="en"><head><title>Lightning Experience</title></head><body><div class="oneContent"><div class="x-record"><div class="x-head">${PAGE_TEXT}</div><div class="x-field"><span>Industry</span><span>Manufacturing</span></div></div></div></body></html>`,
  },
];

let harness: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await launchExtension();
  await harness.context.route(/^https?:\/\//, (route) => route.abort());
  for (const p of pages) await harness.routeFixture(p.url.replace(/[?#].*$/, '') + '*', p.html);
});
afterAll(async () => {
  await harness?.close();
});

describe.each(pages)('an unreadable $site record page', ({ site, url }) => {
  it('shows "couldn\'t read" with a diagnostic of what was tried, and the side panel shows the same', async () => {
    const page = await harness.context.newPage();
    await page.setViewportSize({ width: 1000, height: 640 });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=unreadable]');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.getByTestId('fit-unreadable').textContent()).toContain("Couldn't read this page's company details");
    expect(await card.getByTestId('fit-score').count()).toBe(0);
    const diagnostic = await card.getByTestId('fit-diagnostic').inputValue();
    expect(diagnostic).toMatch(new RegExp(`^ICP Fit page diagnostic — site ${site}, record `));
    expect(diagnostic.split('\n').length).toBeGreaterThan(3);
    expect(diagnostic).toMatch(/: \d+ found, \d+ matched/);
    expect(diagnostic).not.toContain(PAGE_TEXT);
    expect(diagnostic).not.toMatch(/Machinery|Manufacturing|Industrial|51-/);
    await page.screenshot({ path: join(SHOTS, `${site}.png`) });

    const tabId = await harness.serviceWorker.evaluate(async (u) => {
      const chrome = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome;
      return (await chrome.tabs.query({ url: u }))[0].id;
    }, url);
    const panel = await harness.context.newPage();
    await panel.goto(`chrome-extension://${harness.extensionId}/sidepanel.html?tab=${tabId}`);
    const panelCard = panel.locator('[data-testid=fit-card][data-state=unreadable]');
    await panelCard.waitFor({ timeout: 10_000 });
    expect(await panelCard.getByTestId('fit-diagnostic').inputValue()).toBe(diagnostic);
    if (site === 'linkedin') await panel.screenshot({ path: join(SHOTS, 'sidepanel.png') });
    await panel.close();
    await page.close();
  });
});
