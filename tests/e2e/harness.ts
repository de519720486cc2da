import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/**
 * Loads the built extension (.output/chrome-mv3, built by `npm run test:e2e` before the tests run) into Debian's
 * Chromium with a throwaway profile. No machine can reach the real sites: tests serve fixture pages at the real URLs
 * with `routeFixture`.
 *
 * Headless: `headless: true` in playwright-core >= 1.49 runs Chromium's new headless mode (the whole browser without
 * a window), which loads extensions and runs their service workers; the old headless shell could not. No
 * `--headless=new` flag is needed here (see tests/e2e/README.md).
 */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type ChromeGlobal = { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /**
   * A page in the extension's origin, where `chrome.runtime.sendMessage` reaches the background exactly as it does
   * from a content script or the popup. The extension has no page of its own yet, so this opens the packaged
   * manifest.json: any document in the extension origin gets the runtime API.
   */
  extensionPage(): Promise<Page>;
  /** Sends a runtime message from an extension page and returns the background's answer. */
  sendMessage(message: unknown): Promise<unknown>;
  /** Every row of one store of the extension's IndexedDB, read from an extension page. */
  readStore(store: string): Promise<unknown[]>;
  /** Empties stores of the extension's IndexedDB (e.g. the company memory between tests that must not share it). */
  clearStores(stores: string[]): Promise<void>;
  /** Stops the service worker, as Chromium does to an idle MV3 worker; the next message starts it again. */
  stopServiceWorker(): Promise<void>;
  /** Serves `html` whenever the browser asks for `url` (a glob pattern works too, e.g. 'https://www.linkedin.com/**'). */
  routeFixture(url: string, html: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * `automation: false` makes `navigator.webdriver` false as in a person's browser, so the card's shadow root is
 * closed (entrypoints/content/mount.tsx): no `--enable-automation`, and, because headless Chromium sets the flag on
 * its own, `--disable-blink-features=AutomationControlled`.
 */
export async function launchExtension(options: { headless?: boolean; automation?: boolean } = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json')))
    throw new Error(`no built extension at ${EXTENSION_DIR}: run "npm run build" first (npm run test:e2e does)`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'icp-fit-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 860 },
    ignoreDefaultArgs: options.automation === false ? ['--enable-automation'] : undefined,
    args: [
      '--no-sandbox', // CI containers run as root, where Chromium's sandbox cannot start
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.automation === false ? ['--disable-blink-features=AutomationControlled'] : []),
    ],
  });
  try {
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    let messagePage: Page | undefined;
    const extensionPage = async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/manifest.json`);
      return page;
    };
    return {
      context,
      extensionId,
      serviceWorker,
      extensionPage,
      async sendMessage(message) {
        messagePage ??= await extensionPage();
        // Runs in the page: `chrome` is the extension API there (not typed in this Node-side file).
        return messagePage.evaluate((m) => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage(m), message);
      },
      async readStore(store) {
        const page = await extensionPage();
        const rows = await page.evaluate(
          (name) =>
            new Promise<unknown[]>((resolve, reject) => {
              const open = indexedDB.open('icp-fit');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const req = open.result.transaction(name).objectStore(name).getAll();
                req.onsuccess = () => {
                  open.result.close();
                  resolve(req.result);
                };
              };
            }),
          store,
        );
        await page.close();
        return rows;
      },
      async clearStores(stores) {
        // The background creates the database on its first message: make sure it exists before opening it here.
        messagePage ??= await extensionPage();
        await messagePage.evaluate(() => (globalThis as unknown as ChromeGlobal).chrome.runtime.sendMessage({ type: 'score', facts: {} }));
        const page = await extensionPage();
        await page.evaluate(
          (names) =>
            new Promise<void>((resolve, reject) => {
              const open = indexedDB.open('icp-fit');
              open.onerror = () => reject(open.error);
              // Never create the database from here (the background owns its schema).
              open.onupgradeneeded = () => open.transaction?.abort();
              open.onsuccess = () => {
                const tx = open.result.transaction(names, 'readwrite');
                for (const name of names) tx.objectStore(name).clear();
                tx.oncomplete = () => {
                  open.result.close();
                  resolve();
                };
                tx.onerror = () => reject(tx.error);
              };
            }),
          stores,
        );
        await page.close();
      },
      async stopServiceWorker() {
        messagePage ??= await extensionPage();
        const cdp = await context.newCDPSession(messagePage);
        // Playwright's Worker 'close' event only fires when the context closes, so watch the DevTools protocol's
        // running status instead.
        const stopped = new Promise<void>((resolve) =>
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            if (versions.some((v) => v.scriptURL.startsWith(`chrome-extension://${extensionId}/`) && v.runningStatus === 'stopped')) resolve();
          }),
        );
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('the service worker did not stop within 10 s')), 10_000);
        });
        try {
          await Promise.race([stopped, timeout]);
        } finally {
          clearTimeout(timer);
          await cdp.detach();
        }
      },
      async routeFixture(url, html) {
        await context.route(url, (route) => route.fulfill({ status: 200, body: html, contentType: 'text/html; charset=utf-8' }));
      },
      async close() {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
