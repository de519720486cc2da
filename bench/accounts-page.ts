/**
 * The Accounts page in Chromium with the built extension, at 100k accounts: a 100k-row list imported through the
 * options page (the worker parses, normalises and stores into the real IndexedDB), the page re-scoring every stored
 * company in its worker, then frame times while the virtualised table scrolls through all rows (requestAnimationFrame
 * deltas while the scroll position moves every frame, plus jumps to the middle and the end).
 */
import { launchExtension } from '../tests/e2e/harness';

export async function measureAccountsPage(csvPath: string, rows: number) {
  const harness = await launchExtension();
  try {
    const page = await harness.context.newPage();
    await page.goto(`chrome-extension://${harness.extensionId}/options.html`);
    await page.getByTestId('page-tab-accounts').click();
    let t = performance.now();
    await page.getByTestId('account-list-file').setInputFiles(csvPath);
    await page.getByTestId('account-list-import').click({ timeout: 120_000 });
    await page.getByTestId('account-list-result').waitFor({ timeout: 300_000 });
    const importMs = performance.now() - t;
    const imported = Number((await page.getByTestId('list-count').first().textContent()) ?? 0);
    // The import triggers a re-score of every stored company in the worker.
    t = performance.now();
    await page.waitForFunction((n) => document.querySelector('[data-testid=accounts-count]')?.textContent === String(n), imported, { timeout: 300_000, polling: 100 });
    await page.waitForFunction(() => !document.querySelector('[data-testid=accounts-progress]'), null, { timeout: 300_000 });
    const rescoreMs = performance.now() - t;
    const frames = await page.evaluate(async () => {
      const scroller = document.querySelector('[data-testid=accounts-scroll]') as HTMLElement;
      const deltas: number[] = [];
      let last = performance.now();
      const max = scroller.scrollHeight - scroller.clientHeight;
      const targets: number[] = [];
      for (let i = 0; i < 240; i++) targets.push(i * 600); // smooth scrolling, 20 rows a frame
      targets.push(max / 2, max / 2 + 300, max, max - 300, 0);
      for (const top of targets) {
        scroller.scrollTop = Math.min(top, max);
        await new Promise<void>((r) => requestAnimationFrame(() => r()));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      return deltas.slice(1);
    });
    const sorted = [...frames].sort((a, b) => a - b);
    return { rows, imported, importMs, rescoreMs, frames: frames.length, medianFrameMs: sorted[Math.floor(sorted.length / 2)], maxFrameMs: sorted[sorted.length - 1] };
  } finally {
    await harness.close();
  }
}
