import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { staleFacts } from '../../../lib/accounts/stale';
import { cardForPage, scoreFacts } from '../../../lib/card/pipeline';
import { compileModel, evaluate, STALE_CONFIDENCE_FACTOR } from '../../../lib/engine/score';
import type { CompanyFacts } from '../../../lib/facts/vocabulary';
import { handleMessage, type HandlerDeps } from '../../../lib/messages/handle';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { clearMemory, forgetCompany, putAccountFacts } from '../../../lib/storage/accounts';
import type { IcpDb } from '../../../lib/storage/db';
import { installBuiltinModels } from '../../../lib/storage/models';
import { getSetting, setSetting } from '../../../lib/storage/settings';
import { openTestDb } from '../storage/helpers';

const DAY = 86_400_000;
let now = Date.parse('2026-11-15T12:00:00Z');
let db: IcpDb;
let deps: HandlerDeps;
beforeEach(async () => {
  now = Date.parse('2026-11-15T12:00:00Z');
  db = openTestDb();
  deps = { db, now: () => now, ready: async () => void (await installBuiltinModels(db)) };
  await installBuiltinModels(db);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const crunchbase = {
  site: 'crunchbase' as const,
  recordKey: 'cb:brightwave-analytics',
  raw: {
    name: 'Brightwave Analytics',
    domain: 'https://www.brightwave.io',
    linkedinUrl: 'https://www.linkedin.com/company/brightwave-analytics',
    technologies: ['Snowflake', 'HubSpot'],
    fundingStage: 'Series B',
    totalFundingUsd: '$62M',
  },
};
const linkedinNoDomain = { site: 'linkedin' as const, recordKey: 'li:brightwave-analytics', raw: { name: 'Brightwave Analytics', employees: '201-500 employees', hqCountry: 'United States' } };
const hubspot = { site: 'hubspot' as const, recordKey: 'hs:1:0-2:77', raw: { name: 'Brightwave', domain: 'app.brightwave.io', lifecycleStage: 'lead' } };

const field = (view: { facts: { field: string; source: { kind: string; detail?: string }; remembered?: boolean; stale?: boolean }[] } | null, name: string) =>
  view?.facts.find((f) => f.field === name);

describe('one memory of each company', () => {
  it('a LinkedIn page without a domain gets the technologies and funding seen on Crunchbase, with their site', async () => {
    await cardForPage(crunchbase, deps);
    now += 3 * DAY;
    const { view } = await cardForPage(linkedinNoDomain, deps);
    expect(field(view, 'technologies')).toMatchObject({ source: { kind: 'page', detail: 'crunchbase' }, remembered: true });
    expect(field(view, 'totalFundingUsd')).toMatchObject({ source: { kind: 'page', detail: 'crunchbase' }, remembered: true });
    expect(field(view, 'employees')).toMatchObject({ source: { kind: 'page', detail: 'linkedin' } });
    expect(field(view, 'employees')?.remembered).toBeUndefined();
  });

  it('links three sites through two hops: LinkedIn slug → Crunchbase → domain → HubSpot', async () => {
    await cardForPage(hubspot, deps);
    await cardForPage(crunchbase, deps);
    const { view } = await cardForPage(linkedinNoDomain, deps);
    expect(field(view, 'lifecycleStage')).toMatchObject({ source: { kind: 'crm', detail: 'hubspot' } });
  });

  it('an answer on LinkedIn follows the company to its HubSpot record (the card sends the domain)', async () => {
    await cardForPage({ ...linkedinNoDomain, raw: { ...linkedinNoDomain.raw, domain: 'brightwave.io' } }, deps);
    const saved = await handleMessage({ type: 'saveAnswer', recordKey: 'li:brightwave-analytics', field: 'championIdentified', value: true, domain: 'brightwave.io' }, deps);
    expect(saved.ok).toBe(true);
    const { view } = await cardForPage(hubspot, deps);
    expect(field(view, 'championIdentified')).toMatchObject({ source: { kind: 'user' } });
  });

  it('never merges a name-only match; shows it as possibly the same company', async () => {
    await cardForPage({ site: 'linkedin', recordKey: 'li:acme-gmbh', raw: { name: 'Acme GmbH', domain: 'acme.de', technologies: ['Snowflake'] } }, deps);
    const { view } = await cardForPage({ site: 'linkedin', recordKey: 'li:acme-inc', raw: { name: 'Acme, Inc.', domain: 'acme.com' } }, deps);
    expect(field(view, 'technologies')).toBeUndefined();
    expect(view?.possibleMatches).toEqual([{ key: 'li:acme-gmbh', name: 'Acme GmbH' }]);
  });

  it('a page seen again replaces what it showed before', async () => {
    await cardForPage(crunchbase, deps);
    await cardForPage({ ...crunchbase, raw: { ...crunchbase.raw, technologies: undefined } }, deps);
    const row = await db.accounts.get('cb:brightwave-analytics');
    expect(row?.facts.technologies).toBeUndefined();
  });

  it('forgets one company (all its records and answers) or everything', async () => {
    await cardForPage(crunchbase, deps);
    await cardForPage(linkedinNoDomain, deps);
    await cardForPage({ site: 'linkedin', recordKey: 'li:other', raw: { name: 'Other', domain: 'other.com' } }, deps);
    await handleMessage({ type: 'saveAnswer', recordKey: 'li:brightwave-analytics', field: 'openToPilot', value: true }, deps);
    expect((await forgetCompany(db, 'li:brightwave-analytics')).sort()).toEqual(['cb:brightwave-analytics', 'li:brightwave-analytics']);
    expect(await db.accounts.count()).toBe(1);
    expect(await db.notes.count()).toBe(0);
    await clearMemory(db);
    expect(await db.accounts.count()).toBe(0);
  });
});

describe('stale facts', () => {
  it('a fact older than staleAfterDays (default 180) is stale; a younger one is not', async () => {
    expect(await getSetting(db, 'staleAfterDays')).toBe(180);
    const at = (days: number) => new Date(now - days * DAY).toISOString();
    const facts: CompanyFacts = {
      technologies: { value: ['Snowflake'], source: { kind: 'page', detail: 'crunchbase', at: at(181) } },
      employees: { value: 300, source: { kind: 'page', detail: 'linkedin', at: at(179) } },
      hqCountry: { value: 'US', source: { kind: 'list' } },
    };
    expect(staleFacts(facts, now, 180)).toEqual(['technologies']);
    expect(staleFacts(facts, now, 30).sort()).toEqual(['employees', 'technologies']);
  });

  it('counts a criterion decided by a stale fact at half its confidence weight; points and statuses unchanged', () => {
    const compiled = compileModel(DEFAULT_MODEL);
    const values = { employees: 800, hqCountry: 'US', industry: 'Software Development', technologies: ['Snowflake', 'Salesforce'] };
    const fresh = evaluate(compiled, values, now);
    const stale = evaluate(compiled, values, now, undefined, new Set(['technologies']));
    expect(stale.score).toBe(fresh.score);
    expect([...stale.statuses]).toEqual([...fresh.statuses]);
    const weightOf = compiled.criteria.map((c, i) => ({ c, i })).filter(({ c }) => c.criterion.field === 'technologies');
    const techKnown = weightOf.filter(({ i }) => fresh.statuses[i] !== 2).reduce((sum, { i }) => sum + compiled.hot.confidenceWeight[i], 0);
    expect(techKnown).toBeGreaterThan(0);
    const expected = Math.round((100 * (fresh.confidence * compiled.totalConfidenceWeight - techKnown * STALE_CONFIDENCE_FACTOR)) / compiled.totalConfidenceWeight) / 100;
    expect(stale.confidence).toBeCloseTo(expected, 1);
    expect(stale.confidence).toBeLessThan(fresh.confidence);
  });

  it('the card marks remembered facts older than the setting as stale, and confidence drops', async () => {
    await cardForPage(crunchbase, deps);
    now += 10 * DAY;
    const before = (await cardForPage(linkedinNoDomain, deps)).view!;
    expect(field(before, 'technologies')?.stale).toBeUndefined();
    await setSetting(db, 'staleAfterDays', 5);
    const after = (await cardForPage(linkedinNoDomain, deps)).view!;
    expect(field(after, 'technologies')?.stale).toBe(true);
    expect(field(after, 'employees')?.stale).toBeUndefined();
    expect(after.result.confidence).toBeLessThan(before.result.confidence);
  });

  it('scoreFacts reports stale and remembered facts', async () => {
    await putAccountFacts(db, 'cb:x', { domain: { value: 'x.com', source: { kind: 'page', detail: 'crunchbase', at: '2020-01-01T00:00:00Z' } }, technologies: { value: ['Snowflake'], source: { kind: 'page', detail: 'crunchbase', at: '2020-01-01T00:00:00Z' } } });
    const scored = await scoreFacts({ domain: { value: 'x.com', source: { kind: 'page', detail: 'linkedin', at: new Date(now).toISOString() } } }, 'li:x', deps);
    expect(scored.stale).toEqual(['technologies']);
    expect(scored.remembered).toEqual(['technologies']);
  });
});
