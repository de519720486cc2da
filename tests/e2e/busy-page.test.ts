import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Harness } from './harness';
import { busyPage } from './synthetic-linkedin';

/**
 * Main-thread budget (issue 15, item 2): a LinkedIn company page with 50k (and 10k) elements inside <main>, one text
 * change every 20 ms. Long tasks are counted in the page with a PerformanceObserver, beside the same page served on a
 * host the extension does not run on, in the same browser.
 */
const ACME_SLUG = 'acme-busy';

const LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
})();`;

let h: Harness;
beforeAll(async () => {
  h = await launchExtension();
  await h.context.addInitScript(LONG_TASKS);
  await h.context.route(/^https?:\/\//, (route) => route.abort());
});
afterAll(async () => {
  await h?.close();
});

/** Long tasks in the `seconds` after the page settled (its own build of the DOM is not counted). */
async function longTasks(url: string, html: string, withCard: boolean, seconds: number): Promise<number[]> {
  await h.routeFixture(url, html);
  const page = await h.context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (withCard) await page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
    await page.waitForTimeout(seconds * 1000);
    return await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  } finally {
    await page.close();
  }
}

describe.each([50_000, 10_000])('a busy page with %i elements', (elements) => {
  it('gets no long task over 50 ms from the extension', async () => {
    const html = busyPage(elements);
    const floor = await longTasks(`https://elsewhere.example/company/${ACME_SLUG}/`, html, false, 5);
    const card = await longTasks(`https://www.linkedin.com/company/${ACME_SLUG}/`, html, true, 5);
    console.log(`${elements} elements: long tasks without the extension ${JSON.stringify(floor.map(Math.round))}, with it ${JSON.stringify(card.map(Math.round))}`);
    // Generous for a shared, busy 2-core machine, where the page alone shows the odd 50-100 ms task: before the fix a
    // single read took 600-800 ms here, 26 long tasks in 10 s.
    expect(Math.max(0, ...card)).toBeLessThanOrEqual(Math.max(150, 50 + Math.max(0, ...floor)));
    expect(card.filter((d) => d > 50).length).toBeLessThanOrEqual(floor.filter((d) => d > 50).length + 2);
  });
});
