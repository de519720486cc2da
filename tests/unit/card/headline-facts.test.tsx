// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { Breakdown } from '../../../components/Breakdown';
import { Headline } from '../../../components/Summary';
import type { CardView } from '../../../lib/card/types';
import { compileModel, scoreCompiled } from '../../../lib/engine/score';
import { valuesOf } from '../../../lib/facts/parse';
import type { CompanyFacts, FactSource } from '../../../lib/facts/vocabulary';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const NOW = Date.parse('2026-11-23');
const page: FactSource = { kind: 'page', detail: 'linkedin' };
const list: FactSource = { kind: 'list', detail: 'accounts.csv' };

async function render(node: React.ReactNode) {
  const container = document.createElement('div');
  const root = createRoot(container);
  await act(async () => root.render(node));
  return container;
}

function viewOf(facts: CompanyFacts): CardView {
  const result = scoreCompiled(compileModel(DEFAULT_MODEL), valuesOf(facts), NOW);
  return {
    recordKey: 'li:acme',
    company: 'Acme',
    result,
    alternatives: [],
    facts: Object.entries(facts).map(([field, f]) => ({ field, value: f!.value, source: f!.source })),
    problems: [],
  };
}

/** Firmographics only, as a LinkedIn page gives them. */
const firmographics: CompanyFacts = {
  name: { value: 'Acme', source: page },
  employees: { value: { min: 201, max: 500 }, source: page },
  hqCountry: { value: 'US', source: page },
  industry: { value: 'Software Development', source: page },
};

describe('the headline', () => {
  it('never says a bare "Fit" at low confidence: the score now, what it could reach, the facts to find', async () => {
    const view = viewOf(firmographics);
    expect(view.result.verdict).toBe('needs-data');
    const el = await render(<Headline result={view.result} />);
    expect(el.querySelector('[data-testid=fit-verdict]')?.getAttribute('data-verdict')).toBe('needs-data');
    expect(el.querySelector('[data-testid=fit-verdict]')?.textContent).toBe('Needs data');
    const line = el.querySelector('[data-testid=fit-still-open]')?.textContent ?? '';
    expect(line).toMatch(new RegExp(`^${view.result.score} now · could reach ${view.result.potentialScore} · find: `));
    expect(line.split('find: ')[1].split(', ')).toHaveLength(3);
  });

  it('marks the built-in model\'s segment figures as examples, with a pointer to the builder', async () => {
    const view = viewOf(firmographics);
    expect(view.result.segment?.evidence.source).toBe('example');
    const el = await render(<Headline result={view.result} />);
    const segment = el.querySelector('[data-testid=fit-segment]')!;
    expect(segment.getAttribute('data-evidence-source')).toBe('example');
    expect(segment.textContent).toMatch(/example figures, not your data: build yours from your outcomes in Options → Builder/);
    expect(segment.textContent).not.toMatch(/n=/);
    const own = { ...view.result, segment: { ...view.result.segment!, evidence: { source: 'builder' as const, asOf: '2026-09-30', n: 212, nrr: 1.31 } } };
    const mine = (await render(<Headline result={own} />)).querySelector('[data-testid=fit-segment]')!;
    expect(mine.textContent).toMatch(/^Your accounts like this .*NRR 131%, n=212 \(your outcomes, n=212, as of 2026-09-30\)/);
  });
});

describe('the breakdown\'s facts', () => {
  it('lists the facts the model reads first and folds unused imported columns under "More fields (N)"', async () => {
    const view = viewOf({
      ...firmographics,
      foundedYear: { value: 2015, source: page },
      'custom.a_very_long_custom_column_name_from_a_crm_export': { value: 'x', source: list },
      'custom.deal_notes': { value: 'warm intro', source: list },
    });
    const el = await render(<Breakdown view={view} />);
    const shown = [...el.querySelectorAll('dl.facts')[0].querySelectorAll('[data-testid=fit-field]')].map((f) => f.getAttribute('data-field'));
    expect(shown).toEqual(['employees', 'hqCountry', 'industry', 'name', 'foundedYear']);
    const more = el.querySelector('[data-testid=fit-more-fields]')!;
    expect(more.querySelector('summary')?.textContent).toBe('More fields (2)');
    expect([...more.querySelectorAll('[data-testid=fit-field]')].map((f) => f.getAttribute('data-field'))).toEqual([
      'custom.a_very_long_custom_column_name_from_a_crm_export',
      'custom.deal_notes',
    ]);
  });
});
