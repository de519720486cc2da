import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/builder/synthetic';
import { FACT_ALIASES, headerKey, OUTCOME_ALIASES, PEOPLE_SIGNALS, mapColumns, mapHeaders } from '../../../lib/mapping';

/** Properties of the mapping that must hold for header sets never seen: random files, random spellings. */

const PERSON_COLUMNS = [
  'City', 'State', 'Country', 'Location', 'Region', 'State/Region', 'Country/Region', 'Name', 'Full Name', 'First Name',
  'Last Name', 'Title', 'Job Title', 'Email', 'Seniority', 'Departments', 'LinkedIn URL', 'LinkedIn', 'Person Linkedin Url',
  'Lifecycle Stage', 'Stage', 'Owner', 'Contact Owner', 'Mobile Phone', 'Time Zone',
];
const COMPANY_COLUMNS = [
  'Company', 'Company Name', 'Website', 'Company Domain', '# Employees', 'Industry', 'Company City', 'Company State',
  'Company Country', 'Company Linkedin Url', 'Technologies', 'Annual Revenue', 'Latest Funding', 'Last Raised At',
  'Total Funding', 'Founded Year', 'Account Owner', 'Keywords', 'SIC Codes', 'Apollo Account Id',
];

/** The same header as another tool or a hand-made sheet would write it. */
function respell(header: string, random: () => number): string {
  const styles = [
    (h: string) => h.toUpperCase(),
    (h: string) => h.toLowerCase(),
    (h: string) => h.replace(/ /g, '_'),
    (h: string) => h.replace(/ /g, '-'),
    (h: string) => h.replace(/ /g, '.'),
    (h: string) => `  ${h} `,
    (h: string) => h.replace(/ /g, ''),
    (h: string) => h.replace(/ /g, '  '),
    (h: string) => h,
  ];
  return styles[Math.floor(random() * styles.length)](header);
}

const pick = <T,>(list: readonly T[], random: () => number) => list[Math.floor(random() * list.length)];
function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

describe('a people export', () => {
  it('never makes a company fact of a person column, whatever else the file holds and however it is spelled', () => {
    const random = seededRandom(2026_11_30);
    for (let trial = 0; trial < 500; trial++) {
      const signals = shuffle([...PEOPLE_SIGNALS], random).slice(0, 2 + Math.floor(random() * 3));
      const persons = shuffle([...PERSON_COLUMNS], random).slice(0, 1 + Math.floor(random() * 8));
      const companies = shuffle([...COMPANY_COLUMNS], random).slice(0, Math.floor(random() * 12));
      const headers = shuffle([...new Set([...signals, ...persons, ...companies])], random).map((h) => respell(h, random));
      const mapping = mapHeaders(headers);
      expect(mapping.people).toBe(true);
      for (const c of mapping.columns) {
        const isPerson = [...PERSON_COLUMNS, ...PEOPLE_SIGNALS].some((p) => p.toLowerCase().replace(/[^a-z0-9]/g, '') === c.header.toLowerCase().replace(/[^a-z0-9]/g, ''));
        if (isPerson) {
          expect(c.custom, `${c.header} in ${headers.join(' | ')}`).toBe(true);
          expect(c.outcome).toBeUndefined();
        }
      }
      // Company columns keep their facts: "Company City" is the HQ.
      for (const c of mapping.columns.filter((c) => /^\s*company[ _.-]*city\s*$/i.test(c.header))) expect(c.fact).toBe('hqCity');
    }
  });
});

describe('header matching', () => {
  const ALL = [...Object.values(FACT_ALIASES).flat(), ...Object.values(OUTCOME_ALIASES).flat()];

  it('ignores case, spaces and punctuation for every alias', () => {
    const random = seededRandom(7);
    const target = (header: string) => {
      const [c] = mapColumns([header]);
      return c.outcome ?? (c.custom ? 'custom' : c.fact);
    };
    for (const alias of ALL) {
      const expected = target(alias);
      expect(expected).not.toBe('custom');
      for (let i = 0; i < 5; i++) {
        const spelled = respell(alias, random);
        expect({ spelled, target: target(spelled) }).toEqual({ spelled, target: expected });
      }
    }
  });

  it('does not depend on column order: each header gets the same target in any order', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 200; trial++) {
      // Headers that differ in more than spelling: between two spellings of one header only the order can decide.
      const byKey = new Map(Array.from({ length: 2 + Math.floor(random() * 12) }, () => pick(ALL, random)).map((h) => [headerKey(h), h]));
      const headers = [...byKey.values()];
      const byHeader = (hs: string[]) => Object.fromEntries(mapColumns(hs).map((c) => [c.header, c.outcome ?? (c.custom ? 'custom' : c.fact)]));
      expect(byHeader(shuffle([...headers], random))).toEqual(byHeader(headers));
    }
  });

  it('never gives two columns the same fact or outcome, and keeps every column', () => {
    const random = seededRandom(13);
    for (let trial = 0; trial < 200; trial++) {
      const headers = Array.from({ length: 1 + Math.floor(random() * 20) }, () => respell(pick(ALL, random), random));
      const columns = mapColumns(headers);
      expect(columns).toHaveLength(headers.length);
      const facts = columns.map((c) => c.fact);
      expect(new Set(facts).size).toBe(facts.length);
      const outcomes = columns.flatMap((c) => (c.outcome ? [c.outcome] : []));
      expect(new Set(outcomes).size).toBe(outcomes.length);
    }
  });
});
