import { describe, expect, it } from 'vitest';
import { enumLabel, formatFactValue } from '../../../lib/facts/display';
import { normaliseFacts } from '../../../lib/facts/normalise/index';
import { valuesOf } from '../../../lib/facts/parse';
import { BUYING_PROCESSES, COMPANY_TYPES, FUNDING_STAGES, LIFECYCLE_STAGES } from '../../../lib/facts/vocabulary';

describe('fact values in words', () => {
  const enums: [string, readonly string[]][] = [
    ['fundingStage', FUNDING_STAGES],
    ['companyType', COMPANY_TYPES],
    ['lifecycleStage', LIFECYCLE_STAGES],
    ['buyingProcess', BUYING_PROCESSES],
  ];

  it.each(enums)('every %s id is shown in words, never as the id', (field, values) => {
    for (const id of values) {
      const text = formatFactValue(field, id);
      expect(text, id).not.toBe(id);
      expect(text, id).not.toMatch(/_/);
      if (!['pre-seed', 'self-employed', 'champion-led', 'founder-led'].includes(id)) expect(text, id).not.toMatch(/-[a-z]/); // no "series-b"
      expect(text.charAt(0), id).toBe(text.charAt(0).toUpperCase());
    }
  });

  it('reads like people write it', () => {
    expect(formatFactValue('fundingStage', 'series-b')).toBe('Series B');
    expect(formatFactValue('fundingStage', 'private-equity')).toBe('Private equity');
    expect(formatFactValue('lifecycleStage', 'mql')).toBe('MQL');
    expect(formatFactValue('companyType', 'private')).toBe('Private');
  });

  it('shows Crunchbase headcount and revenue ids as ranges, wherever they turn up', () => {
    expect(enumLabel('employees', 'c_00051_00100')).toBe('51-100 employees');
    expect(enumLabel('custom.size', 'c_10001_max')).toBe('10,001+ employees');
    expect(enumLabel('revenueUsd', 'r_00010000')).toBe('$10M-$50M');
  });

  it('leaves other strings alone, including enum-looking words in free-text fields', () => {
    expect(formatFactValue('name', 'series-b')).toBe('series-b');
    expect(formatFactValue('industry', 'Software Development')).toBe('Software Development');
  });

  it('a Crunchbase page\'s enum facts reach the card in words', () => {
    const { facts } = normaliseFacts(
      { fundingStage: 'series_b', employees: 'c_00051_00100', revenueUsd: 'r_00010000', companyType: 'private' },
      { origin: 'crunchbase', source: { kind: 'page', detail: 'crunchbase' } },
    );
    const shown = Object.entries(valuesOf(facts) as Record<string, unknown>).map(([field, value]) => formatFactValue(field, value));
    expect(shown.sort()).toEqual(['$10M-$50M', '51-100', 'Private', 'Series B']);
  });
});
