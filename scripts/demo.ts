/**
 * The demo (README, first command): the built extension in Chromium with the built-in default model, on bundled
 * sample pages of each supported site served at their real URLs. For each page it waits for the card, opens the
 * breakdown, saves a screenshot to demo-output/ and prints company, score, tier and verdict. Then it scores the sample
 * account list with the `icp` command line. Headed when a display exists, headless otherwise.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadFixtures } from '../tests/e2e/fixtures';
import { launchExtension } from '../tests/e2e/harness';

const OUT = resolve(import.meta.dirname, '../demo-output');
/** One or two sample pages per site, chosen to show all three verdicts. */
const PAGES = [
  ['linkedin', 'public-www'],
  ['linkedin', 'about-es'],
  ['crunchbase', 'organization-ng-state'],
  ['hubspot', 'record-text'],
  ['hubspot', 'record-association-cards'],
  ['salesforce', 'record-page'],
  ['salesforce', 'details-not-rendered'],
] as const;

async function main() {
  mkdirSync(OUT, { recursive: true });
  const headless = !process.env.DISPLAY;
  console.log(`Chromium ${headless ? 'headless (no display)' : 'with a window'}; screenshots go to ${OUT}\n`);
  const harness = await launchExtension({ headless });
  const fixtures = loadFixtures();
  const rows: string[][] = [];
  try {
    await harness.context.route(/^https?:\/\//, (route) => route.abort()); // nothing leaves the machine
    for (const [site, name] of PAGES) {
      const fixture = fixtures.find((f) => f.site === site && f.name === name)!;
      await harness.routeFixture(fixture.url.replace(/[?#].*$/, '') + '*', fixture.html);
      const page = await harness.context.newPage();
      await page.goto(fixture.url, { waitUntil: 'domcontentloaded' });
      const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
      await card.waitFor({ timeout: 15_000 });
      await card.getByTestId('fit-expand').click();
      const text = async (id: string) => ((await card.getByTestId(id).textContent()) ?? '').trim();
      const file = join(OUT, `${site}-${name}.png`);
      await page.screenshot({ path: file });
      // Not a fit yet: what unknowns could still lift it to (the card's headline says the same).
      const reach = (await card.getByTestId('fit-could-reach').count()) ? await text('fit-could-reach') : '';
      rows.push([site, await text('fit-company'), await text('fit-score'), reach, await text('fit-tier'), await text('fit-verdict'), file.replace(`${OUT}/`, '')]);
      await page.close();
    }
  } finally {
    await harness.close();
  }
  const header = ['site', 'company', 'score', 'could reach', 'tier', 'verdict', 'screenshot'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  const table = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  console.log(table);
  writeFileSync(join(OUT, 'summary.txt'), table + '\n');

  console.log('\nThe same engine on an account list (npx icp score docs/examples/accounts.csv):\n');
  // The CLI reports bad rows and its summary on stderr: shown here as it is.
  execFileSync(process.execPath, ['bin/icp.mjs', 'score', 'docs/examples/accounts.csv', '--out', join(OUT, 'accounts.scored.csv')], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  console.log(`scored list: ${join(OUT, 'accounts.scored.csv')}`);
}

await main();
