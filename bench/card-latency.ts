/**
 * Time from navigation to a visible card, per site: the median of 20 loads of a fixture page served at its real URL,
 * in Chromium with the built extension, beside a FLOOR extension whose content script (same matches, same run_at)
 * only inserts an element. Both are measured in the page from the end of DOMContentLoaded (the company data is in the
 * DOM of these saved pages by then) with a MutationObserver installed before the page's own scripts, so no polling
 * delay is counted. Long tasks (> 50 ms) on the page's main thread are collected with a PerformanceObserver.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { SITE_MATCHES } from '../lib/sites/list';
import { loadFixtures } from '../tests/e2e/fixtures';
import { CHROMIUM, EXTENSION_DIR } from '../tests/e2e/harness';

const LOADS = 20;
const PAGES: Record<string, string> = {
  linkedin: 'public-www',
  crunchbase: 'organization-ng-state',
  hubspot: 'record-text',
  salesforce: 'record-page',
};

/** Runs in the page's main world before anything else: records when the card (or the floor element) is ready. */
const PROBE = `(() => {
  window.__longTasks = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true }); } catch {}
  const ready = (at) => { if (window.__readyAt === undefined) window.__readyAt = at; };
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

function writeFloorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'icp-floor-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'floor',
      version: '1.0',
      content_scripts: [
        {
          matches: SITE_MATCHES,
          all_frames: true,
          run_at: 'document_idle',
          js: ['floor.js'],
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'floor.js'), "document.documentElement.append(document.createElement('icp-fit-floor'));\n");
  return dir;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(extensionDir: string, site: string, url: string, html: string) {
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
    await context.route(url.replace(/[?#].*$/, '') + '*', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    const page = await context.newPage();
    const times: number[] = [];
    const longTasks: number[] = [];
    for (let i = 0; i < LOADS + 2; i++) {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => (window as unknown as { __readyAt?: number }).__readyAt !== undefined, null, { timeout: 15_000 });
      const { readyAt, dcl, tasks } = await page.evaluate(() => {
        const w = window as unknown as { __readyAt: number; __longTasks: number[] };
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { readyAt: w.__readyAt, dcl: nav.domContentLoadedEventEnd, tasks: w.__longTasks };
      });
      if (i < 2) continue; // the first loads warm up the worker and caches
      times.push(readyAt - dcl);
      longTasks.push(...tasks);
    }
    return { site, median: median(times), longestTask: longTasks.length ? Math.max(...longTasks) : 0 };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface CardLatencyRow {
  site: string;
  cardMs: number;
  floorMs: number;
  longestTaskMs: number;
}

export async function measureCardLatency(): Promise<CardLatencyRow[]> {
  const fixtures = loadFixtures();
  const floor = writeFloorExtension();
  const rows: CardLatencyRow[] = [];
  try {
    for (const [site, name] of Object.entries(PAGES)) {
      const f = fixtures.find((x) => x.site === site && x.name === name)!;
      const card = await measure(EXTENSION_DIR, site, f.url, f.html);
      const base = await measure(floor, site, f.url, f.html);
      rows.push({ site, cardMs: card.median, floorMs: base.median, longestTaskMs: card.longestTask });
    }
  } finally {
    rmSync(floor, { recursive: true, force: true });
  }
  return rows;
}
