import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModel, scoreCompiled } from '../../lib/engine/score';
import { deriveFacts } from '../../lib/facts/derive';
import { valuesOf } from '../../lib/facts/parse';
import type { CompanyFacts } from '../../lib/facts/vocabulary';
import { DEFAULT_MODEL } from '../../lib/model/builtin';
import { loadFixtures } from './fixtures';
import { launchExtension, type Harness } from './harness';

/**
 * Every fixture page, served at its real URL, in Chromium with the built extension: the card appears with the
 * company, the score the engine gives for the page's expected facts, and every fact with its source.
 */
const fixtures = loadFixtures();
const compiled = compileModel(DEFAULT_MODEL);
/** What the card scores: the page's facts plus the facts derived from them (lib/facts/derive.ts). */
const scoredValues = (facts: Record<string, unknown>) =>
  valuesOf(deriveFacts(Object.fromEntries(Object.entries(facts).map(([k, value]) => [k, { value, source: { kind: 'page' } }])) as CompanyFacts));

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
});
afterAll(async () => {
  await harness?.close();
});

async function open(url: string, html: string) {
  await harness.context.unrouteAll();
  // Nothing leaves the machine: images and scripts the saved pages mention are refused at once (no DNS waits).
  await harness.context.route(/^https?:\/\//, (route) => route.abort());
  await harness.routeFixture(url.replace(/[?#].*$/, '') + '*', html);
  const page = await harness.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/** Pages whose expected facts are only a name (and URL-derived ids): once settled, the card says it couldn't read them. */
const nameOnly = (f: (typeof fixtures)[number]) => !!f.facts && Object.keys(f.facts).every((k) => ['name', 'crmId', 'linkedinUrl', 'crunchbaseUrl'].includes(k));

describe.each(fixtures.filter((f) => f.facts && !nameOnly(f)))('card on $site/$name', (fixture) => {
  it('shows the company, the engine score and every fact with its source', async () => {
    const page = await open(fixture.url, fixture.html);
    try {
      const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
      await card.waitFor({ timeout: 15_000 });
      const expected = scoreCompiled(compiled, scoredValues(fixture.facts!), Date.now());
      if (typeof fixture.facts!.name === 'string') await expect.poll(() => card.getByTestId('fit-company').textContent()).toBe(fixture.facts!.name);
      expect(await card.getByTestId('fit-score').textContent()).toBe(String(expected.score));
      expect(await card.getByTestId('fit-verdict').getAttribute('data-verdict')).toBe(expected.verdict);
      expect(await card.getByTestId('fit-model').textContent()).toBe(`${DEFAULT_MODEL.name} v${DEFAULT_MODEL.version}`);
      // Not a fit yet but could be: the headline says what it could reach, never a bare verdict.
      const stillOpen = card.getByTestId('fit-still-open');
      if (expected.verdict !== 'fit' && expected.potentialScore > expected.score)
        expect(await stillOpen.textContent()).toMatch(new RegExp(`^${expected.score} now · could reach ${expected.potentialScore}( · find: .+)?$`));
      else expect(await stillOpen.count()).toBe(0);
      await card.getByTestId('fit-expand').click();
      const criteria = card.getByTestId('fit-criterion');
      expect(await criteria.count()).toBe(DEFAULT_MODEL.criteria.length);
      for (const c of expected.criteria)
        expect(await card.locator(`[data-testid=fit-criterion][data-criterion-id="${c.id}"]`).getAttribute('data-status')).toBe(c.status);
      const source = fixture.site === 'hubspot' || fixture.site === 'salesforce' ? 'crm' : 'page';
      for (const field of Object.keys(fixture.facts!))
        expect(await card.locator(`[data-testid=fit-field][data-field="${field}"]`).getAttribute('data-source')).toBe(source);
    } finally {
      await page.close();
    }
  });
});

describe.each(fixtures.filter(nameOnly))('only a name on $site/$name', (fixture) => {
  it('settles on "couldn\'t read this page" with the company name and a diagnostic', async () => {
    const page = await open(fixture.url, fixture.html);
    try {
      const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=unreadable]');
      await card.waitFor({ timeout: 20_000 });
      expect(await card.getByTestId('fit-company').textContent()).toBe(fixture.facts!.name);
      expect(await card.getByTestId('fit-diagnostic').inputValue()).toContain(`record ${fixture.key}`);
    } finally {
      await page.close();
    }
  });
});

describe.each(fixtures.filter((f) => !f.facts))('no company yet on $site/$name', (fixture) => {
  it('never shows facts or a score from anything else on the page', async () => {
    const page = await open(fixture.url, fixture.html);
    try {
      // Give the content script time to read the page; the card stays in its loading state (if the URL is a record).
      await page.waitForTimeout(1500);
      expect(await page.locator('icp-fit-card [data-testid=fit-score]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('a hostile page', () => {
  it('renders script-like names as text, links nothing but http(s), and rejects absurd values', async () => {
    const hostile = fixtures.find((f) => f.site === 'linkedin' && f.name === 'hostile')!;
    const page = await open(hostile.url, hostile.html);
    try {
      const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
      await card.waitFor({ timeout: 15_000 });
      expect(await card.getByTestId('fit-company').textContent()).toBe(hostile.facts!.name);
      await card.getByTestId('fit-expand').click();
      // Nothing the page injected ran, in the page or in the card.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await card.locator('img, script').count()).toBe(0);
      const hrefs = await card.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.every((h) => /^https?:\/\//.test(h))).toBe(true);
      expect(await card.locator('[data-testid=fit-field][data-field=domain]').count()).toBe(0);
      expect(await card.locator('[data-testid=fit-field][data-field=employees]').count()).toBe(0);
      // Rejected values are reported on the card, not silently dropped.
      expect(await card.locator('[data-testid=fit-problems] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-field')))).toEqual(['employees', 'foundedYear']);
      // The content script itself made no network request (every request here is the page's own, or refused).
    } finally {
      await page.close();
    }
  });
});

describe('in-app navigation', () => {
  it.each([
    ['linkedin', 'logged-in-top-card', 'public-www'],
    ['crunchbase', 'organization-ng-state', 'legacy-dom'],
    ['salesforce', 'record-page', 'hidden-cached-copy'],
    ['hubspot', 'record-inputs', 'record-text'],
  ])('switches the card between two %s records in one tab, never showing the first on the second', async (site, from, to) => {
    const a = fixtures.find((f) => f.site === site && f.name === from)!;
    const b = fixtures.find((f) => f.site === site && f.name === to)!;
    await harness.context.unrouteAll();
    await harness.context.route(/^https?:\/\//, (route) => route.abort());
    await harness.routeFixture(a.url.replace(/[?#].*$/, '') + '*', a.html);
    const page = await harness.context.newPage();
    try {
      await page.goto(a.url, { waitUntil: 'domcontentloaded' });
      const card = page.locator('icp-fit-card [data-testid=fit-card]');
      await expect.poll(() => card.getAttribute('data-record-key'), { timeout: 15_000 }).toBe(a.key);
      // The app changes the URL first; the old company's DOM is still on screen for a moment.
      await page.evaluate((url) => history.pushState({}, '', url), b.url);
      await expect.poll(() => card.getAttribute('data-state')).toBe('loading');
      await page.waitForTimeout(300);
      expect(await card.getAttribute('data-state')).toBe('loading');
      expect(await card.getByTestId('fit-score').count()).toBe(0);
      // Then it renders the new company, as a single-page app does: same document, new head and body.
      await page.evaluate((html) => {
        const next = new DOMParser().parseFromString(html, 'text/html');
        document.head.replaceWith(document.adoptNode(next.head));
        document.body.replaceWith(document.adoptNode(next.body));
      }, b.html);
      await expect.poll(() => card.getAttribute('data-record-key'), { timeout: 15_000 }).toBe(b.key);
      expect(await card.getAttribute('data-state')).toBe('ready');
      if (typeof b.facts!.name === 'string') expect(await card.getByTestId('fit-company').textContent()).toBe(b.facts!.name);
      const expected = scoreCompiled(compiled, scoredValues(b.facts!), Date.now());
      expect(await card.getByTestId('fit-score').textContent()).toBe(String(expected.score));
    } finally {
      await page.close();
    }
  });
});

describe('a very long slug (issue 15)', () => {
  it('shows the card for a LinkedIn company whose slug is 400 characters, not "bad request: Too big"', async () => {
    const fixture = fixtures.find((f) => f.site === 'linkedin' && f.name === 'public-www')!;
    const slug = `tidewater-renewables-${'x'.repeat(379)}`;
    const html = fixture.html.replaceAll('tidewater-renewables/', `${slug}/`).replaceAll('/tidewater-renewables"', `/${slug}"`);
    const page = await open(fixture.url.replace('tidewater-renewables', slug), html);
    try {
      const card = page.locator('icp-fit-card [data-testid=fit-card]');
      await expect.poll(() => card.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
      expect(await card.getAttribute('data-record-key')).toMatch(/^li:tidewater-renewables-x{99}~[0-9a-f]{16}$/);
      expect(await page.locator('icp-fit-card [data-testid=fit-company]').textContent()).toBe('Tidewater Renewables');
      expect(await page.locator('icp-fit-card').textContent()).not.toMatch(/bad request|Too big/);
    } finally {
      await page.close();
    }
  });
});
