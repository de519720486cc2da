import { seededRandom } from '../lib/builder/synthetic';
import type { FactValues, Signal } from '../lib/facts/vocabulary';

/** Synthetic accounts for the bench: varied, with missing facts, bands and exact numbers. Seeded: same every run. */

/** The seeded PRNG the synthetic outcome data uses too (mulberry32; Math.random cannot be seeded). */
export const prng = seededRandom;

const COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'FR', 'NL', 'SE', 'AU', 'CA', 'IN', 'BR', 'JP', 'RU', 'SG'];
const INDUSTRIES = ['Software Development', 'Financial Services', 'IT Services and IT Consulting', 'Retail', 'Hospital & Health Care', 'Manufacturing', 'Education'];
const SUB_INDUSTRIES = ['Credit Unions', 'Banking', 'Insurance', 'Data Infrastructure and Analytics', 'E-commerce'];
const STAGES = ['seed', 'series-a', 'series-b', 'series-c', 'series-d', 'private-equity', 'public', 'bootstrapped'] as const;
const COMPANY_TYPES = ['private', 'private', 'public', 'nonprofit', 'government'] as const;
const TECH = ['Salesforce', 'HubSpot', 'Snowflake', 'BigQuery', 'Redshift', 'Databricks', 'dbt', 'Airflow', 'Looker', 'Tableau', 'Slack', 'Cognos', 'MicroStrategy', 'Zendesk', 'Jira', 'AWS', 'CompetitorX'];
const SIGNAL_TYPES = ['funding', 'leadership-hire', 'headcount-change', 'tech-stack-change', 'news'] as const;
const BANDS = [[1, 10], [11, 50], [51, 200], [201, 500], [501, 1000], [1001, 5000], [5001, 10000], [10001, undefined]] as const;

const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

export function makeAccounts(count: number, now: number, seed = 42): FactValues[] {
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const maybe = (p: number) => rnd() < p;
  const accounts: FactValues[] = [];
  for (let i = 0; i < count; i++) {
    const a: Record<string, unknown> = { name: `Company ${i}`, domain: `company${i}.com` };
    if (maybe(0.9)) {
      if (maybe(0.5)) a.employees = Math.floor(10 ** (1 + rnd() * 4));
      else {
        const [min, max] = pick(BANDS);
        a.employees = max === undefined ? { min } : { min, max };
      }
    }
    if (maybe(0.9)) a.hqCountry = pick(COUNTRIES);
    if (maybe(0.7)) a.companyType = pick(COMPANY_TYPES);
    if (maybe(0.85)) a.industry = pick(INDUSTRIES);
    if (maybe(0.5)) a.subIndustry = pick(SUB_INDUSTRIES);
    if (maybe(0.6)) a.revenueUsd = maybe(0.5) ? Math.floor(10 ** (5 + rnd() * 5)) : { min: 10_000_000, max: 50_000_000 };
    if (maybe(0.5)) a.employeeGrowth6m = Math.round(rnd() * 60 - 15);
    if (maybe(0.6)) a.foundedYear = 1960 + Math.floor(rnd() * 64);
    if (maybe(0.5)) a.totalFundingUsd = Math.floor(10 ** (5 + rnd() * 4));
    if (maybe(0.6)) a.fundingStage = pick(STAGES);
    if (maybe(0.5)) a.lastFundingDate = isoDay(now - Math.floor(rnd() * 4000) * DAY);
    if (maybe(0.3)) a['custom.strategic'] = maybe(0.5);
    if (maybe(0.75)) {
      const n = Math.floor(rnd() * 8);
      const tech = new Set<string>();
      for (let k = 0; k < n; k++) tech.add(pick(TECH));
      a.technologies = [...tech];
    }
    if (maybe(0.6)) {
      const signals: Signal[] = [];
      const n = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < n; k++) signals.push({ type: pick(SIGNAL_TYPES), date: isoDay(now - Math.floor(rnd() * 500) * DAY) });
      a.signals = signals;
    }
    if (maybe(0.3)) a['custom.activated_users'] = Math.floor(rnd() * 20);
    if (maybe(0.4)) a.championIdentified = maybe(0.5);
    if (maybe(0.4)) a.budgetOwnerKnown = maybe(0.5);
    if (maybe(0.3)) a.openToPilot = maybe(0.6);
    if (maybe(0.4)) a.contractRenewalDate = isoDay(now + Math.floor(rnd() * 600 - 100) * DAY);
    accounts.push(a as FactValues);
  }
  return accounts;
}
