import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/accounts';
import { asciiNormalFormCheck, LINKED_FACTS, normalFormCheck, normaliseFacts, normaliseLoneFact, REJECTED } from '../../../lib/facts/normalise/index';
import { STANDARD_FACT_NAMES } from '../../../lib/facts/vocabulary';

/**
 * The CSV pipeline's fast path (lib/csv/row-cache.ts) normalises lone cells with normaliseLoneFact, including its
 * shortcut for cells already in normal form (names, domains, ids, custom text). Whatever it answers must be what
 * normaliseFacts gives for that fact alone: the same value, nothing for a blank cell, REJECTED for any problem.
 */

const OPTIONS = { origin: 'csv' as const, source: { kind: 'list' as const, detail: 'accounts.csv' } };

function expected(field: string, raw: string): unknown {
  const { facts, problems } = normaliseFacts({ [field]: raw }, OPTIONS);
  if (problems.length > 0) return REJECTED;
  return (facts as Record<string, { value: unknown } | undefined>)[field]?.value;
}

const LONE_FACTS = [...STANDARD_FACT_NAMES.filter((f) => !LINKED_FACTS.has(f)), 'custom.notes', 'custom.deal_size'];

const lengths = [1, 99, 100, 101, 149, 150, 151, 299, 300, 301, 999, 1000, 1001];
const SAMPLES = [
  '', ' ', ' \t ', '\u00A0', 'Acme', ' Acme', 'Acme ', 'Acme  Corp', 'Acme\tCorp', 'Acme\u00A0Corp', 'Acme\u202FCorp',
  'Acme\nCorp', 'Company 123', 'Chloé', '\ufeffAcme', 'acme.com', 'www.acme.com', 'www2.acme.io', 'WWW.Acme.com',
  'Acme.com', 'acme.co.uk', ' acme.com', 'acme.com.', 'https://acme.com/x', 'http://acme.io:8080', '-acme.com',
  'acme-.com', 'acme', 'a.b', 'acme.c0m', 'acme..com', `${'a'.repeat(64)}.com`, `${'a'.repeat(63)}.com`,
  `${'abcdefghi.'.repeat(25)}com`, `${'abcdefghi.'.repeat(26)}com`, '1,001-5,000', '250', '5M', '$12,000,000',
  'Series B', 'yes', 'No', 'true', 'Salesforce; Snowflake', 'SFDC', '2024-03-01', '03/05/2024', '12%', 'Private',
  'Lead', 'champion-led', 'toString', '__proto__', ...lengths.map((n) => 'x'.repeat(n)),
  ...lengths.map((n) => `${'word '.repeat(Math.ceil(n / 5))}`.slice(0, n).trimEnd()),
];

function randomSamples(count: number, seed: number): string[] {
  const rnd = prng(seed);
  const alphabet = ['a', 'Z', '7', '.', '-', ' ', '  ', '\t', '\u00A0', ',', ';', 'www.', '.com', 'é', '"', '%', '$'];
  return Array.from({ length: count }, () => {
    let s = '';
    const n = Math.floor(rnd() * 10);
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
    return s;
  });
}

describe('normaliseLoneFact', () => {
  it('answers as normaliseFacts does for every fact that stands alone, on edge and random cells', () => {
    const samples = [...SAMPLES, ...randomSamples(400, 5)];
    let shortcuts = 0;
    for (const field of LONE_FACTS)
      for (const raw of samples) {
        const got = normaliseLoneFact(field, raw, OPTIONS);
        expect({ field, raw, value: got }).toEqual({ field, raw, value: expected(field, raw) });
        if (got === raw) shortcuts++;
      }
    expect(shortcuts).toBeGreaterThan(100); // the normal-form shortcut was exercised, not only the full path
  });

  it('has a normal-form test per fact that only passes cells normaliseFacts keeps exactly as they are', () => {
    // row-cache.ts returns a passing cell as its value without asking normaliseLoneFact (columns that never repeat).
    const samples = [...SAMPLES, ...randomSamples(400, 6)];
    let passed = 0;
    for (const field of LONE_FACTS) {
      const check = normalFormCheck(field);
      if (!check) continue;
      for (const raw of samples)
        if (check(raw)) {
          passed++;
          expect({ field, raw, value: expected(field, raw) }).toEqual({ field, raw, value: raw });
        }
    }
    expect(passed).toBeGreaterThan(100);
    for (const field of ['name', 'domain', 'crmId', 'owner', 'custom.notes']) expect(normalFormCheck(field)).toBeTypeOf('function');
    for (const field of LINKED_FACTS) expect(normalFormCheck(field)).toBeUndefined();
  });
  it('has an ASCII normal-form test per fact that passes exactly the ASCII cells the normal-form test passes', () => {
    // row-cache.ts returns a byte-text cell that passes it as its value, without decoding it (score-stream.ts).
    const samples = [...SAMPLES, ...randomSamples(400, 7), 'Société', 'Zoë Ltd', 'münchen.de', 'Acme\u0085Corp', 'Acme\u0000Corp'];
    let passed = 0;
    for (const field of LONE_FACTS) {
      const check = normalFormCheck(field);
      const ascii = asciiNormalFormCheck(field);
      expect(ascii === undefined).toBe(check === undefined);
      if (!check || !ascii) continue;
      for (const raw of samples) {
        const isAscii = /^[\x00-\x7f]*$/.test(raw);
        expect({ field, raw, passes: ascii(raw) }).toEqual({ field, raw, passes: isAscii && check(raw) });
        if (ascii(raw)) passed++;
      }
    }
    expect(passed).toBeGreaterThan(100);
  });


  it('refuses linked facts: they are normalised together', () => {
    for (const field of LINKED_FACTS) expect(() => normaliseLoneFact(field, 'x', OPTIONS)).toThrow(/linked/);
  });
});
