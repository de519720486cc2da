import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures } from './fixtures';
import { launchExtension, type Harness } from './harness';

/** The popup, the side panel and the card's own controls, in the real extension. */
const fixture = loadFixtures().find((f) => f.site === 'crunchbase' && f.name === 'organization-ng-state')!;

let harness: Harness;
beforeAll(async () => {
  harness = await launchExtension();
  await harness.context.route(/^https?:\/\//, (route) => route.abort());
  await harness.routeFixture(fixture.url + '*', fixture.html);
});
afterAll(async () => {
  await harness?.close();
});

async function openFixture() {
  const page = await harness.context.newPage();
  await page.goto(fixture.url, { waitUntil: 'domcontentloaded' });
  const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
  await card.waitFor({ timeout: 15_000 });
  const tabId = await harness.serviceWorker.evaluate(async (url) => {
    const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> } } }).chrome.tabs.query({ url });
    return tabs[0].id;
  }, fixture.url);
  return { page, card, tabId };
}

describe('popup and side panel', () => {
  it('show the same result as the card for that tab', async () => {
    const { page, card, tabId } = await openFixture();
    const score = await card.getByTestId('fit-score').textContent();
    // The built-in model carries segment evidence; the compact card names the company's segment with its outcomes.
    // Its figures are the built-in model's examples, and say so: never passed off as the team's data.
    expect(await card.getByTestId('fit-segment').textContent()).toBe(
      'Accounts like this (Software, 201-5,000 employees): NRR 114%, logo retention 89%, CLV $238K (example figures, not your data: build yours from your outcomes in Options → Builder)',
    );
    for (const view of ['sidepanel', 'popup']) {
      const panel = await harness.context.newPage();
      await panel.goto(`chrome-extension://${harness.extensionId}/${view}.html?tab=${tabId}`);
      await expect.poll(() => panel.getByTestId('fit-score').textContent(), { timeout: 10_000 }).toBe(score);
      expect(await panel.getByTestId('fit-company').textContent()).toBe(fixture.facts!.name);
      if (view === 'sidepanel') expect(await panel.getByTestId('fit-criterion').count()).toBeGreaterThan(10);
      await panel.close();
    }
    await page.close();
  });

  it('turns the card off for a site from the popup, and on again, without a reload', async () => {
    const { page, tabId } = await openFixture();
    const popup = await harness.context.newPage();
    await popup.goto(`chrome-extension://${harness.extensionId}/popup.html?tab=${tabId}`);
    const toggle = popup.getByTestId('site-enabled');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await expect.poll(() => page.locator('icp-fit-card').count()).toBe(0);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await expect.poll(() => page.locator('icp-fit-card [data-testid=fit-score]').count(), { timeout: 10_000 }).toBe(1);
    await popup.close();
    await page.close();
  });
});

describe('the card', () => {
  it('is keyboard operable and remembers where it was moved, per site', async () => {
    const { page, card } = await openFixture();
    const before = await card.evaluate((el) => parseFloat((el as HTMLElement).style.top));
    await card.locator('header.handle').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // to the minimise button
    await page.keyboard.press('Tab'); // to "Show breakdown"
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getByTestId('fit-criterion').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.getByTestId('fit-criterion').count()).toBe(0);
    const moved = await card.evaluate((el) => parseFloat((el as HTMLElement).style.top));
    expect(moved).toBe(before + 48);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await card.waitFor({ timeout: 15_000 });
    expect(await card.evaluate((el) => parseFloat((el as HTMLElement).style.top))).toBe(before + 48);
    await page.close();
  });
});

describe('answers and exceptions on the card', () => {
  it('takes an answer to a relationship question in place and re-scores with it, sourced to the user', async () => {
    const { page, card } = await openFixture();
    const before = Number(await card.getByTestId('fit-score').textContent());
    await card.getByTestId('fit-expand').click();
    const champion = card.locator('[data-testid=fit-criterion][data-criterion-id=champion]');
    expect(await champion.getAttribute('data-status')).toBe('unknown');
    await champion.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => champion.getAttribute('data-status'), { timeout: 10_000 }).toBe('pass');
    const worth = Number((await champion.getByTestId('fit-criterion-points').textContent())!.replace('+', ''));
    expect(Number(await card.getByTestId('fit-score').textContent())).toBe(before + worth);
    expect(await card.locator('[data-testid=fit-field][data-field=championIdentified]').getAttribute('data-source')).toBe('user');
    // Stored in the extension: a reload keeps it.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await expect.poll(() => card.getByTestId('fit-score').textContent(), { timeout: 15_000 }).toBe(String(before + worth));
    await page.close();
  });

  it('logs an exception when an AE advances a not-fit account', async () => {
    const notFit = loadFixtures().find((f) => f.site === 'hubspot' && f.name === 'record-association-cards')!;
    await harness.routeFixture(notFit.url + '*', notFit.html);
    // The AE says who they are in the options page's settings.
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
    await options.getByTestId('page-tab-settings').click();
    await options.getByTestId('user-name').fill('Alex AE');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => harness.readStore('settings')).toContainEqual({ key: 'userName', value: 'Alex AE' });
    const page = await harness.context.newPage();
    await page.goto(notFit.url, { waitUntil: 'domcontentloaded' });
    const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('fit-verdict').getAttribute('data-verdict')).toBe('not-fit');
    await card.getByTestId('fit-expand').click();
    await card.getByTestId('fit-exception').locator('input').fill('Strategic logo for the Q4 board deck');
    await card.getByTestId('fit-exception').locator('input').press('Enter');
    await expect.poll(() => card.getByTestId('fit-notice').textContent()).toMatch(/Exception logged/);
    const logged = await harness.readStore('exceptions');
    expect(logged).toEqual([expect.objectContaining({ accountKey: notFit.key, verdict: 'not-fit', reason: 'Strategic logo for the Q4 board deck', user: 'Alex AE' })]);
    // RevOps sees it in the exception log.
    await options.reload();
    await options.getByTestId('page-tab-settings').click();
    await expect.poll(() => options.getByTestId('exceptions').textContent()).toContain('Strategic logo for the Q4 board deck');
    await options.close();
    await page.close();
  });
});

describe('a low-confidence result', () => {
  it('says what the company could reach and what to find in the headline, not a bare "Fit"', async () => {
    const li = loadFixtures().find((f) => f.site === 'linkedin' && f.name === 'logged-in-top-card')!;
    await harness.routeFixture(li.url + '*', li.html);
    const page = await harness.context.newPage();
    await page.goto(li.url, { waitUntil: 'domcontentloaded' });
    const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
    await card.waitFor({ timeout: 15_000 });
    const verdict = card.getByTestId('fit-verdict');
    expect(await verdict.getAttribute('data-verdict')).not.toBe('fit');
    expect(await verdict.textContent()).not.toBe('Fit');
    const score = Number(await card.getByTestId('fit-score').textContent());
    const line = (await card.getByTestId('fit-still-open').textContent()) ?? '';
    const [, now, reach, find] = /^(\d+) now · could reach (\d+) · find: (.+)$/.exec(line) ?? [];
    expect(Number(now)).toBe(score);
    expect(Number(reach)).toBeGreaterThan(score);
    expect(find.split(', ').length).toBeGreaterThanOrEqual(2);
    await card.screenshot({ path: 'test-results/card-low-confidence.png' });
    await page.close();
  });
});

describe('an account list', () => {
  it('is imported in the options page and merged into the card as facts from the list', async () => {
    const li = loadFixtures().find((f) => f.site === 'linkedin' && f.name === 'public-www')!;
    await harness.routeFixture(li.url + '*', li.html);
    const options = await harness.context.newPage();
    await options.goto(`chrome-extension://${harness.extensionId}/options.html`);
    await options.getByTestId('page-tab-settings').click();
    await options.getByTestId('account-list-file').setInputFiles({
      name: 'q4-targets.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Account Name,Website,Technologies,Champion Identified,Number of Employees,LinkedIn URL,Deal Notes,Preferred Communication Channel For Quarterly Business Reviews\n' +
          'Tidewater Renewables,tidewater-renewables.com,"Salesforce; Snowflake",yes,412,http://linkedin.com/company/tidewater-renewables,warm intro,email\n' +
          'No Site Co,,Slack,,,,,\n',
      ),
    });
    await options.getByTestId('account-list-import').click();
    await expect.poll(() => options.getByTestId('account-list-result').textContent()).toMatch(/Imported 1 accounts from q4-targets.csv; 1 problems:line 3: no readable website/);
    await options.close();

    const page = await harness.context.newPage();
    await page.goto(li.url, { waitUntil: 'domcontentloaded' });
    const card = page.locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
    await card.waitFor({ timeout: 15_000 });
    await card.getByTestId('fit-expand').click();
    expect(await card.locator('[data-testid=fit-field][data-field=technologies]').getAttribute('data-source')).toBe('list');
    expect(await card.locator('[data-testid=fit-field][data-field=name]').getAttribute('data-source')).toBe('page');
    expect(await card.locator('[data-testid=fit-criterion][data-criterion-id=crm-adjacent]').getAttribute('data-status')).toBe('pass');
    expect(await card.locator('[data-testid=fit-criterion][data-criterion-id=champion]').getAttribute('data-status')).toBe('pass');
    // The list's 412 employees sit inside the page's 201-500 band, and its LinkedIn URL differs only by scheme,
    // "www." and the trailing slash: no conflict is flagged for either.
    expect(await card.locator('[data-testid=fit-field][data-field=employees] [data-testid=fit-conflict]').count()).toBe(0);
    expect(await card.locator('[data-testid=fit-field][data-field=linkedinUrl] [data-testid=fit-conflict]').count()).toBe(0);
    // Imported columns the model does not read are folded under "More fields (N)"; the model's facts come first.
    const more = card.getByTestId('fit-more-fields');
    expect(await more.locator('summary').textContent()).toBe('More fields (2)');
    expect(await more.locator('[data-testid=fit-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).toEqual([
      'custom.deal_notes',
      'custom.preferred_communication_channel_for_quarterly_business_reviews',
    ]);
    expect(await more.locator('[data-testid=fit-field]').first().isVisible()).toBe(false);
    const firstFields = await card.locator('dl.facts').first().locator('[data-testid=fit-field]').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
    expect(firstFields[0]).toBe('industry');
    // Inside the card's own scroll box: bring the summary into view, then open it as a user would.
    await more.locator('summary').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await more.locator('summary').evaluate((el) => (el as HTMLElement).click());
    await expect.poll(() => more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // A long column name wraps inside its column instead of running over its value.
    const long = more.locator('[data-testid=fit-field]').last();
    const [dt, dd] = await Promise.all([long.locator('dt').boundingBox(), long.locator('dd').boundingBox()]);
    expect(dt!.x + dt!.width).toBeLessThanOrEqual(dd!.x);
    await long.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await card.screenshot({ path: 'test-results/card-more-fields.png' });
    await page.close();
  });
});

describe('a HubSpot record inside an app frame', () => {
  it('gets its card in the frame that holds the record, and the app shell around it gets none', async () => {
    const record = loadFixtures().find((f) => f.site === 'hubspot' && f.name === 'record-inputs')!;
    const shellUrl = 'https://app.hubspot.com/contacts/4455667/objects/0-2/views/all/list';
    await harness.routeFixture(record.url + '*', record.html);
    await harness.routeFixture(shellUrl, `<!doctype html><html><body><h1>Companies</h1><iframe src="${record.url}" width="1000" height="700"></iframe></body></html>`);
    const page = await harness.context.newPage();
    await page.goto(shellUrl, { waitUntil: 'domcontentloaded' });
    const card = page.frameLocator('iframe').locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('fit-company').textContent()).toBe(record.facts!.name);
    expect(await page.locator('icp-fit-card').count()).toBe(0);
    await page.close();
  });

  it('when the top frame\'s URL is also a record URL, the frame holding the record shows the card and the top frame none', async () => {
    const record = loadFixtures().find((f) => f.site === 'hubspot' && f.name === 'record-inputs')!;
    // The older company URL of the same record, as the app shell's address; the record itself renders in a frame.
    const [, portal, id] = /\/contacts\/(\d+)\/record\/0-2\/(\d+)/.exec(record.url)!;
    const shellUrl = `https://app.hubspot.com/contacts/${portal}/company/${id}`;
    await harness.routeFixture(record.url + '*', record.html);
    await harness.routeFixture(shellUrl, `<!doctype html><html><body><h1>Company</h1><iframe src="${record.url}" width="1000" height="700"></iframe></body></html>`);
    const page = await harness.context.newPage();
    await page.goto(shellUrl, { waitUntil: 'domcontentloaded' });
    const card = page.frameLocator('iframe').locator('icp-fit-card [data-testid=fit-card][data-state=ready]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.getByTestId('fit-company').textContent()).toBe(record.facts!.name);
    // Give the top frame's watcher time to settle: it must not show a card stuck on "loading" (or any other).
    await page.waitForTimeout(1_500);
    expect(await page.locator('icp-fit-card').count()).toBe(0);
    await page.close();
  });
});
