import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type Harness } from './harness';
import { aboutList, companyPage, topCard, type SyntheticCompany } from './synthetic-linkedin';

/**
 * Facts on the card belong to the record in the URL (issue 15, item 3). LinkedIn-style in-app navigation where the
 * header updates first and the About card 1.5 s later, and a canonical link that keeps naming the first company:
 * the card must never show one company's name with the other's industry or size.
 */
const ACME: SyntheticCompany = { slug: 'acme-nav', name: 'Acme Nav', industry: 'Software Development', size: '51-200 employees', hq: 'Austin, Texas' };
const GLOBEX: SyntheticCompany = { slug: 'globex-nav', name: 'Globex Nav', industry: 'Insurance', size: '10,001+ employees', hq: 'Hartford, Connecticut' };
const ABOUT_DELAY_MS = 1500;

let h: Harness;
beforeAll(async () => {
  h = await launchExtension();
  await h.context.route(/^https?:\/\//, (route) => route.abort());
  await h.routeFixture(`https://www.linkedin.com/company/${ACME.slug}/**`, companyPage(ACME));
});
afterAll(async () => {
  await h?.close();
});

describe('in-app navigation with sections that update one by one', () => {
  it("never shows the new name with the previous company's industry or size, also back to a static canonical link", async () => {
    const page = await h.context.newPage();
    const card = page.locator('icp-fit-card [data-testid=fit-card]');
    const field = (name: string) => card.locator(`[data-testid=fit-field][data-field=${name}]`);
    /** The app: the URL and the header at once, the About card later. */
    const navigate = async (to: SyntheticCompany, how: 'push' | 'back') => {
      await page.evaluate(
        ({ to, how, header, about, delay }) => {
          if (how === 'push') history.pushState({}, '', `/company/${to.slug}/about/`);
          else history.back();
          const apply = () => {
            document.querySelector('.org-top-card')!.innerHTML = header;
            setTimeout(() => (document.querySelector('.org-about dl')!.innerHTML = about), delay);
          };
          if (how === 'push') apply();
          else addEventListener('popstate', apply, { once: true });
        },
        { to, how, header: topCard(to), about: aboutList(to), delay: ABOUT_DELAY_MS },
      );
    };
    // The value without its source: on the way back the card may show Acme's own facts from memory ("linkedin · just
    // now") before the About card re-renders them as "this page"; both are Acme's, which is what this test is about.
    const shown = async (f: string) => ((await field(f).count()) ? ((await field(f).textContent()) ?? '').split(' · ')[0] : '');
    const aboutFacts = async () => ({ industry: await shown('industry'), employees: await shown('employees'), hq: await shown('hqCity') });
    /** While the About card still shows the previous company, the card shows the new name and none of its About facts. */
    const expectNoMix = async (to: SyntheticCompany, from: SyntheticCompany, fromFacts: { industry: string; employees: string; hq: string }) => {
      await expect.poll(() => card.getByTestId('fit-company').textContent(), { timeout: 1000 }).toBe(to.name);
      await expect.poll(() => card.getAttribute('data-state'), { timeout: 1000 }).toBe('ready');
      await card.getByTestId('fit-expand').click();
      const during = await aboutFacts();
      expect(await page.locator('.org-about dl').textContent()).toContain(from.industry); // still the old About card
      for (const key of ['industry', 'employees', 'hq'] as const) if (fromFacts[key]) expect(during[key]).not.toBe(fromFacts[key]);
      // Then the About card arrives, and its facts show.
      await expect.poll(async () => (await aboutFacts()).employees, { timeout: 10_000 }).not.toBe('');
      return aboutFacts();
    };

    await page.goto(`https://www.linkedin.com/company/${ACME.slug}/about/`, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 15_000 }).toBe('ready');
    await card.getByTestId('fit-expand').click();
    const acme = await aboutFacts();
    expect(acme.industry).not.toBe('');
    await navigate(GLOBEX, 'push');
    const globex = await expectNoMix(GLOBEX, ACME, acme);
    expect(globex.industry).not.toBe(acme.industry);
    await navigate(ACME, 'back');
    expect(await expectNoMix(ACME, GLOBEX, globex)).toEqual(acme);
    await page.screenshot({ path: join(tmpdir(), 'icp-navigation-card.png') });
    await page.close();
  });
});
