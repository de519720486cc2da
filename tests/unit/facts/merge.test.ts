import { describe, expect, it } from 'vitest';
import type { CompanyFacts } from '../../../lib/facts/vocabulary';
import { mergeFacts } from '../../../lib/facts/merge';

const page = { kind: 'page', detail: 'linkedin' } as const;
const list = { kind: 'list', detail: 'q3.csv' } as const;
const crm = { kind: 'crm', detail: 'hubspot' } as const;
const user = { kind: 'user', detail: 'ae@us' } as const;

describe('mergeFacts', () => {
  it('user answers beat the page, the page beats the CRM and lists, whatever the layer order', () => {
    const layers: CompanyFacts[] = [
      { championIdentified: { value: false, source: crm }, employees: { value: 300, source: list } },
      { employees: { value: { min: 201, max: 500 }, source: page }, industry: { value: 'Banking', source: list } },
      { championIdentified: { value: true, source: user } },
    ];
    const { facts } = mergeFacts(layers);
    expect(facts.championIdentified).toEqual({ value: true, source: user });
    expect(facts.employees).toEqual({ value: { min: 201, max: 500 }, source: page });
    expect(facts.industry).toEqual({ value: 'Banking', source: list });
  });

  it('reports a conflict when sources disagree, not when they agree', () => {
    const { conflicts } = mergeFacts([
      { hqCountry: { value: 'US', source: page }, name: { value: 'Acme', source: page }, technologies: { value: ['Slack', 'HubSpot'], source: page } },
      { hqCountry: { value: 'GB', source: list }, name: { value: 'acme ', source: list }, technologies: { value: ['HubSpot', 'Slack'], source: crm } },
      { hqCountry: { value: 'GB', source: crm } },
    ]);
    expect(conflicts).toEqual([{ field: 'hqCountry', chosen: { value: 'US', source: page }, others: [{ value: 'GB', source: list }] }]);
  });

  it('between facts of the same kind the newer one wins', () => {
    const older = { value: 100, source: { ...list, at: '2026-01-01' } };
    const newer = { value: 120, source: { kind: 'list', detail: 'q4.csv', at: '2026-04-01' } } as const;
    const { facts, conflicts } = mergeFacts([{ employees: older }, { employees: newer }]);
    expect(facts.employees).toEqual(newer);
    expect(conflicts[0].others).toEqual([older]);
  });
});
