import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closedRootElement } from './closed-root';
import { loadFixtures } from './fixtures';
import { launchExtension, type Harness } from './harness';

/**
 * A page's own scripts against the card (issue 15, item 1). Page scripts run in the page's main world: here they are
 * `page.evaluate` and `addInitScript`. They must neither read the card's facts (which come from lists, CRMs and the
 * user) nor act as the user.
 */
const fixture = loadFixtures().find((f) => f.site === 'crunchbase' && f.name === 'organization-ng-state')!;

async function serve(h: Harness) {
  await h.context.route(/^https?:\/\//, (route) => route.abort());
  await h.routeFixture(fixture.url + '*', fixture.html);
}

/** Runs in the page's main world before the content script: tries to capture the root and to fake automation. */
const PAGE_TRAPS = `(() => {
  window.__captured = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    window.__captured.push(root);
    return root;
  };
  Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => true, configurable: true });
})();`;

describe("in a person's browser (navigator.webdriver false)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchExtension({ automation: false });
    await serve(h);
    await h.context.addInitScript(PAGE_TRAPS);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("gives page scripts no way into the card, while the user's clicks work", async () => {
    const page = await h.context.newPage();
    await page.goto(fixture.url, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => closedRootElement(page, 'fit-score').then((e) => e !== null), { timeout: 15_000 }).toBe(true);
    const seen = await page.evaluate(() => {
      const host = document.querySelector('icp-fit-card');
      return {
        host: host !== null,
        // The page patched the prototype and the getter in its own world; the content script's world has its own.
        webdriverInPage: navigator.webdriver,
        shadowRoot: host?.shadowRoot ?? null,
        captured: (window as unknown as { __captured: unknown[] }).__captured.length,
        text: host?.textContent ?? '',
      };
    });
    expect(seen).toEqual({ host: true, webdriverInPage: true, shadowRoot: null, captured: 0, text: '' });

    // The user (real input through the browser) opens the breakdown and answers a question.
    const score = Number(/>(\d+)</.exec((await closedRootElement(page, 'fit-score'))!.html)![1]);
    await (await closedRootElement(page, 'fit-expand'))!.click();
    await expect.poll(async () => (await closedRootElement(page, 'fit-breakdown')) !== null).toBe(true);
    const breakdown = (await closedRootElement(page, 'fit-breakdown'))!.html;
    expect(breakdown).toContain('data-criterion-id="champion"');
    // ...and still nothing of it is readable from the page.
    expect(await page.evaluate(() => document.querySelector('icp-fit-card')?.shadowRoot ?? null)).toBeNull();
    expect(score).toBeGreaterThanOrEqual(0);
    await page.close();
  });
});

describe('under automation (navigator.webdriver true: the root is open for tests)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchExtension();
    await serve(h);
  });
  afterAll(async () => {
    await h?.close();
  });
  afterEach(async () => {
    for (const p of h.context.pages()) await p.close();
  });

  async function openCard() {
    const page = await h.context.newPage();
    await page.goto(fixture.url, { waitUntil: 'domcontentloaded' });
    const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
    await card.waitFor({ timeout: 15_000 });
    return { page, card };
  }

  it('ignores clicks a page script dispatches: no breakdown, no stored answer, same score, no exception', async () => {
    const { page, card } = await openCard();
    const before = await card.getByTestId('fit-score').textContent();
    const expanded = await page.evaluate(async () => {
      const root = document.querySelector('icp-fit-card')!.shadowRoot!;
      (root.querySelector('[data-testid=fit-expand]') as HTMLElement).click();
      root.querySelector('[data-testid=fit-expand]')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await new Promise((r) => setTimeout(r, 500));
      return root.querySelectorAll('[data-testid=fit-criterion], [data-testid=fit-field]').length;
    });
    expect(expanded).toBe(0);

    // The user opens it; the page then clicks every answer button and submits an exception.
    await card.getByTestId('fit-expand').click();
    const champion = card.locator('[data-testid=fit-criterion][data-criterion-id=champion]');
    expect(await champion.getAttribute('data-status')).toBe('unknown');
    const clicked = await page.evaluate(async () => {
      const root = document.querySelector('icp-fit-card')!.shadowRoot!;
      const buttons = Array.from(root.querySelectorAll('[data-testid=fit-criterion] button')) as HTMLElement[];
      for (const b of buttons) b.click();
      for (const b of Array.from(root.querySelectorAll('button')) as HTMLElement[]) if (/minimise/i.test(b.getAttribute('aria-label') ?? '')) b.click();
      const form = root.querySelector('[data-testid=fit-exception]') as HTMLFormElement | null;
      if (form) {
        form.querySelector('input')!.value = 'forged by the page';
        form.requestSubmit();
      }
      await new Promise((r) => setTimeout(r, 1000));
      return buttons.length;
    });
    expect(clicked).toBeGreaterThan(0);
    expect(await champion.getAttribute('data-status')).toBe('unknown');
    expect(await card.getByTestId('fit-score').textContent()).toBe(before);
    expect(await card.getByTestId('fit-breakdown').count()).toBe(1); // not minimised by the page
    const notes = (await h.readStore('notes')) as { recordKey?: string }[];
    expect(notes.filter((n) => JSON.stringify(n).includes('championIdentified'))).toEqual([]);
    expect(await h.readStore('exceptions')).toEqual([]);
  });

  it("posts nothing to the page's window that names the extension (WXT's start message is off)", async () => {
    await h.context.addInitScript(`window.__messages = []; window.addEventListener('message', (e) => window.__messages.push(JSON.stringify(e.data) ?? String(e.data)));`);
    const { page } = await openCard();
    await page.waitForTimeout(200);
    const messages = await page.evaluate(() => (window as unknown as { __messages: string[] }).__messages);
    expect(messages.filter((m) => m.includes(h.extensionId) || /wxt/i.test(m))).toEqual([]);
  });

  it('gives LinkedIn-style probes nothing: no web-accessible resource, no element but the card', async () => {
    const { page } = await openCard();
    const probe = await page.evaluate(async (id) => {
      const tryFetch = async (path: string) => {
        try {
          await fetch(`chrome-extension://${id}/${path}`);
          return 'reachable';
        } catch {
          return 'refused';
        }
      };
      const added = Array.from(document.querySelectorAll('*')).filter((el) => el.tagName.includes('-') && el.tagName !== 'TEMPLATE').map((el) => el.tagName);
      const extensionUrls = Array.from(document.querySelectorAll('[src], [href]')).filter((el) => /chrome-extension:/.test(el.getAttribute('src') ?? el.getAttribute('href') ?? '')).length;
      return { manifest: await tryFetch('manifest.json'), content: await tryFetch('content-scripts/content.js'), added, extensionUrls };
    }, h.extensionId);
    expect(probe.manifest).toBe('refused');
    expect(probe.content).toBe('refused');
    expect(probe.extensionUrls).toBe(0);
    expect(probe.added.filter((t) => t.startsWith('ICP'))).toEqual(['ICP-FIT-CARD']);
  });
});
