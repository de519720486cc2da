import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREF_KEYS } from '../../lib/prefs';
import { loadFixtures } from './fixtures';
import { launchExtension, type Harness } from './harness';

/**
 * The per-site switch (popup, options) in the built extension: on a switched-off site the page gets no element at
 * all, and flipping the switch shows or removes the card without a reload. The content script sends the page before
 * it reads the switch (the background checks it too), so this is what holds that order to its promise.
 */
const fixture = loadFixtures().find((f) => f.site === 'linkedin' && f.name === 'public-www')!;

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
});
afterAll(async () => {
  await harness?.close();
});

const setSwitch = (value: Record<string, boolean>) =>
  harness.serviceWorker.evaluate(async ([key, v]) => {
    await (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ [key as string]: v });
  }, [PREF_KEYS.siteEnabled, value] as const);

async function open() {
  await harness.context.unrouteAll();
  await harness.context.route(/^https?:\/\//, (route) => route.abort());
  await harness.routeFixture(fixture.url.replace(/[?#].*$/, '') + '*', fixture.html);
  const page = await harness.context.newPage();
  await page.goto(fixture.url, { waitUntil: 'domcontentloaded' });
  return page;
}

describe('the per-site switch', () => {
  it('adds nothing to a switched-off site, and shows or removes the card when the switch flips, without a reload', async () => {
    await setSwitch({ linkedin: false });
    const page = await open();
    try {
      // Long enough for the answer, the switch read and the loading delay.
      await page.waitForTimeout(1500);
      expect(await page.locator('icp-fit-card').count()).toBe(0);
      // No other element either: what the page has is what it served.
      expect(await page.evaluate(() => [...document.documentElement.children].map((e) => e.tagName.toLowerCase()))).toEqual(['head', 'body']);

      await setSwitch({ linkedin: true });
      await page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]').waitFor({ timeout: 15_000 });

      await setSwitch({ linkedin: false });
      await expect.poll(() => page.locator('icp-fit-card').count(), { timeout: 5_000 }).toBe(0);
    } finally {
      await page.close();
      await setSwitch({});
    }
  });

  it('another site switched off leaves the card on this one', async () => {
    await setSwitch({ hubspot: false });
    const page = await open();
    try {
      await page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]').waitFor({ timeout: 15_000 });
    } finally {
      await page.close();
      await setSwitch({});
    }
  });
});
