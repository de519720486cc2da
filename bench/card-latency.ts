/**
 * Time from navigation to a visible card, per site: the median of 20 loads of a fixture page served at its real URL
 * (two browser sessions of 10, alternating with the baselines' sessions: SESSIONS below),
 * in Chromium with the built extension, beside a FLOOR extension whose content script (same matches, same run_at)
 * only inserts an element. Both are measured in the page from the end of DOMContentLoaded (the company data is in the
 * DOM of these saved pages by then) with a MutationObserver installed before the page's own scripts, so no polling
 * delay is counted. Long tasks (> 50 ms) on the page's main thread are collected with a PerformanceObserver.
 *
 * The harness runs nothing in the page until the probe says it is done (a console message): Playwright's
 * waitForFunction evaluates its injected script and polls on every frame in the page's main thread, and from
 * there it held the card's answer back by 6-10 ms (measured with marks; the floor's element is in before it starts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { SITE_MATCHES } from '../lib/sites/list';
import { loadFixtures } from '../tests/e2e/fixtures';
import { busyPage } from '../tests/e2e/synthetic-linkedin';
import { CHROMIUM, EXTENSION_DIR } from '../tests/e2e/harness';

const LOADS = 20;
/**
 * The loads of each extension are split over this many browser sessions, alternating with the baselines' (card,
 * floor, round trip, card, floor, …): a machine that gets busier during the run, or one slow browser session, then
 * weighs on the card and its baselines alike. Each session warms up with 2 loads of its own.
 */
const SESSIONS = 2;
const PAGES: Record<string, string> = {
  linkedin: 'public-www',
  crunchbase: 'organization-ng-state',
  hubspot: 'record-text',
  salesforce: 'record-page',
};

/** What the probe logs once the card (or the floor element) is ready: the harness waits for it, not polling. */
const READY_SIGNAL = 'icp-bench-ready';

/** Runs in the page's main world before anything else: records when the card (or the floor element) is ready. */
const PROBE = `(() => {
  window.__longTasks = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true }); } catch {}
  const ready = (at) => {
    if (window.__readyAt !== undefined) return;
    window.__readyAt = at;
    setTimeout(() => console.debug('${READY_SIGNAL}'), 0);
  };
  const watchCard = (host) => {
    const root = host.shadowRoot;
    if (!root) return;
    const check = () => { if (root.querySelector('[data-state=ready]')) ready(performance.now()); };
    new MutationObserver(check).observe(root, { subtree: true, childList: true, attributes: true });
    check();
  };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeName === 'ICP-FIT-FLOOR') ready(performance.now());
      if (n.nodeName === 'ICP-FIT-CARD') watchCard(n);
    }
  }).observe(document, { childList: true, subtree: true });
})();`;

/**
 * An extension of the bench's own: a content script on the same matches and run_at as the card's, and optionally a
 * service worker. `files` maps file names to their text.
 */
function writeBaselineExtension(name: string, contentScript: string, files: Record<string, string>, worker?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `icp-${name.replace(/ /g, '-')}-`));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name,
      version: '1.0',
      ...(worker ? { background: { service_worker: worker } } : {}),
      content_scripts: [{ matches: SITE_MATCHES, all_frames: true, run_at: 'document_idle', js: [contentScript] }],
    }),
  );
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** The floor: a content script that only inserts an element. */
const writeFloorExtension = () =>
  writeBaselineExtension('floor', 'floor.js', { 'floor.js': "document.documentElement.append(document.createElement('icp-fit-floor'));\n" });

/**
 * A second baseline, for context: a content script that asks its background service worker (which answers at once)
 * and inserts the element when the answer is in. The card needs that round trip too: the model and the memory of
 * each company live in the extension's origin, not in the page's (see README, "Facts that bite").
 */
const writeRoundTripExtension = () =>
  writeBaselineExtension(
    'round trip',
    'round-trip.js',
    {
      'worker.js': 'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ ok: true }); });\n',
      'round-trip.js':
        "if (window === window.top) chrome.runtime.sendMessage({ hello: true }).then(() => document.documentElement.append(document.createElement('icp-fit-floor')));\n",
    },
    'worker.js',
  );

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function withBrowser<T>(extensionDir: string, run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'icp-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    await context.addInitScript(PROBE);
    await context.route(/^https?:\/\//, (route) => route.abort());
    return await run(context);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

function measure(extensionDir: string, url: string, html: string, loads: number) {
  return withBrowser(extensionDir, async (context) => {
    await context.route(url.replace(/[?#].*$/, '') + '*', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    const page = await context.newPage();
    const times: number[] = [];
    const longTasks: number[] = [];
    for (let i = 0; i < loads + 2; i++) {
      const signalled = page.waitForEvent('console', { predicate: (m) => m.text() === READY_SIGNAL, timeout: 15_000 });
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await signalled;
      const { readyAt, dcl, tasks } = await page.evaluate(() => {
        const w = window as unknown as { __readyAt: number; __longTasks: number[] };
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { readyAt: w.__readyAt, dcl: nav.domContentLoadedEventEnd, tasks: w.__longTasks };
      });
      if (i < 2) continue; // the first loads warm up the worker and caches
      times.push(readyAt - dcl);
      longTasks.push(...tasks);
    }
    return { times, longTasks };
  });
}

/**
 * A LinkedIn company page with `elements` elements in <main> and a text change every 20 ms (tests/e2e/busy-page):
 * long tasks on the page's main thread over `seconds`, once the card (or the floor element) is there.
 */
function measureBusy(extensionDir: string, elements: number, seconds: number) {
  const url = 'https://www.linkedin.com/company/acme-busy/';
  return withBrowser(extensionDir, async (context) => {
    await context.route(url + '*', (route) => route.fulfill({ body: busyPage(elements), contentType: 'text/html; charset=utf-8' }));
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, null, { timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
    await page.waitForTimeout(seconds * 1000);
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    return { count: tasks.length, longest: tasks.length ? Math.max(...tasks) : 0, total: tasks.reduce((a, b) => a + b, 0) };
  });
}

export interface BusyPageRow {
  elements: number;
  card: { count: number; longest: number; total: number };
  floor: { count: number; longest: number; total: number };
}

export async function measureBusyPages(): Promise<BusyPageRow[]> {
  const floor = writeFloorExtension();
  const rows: BusyPageRow[] = [];
  try {
    for (const elements of [50_000, 10_000])
      rows.push({ elements, card: await measureBusy(EXTENSION_DIR, elements, 10), floor: await measureBusy(floor, elements, 10) });
  } finally {
    rmSync(floor, { recursive: true, force: true });
  }
  return rows;
}

export interface CardLatencyRow {
  site: string;
  cardMs: number;
  floorMs: number;
  /** The round-trip baseline (writeRoundTripExtension). */
  roundTripMs: number;
  longestTaskMs: number;
}

export async function measureCardLatency(): Promise<CardLatencyRow[]> {
  const fixtures = loadFixtures();
  const floor = writeFloorExtension();
  const roundTrip = writeRoundTripExtension();
  const rows: CardLatencyRow[] = [];
  try {
    for (const [site, name] of Object.entries(PAGES)) {
      const f = fixtures.find((x) => x.site === site && x.name === name)!;
      const card: number[] = [];
      const base: number[] = [];
      const trip: number[] = [];
      const cardTasks: number[] = [];
      for (let session = 0; session < SESSIONS; session++) {
        const loads = LOADS / SESSIONS;
        const c = await measure(EXTENSION_DIR, f.url, f.html, loads);
        card.push(...c.times);
        cardTasks.push(...c.longTasks);
        base.push(...(await measure(floor, f.url, f.html, loads)).times);
        trip.push(...(await measure(roundTrip, f.url, f.html, loads)).times);
      }
      rows.push({ site, cardMs: median(card), floorMs: median(base), roundTripMs: median(trip), longestTaskMs: cardTasks.length ? Math.max(...cardTasks) : 0 });
    }
  } finally {
    rmSync(floor, { recursive: true, force: true });
    rmSync(roundTrip, { recursive: true, force: true });
  }
  return rows;
}
