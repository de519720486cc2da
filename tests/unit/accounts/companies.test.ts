import { describe, expect, it } from 'vitest';
import { groupRecords, scoreCompanies, type RecordIn } from '../../../lib/accounts/companies';
import { identityKeys } from '../../../lib/accounts/identity';
import { accountsCsv, filterAccounts, tierCounts } from '../../../lib/accounts/view';
import { scoreBest, compileModel } from '../../../lib/engine/score';
import { valuesOf } from '../../../lib/facts/parse';
import type { CompanyFacts } from '../../../lib/facts/vocabulary';
import { DEFAULT_MODEL, PLG_MODEL } from '../../../lib/model/builtin';
import Papa from 'papaparse';

const NOW = Date.parse('2026-11-15T12:00:00Z');
const src = (kind: 'page' | 'list' | 'crm', detail: string) => ({ kind, detail, at: '2026-11-10T00:00:00Z' });
const record = (key: string, facts: CompanyFacts, list?: string): RecordIn => ({ key, facts, ids: identityKeys(key, facts), ...(list ? { list } : {}) });

const cb = record('cb:brightwave', {
  name: { value: 'Brightwave', source: src('page', 'crunchbase') },
  domain: { value: 'brightwave.io', source: src('page', 'crunchbase') },
  linkedinUrl: { value: 'https://www.linkedin.com/company/brightwave', source: src('page', 'crunchbase') },
  technologies: { value: ['Snowflake', 'Salesforce'], source: src('page', 'crunchbase') },
});
const li = record('li:brightwave', { employees: { value: { min: 201, max: 500 }, source: src('page', 'linkedin') }, hqCountry: { value: 'US', source: src('page', 'linkedin') } });
const hs = record('hs:1:0-2:5', { domain: { value: 'app.brightwave.io', source: src('crm', 'hubspot') }, industry: { value: 'Software Development', source: src('crm', 'hubspot') } });
const namesake = record('li:brightwave-gmbh', { name: { value: 'Brightwave GmbH', source: src('page', 'linkedin') }, domain: { value: 'brightwave.de', source: src('page', 'linkedin') } });
const listRow = record('list:q4:acme.com', { name: { value: 'Acme', source: src('list', 'q4.csv') }, domain: { value: 'acme.com', source: src('list', 'q4.csv') }, hqCountry: { value: 'US', source: src('list', 'q4.csv') } }, 'q4');

describe('groupRecords', () => {
  it('links records sharing a strong key (transitively), never by name alone', () => {
    const companies = groupRecords([cb, li, hs, namesake, listRow]);
    expect(companies.map((c) => c.records.sort())).toEqual(
      expect.arrayContaining([['cb:brightwave', 'hs:1:0-2:5', 'li:brightwave'], ['li:brightwave-gmbh'], ['list:q4:acme.com']]),
    );
    expect(companies).toHaveLength(3);
    const brightwave = companies.find((c) => c.records.includes('li:brightwave'))!;
    expect(brightwave.key).toBe('domain:brightwave.io');
    expect(brightwave.facts.industry?.source.detail).toBe('hubspot');
    expect(companies.find((c) => c.records.includes('list:q4:acme.com'))!.lists).toEqual(['q4']);
  });

  it('gives the same groups whatever the order of the records (property)', () => {
    const all = [cb, li, hs, namesake, listRow];
    const canonical = (rs: RecordIn[]) => groupRecords(rs).map((c) => c.records.sort().join('|')).sort();
    const expected = canonical(all);
    for (let seed = 1; seed < 30; seed++) {
      const shuffled = [...all].sort((a, b) => ((a.key.charCodeAt(seed % a.key.length) * seed) % 7) - ((b.key.charCodeAt(seed % b.key.length) * seed) % 7));
      expect(canonical(shuffled)).toEqual(expected);
    }
  });

  it('merges answers given on any record of the company', () => {
    const answers = new Map<string, CompanyFacts>([['li:brightwave', { championIdentified: { value: true, source: { kind: 'user', at: '2026-11-11T00:00:00Z' } } }]]);
    const [company] = groupRecords([cb, li], answers);
    expect(company.facts.championIdentified?.value).toBe(true);
  });
});

describe('scoreCompanies', () => {
  it('gives each company the best result of the active models, the same as the card', () => {
    const companies = groupRecords([cb, li, hs, namesake, listRow]);
    const scored = scoreCompanies(companies, [DEFAULT_MODEL, PLG_MODEL], NOW, 180);
    for (const [i, company] of companies.entries()) {
      const { best } = scoreBest([compileModel(DEFAULT_MODEL), compileModel(PLG_MODEL)], valuesOf(company.facts), NOW);
      expect(scored[i]).toMatchObject({ key: company.key, score: best.score, tier: best.tier, verdict: best.verdict, confidence: best.confidence, modelId: best.modelId });
      expect(Object.values(scored[i].dimensions).reduce((a, b) => a + b, 0)).toBe(best.score);
      expect(scored[i].reasons).toEqual(best.reasons);
    }
  });

  it('reports progress up to the total', () => {
    const progress: number[] = [];
    scoreCompanies(groupRecords([cb, li, hs, namesake, listRow]), [DEFAULT_MODEL], NOW, 180, (done) => progress.push(done), 2);
    expect(progress).toEqual([2, 3]);
  });
});

describe('the Accounts view', () => {
  const scored = scoreCompanies(groupRecords([cb, li, hs, namesake, listRow]), [DEFAULT_MODEL], NOW, 180);

  it('filters by tier, verdict, source, list, fact and text; counts per tier', () => {
    expect(filterAccounts(scored, {}).length).toBe(3);
    expect(filterAccounts(scored, { list: 'q4' }).map((r) => r.key)).toEqual(['domain:acme.com']);
    expect(filterAccounts(scored, { source: 'crm' }).map((r) => r.key)).toEqual(['domain:brightwave.io']);
    expect(filterAccounts(scored, { fact: { field: 'technologies', contains: 'snow' } }).map((r) => r.key)).toEqual(['domain:brightwave.io']);
    expect(filterAccounts(scored, { text: 'GMBH' }).map((r) => r.key)).toEqual(['domain:brightwave.de']);
    for (const r of scored) expect(filterAccounts(scored, { verdict: r.verdict })).toContain(r);
    const counts = tierCounts(scored);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(3);
    for (const [tier, n] of counts) if (tier) expect(filterAccounts(scored, { tier }).length).toBe(n);
    expect(filterAccounts(scored, { minConfidence: 1.01 })).toEqual([]);
    expect(filterAccounts(scored, { dimension: { name: 'technographic', min: 1 } }).every((r) => r.dimensions.technographic >= 1)).toBe(true);
  });

  it('exports the view as CSV with score, tier, verdict, confidence, reasons and facts; formulas defused', () => {
    const hostile = scoreCompanies(groupRecords([record('list:x:evil.com', { name: { value: '=HYPERLINK("x")', source: src('list', 'x') }, domain: { value: 'evil.com', source: src('list', 'x') } }, 'x')]), [DEFAULT_MODEL], NOW, 180);
    const parsed = Papa.parse<Record<string, string>>(accountsCsv([...scored, ...hostile]), { header: true }).data;
    expect(parsed).toHaveLength(4);
    expect(Object.keys(parsed[0])).toEqual(expect.arrayContaining(['score', 'tier', 'verdict', 'confidence', 'top_reasons', 'technologies', 'employees']));
    const bw = parsed.find((r) => r.account === 'domain:brightwave.io')!;
    expect(bw.technologies).toBe('Snowflake; Salesforce');
    expect(bw.employees).toBe('201-500');
    expect(parsed.find((r) => r.account === 'domain:evil.com')!.name.startsWith("'")).toBe(true);
  });
});
