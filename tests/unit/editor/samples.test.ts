import { describe, expect, it } from 'vitest';
import { compileModel, scoreCompiled } from '../../../lib/engine/score';
import { parseFacts } from '../../../lib/facts/parse';
import { CANONICAL_INDUSTRIES, CANONICAL_SUB_INDUSTRIES } from '../../../lib/facts/normalise/industries';
import { DEFAULT_MODEL, PLG_MODEL } from '../../../lib/model/builtin';
import { sampleAccounts } from '../../../lib/samples/accounts';
import { previewAccounts, previewModel } from '../../../lib/samples/preview';

const NOW = Date.parse('2027-05-01T12:00:00Z');
const samples = sampleAccounts(NOW);

describe('sample accounts', () => {
  it('are about thirty valid, canonical accounts with unique keys', () => {
    expect(samples.length).toBeGreaterThanOrEqual(28);
    expect(new Set(samples.map((s) => s.key)).size).toBe(samples.length);
    for (const s of samples) {
      const { problems } = parseFacts(s.values as Record<string, unknown>, { kind: 'user', detail: 'sample' });
      expect(problems, s.key).toEqual([]);
      if (s.values.industry) expect(CANONICAL_INDUSTRIES, s.key).toContain(s.values.industry);
      if (s.values.subIndustry) expect(CANONICAL_SUB_INDUSTRIES, s.key).toContain(s.values.subIndustry);
    }
  });

  it('cover fit (in several tiers), not-fit and needs-data under the built-in models', () => {
    for (const model of [DEFAULT_MODEL, PLG_MODEL]) {
      const compiled = compileModel(model);
      const results = samples.map((s) => scoreCompiled(compiled, s.values, NOW));
      const verdicts = new Set(results.map((r) => r.verdict));
      expect([...verdicts].sort(), model.id).toEqual(['fit', 'needs-data', 'not-fit']);
      expect(new Set(results.map((r) => r.tier).filter(Boolean)).size, model.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('keep relative dates fresh: a recent funding signal stays recent whenever the preview runs', () => {
    const later = NOW + 400 * 86_400_000;
    const helix = (now: number) => sampleAccounts(now).find((s) => s.key === 'sample:helix-data')!;
    const compiled = compileModel(DEFAULT_MODEL);
    const status = (now: number) => scoreCompiled(compiled, helix(now).values, now).criteria.find((c) => c.id === 'recent-funding')!.status;
    expect(status(NOW)).toBe('pass');
    expect(status(later)).toBe('pass');
  });
});

describe('previewModel', () => {
  const accounts = previewAccounts(samples, [
    { key: 'domain:acme.com', facts: { name: { value: 'Acme', source: { kind: 'list' } }, employees: { value: 900, source: { kind: 'list' } }, hqCountry: { value: 'US', source: { kind: 'list' } } } },
  ]);

  it('scores samples and stored accounts with the draft and the saved version', () => {
    const preview = previewModel(DEFAULT_MODEL, DEFAULT_MODEL, accounts, NOW);
    expect(preview.rows).toHaveLength(samples.length + 1);
    expect(preview.rows.at(-1)).toMatchObject({ key: 'domain:acme.com', name: 'Acme', sample: false });
    expect(preview.changed).toEqual([]);
    expect(preview.scoresChanged).toBe(0);
    expect(preview.buckets.map((b) => b.id)).toEqual(['A', 'B', 'C', 'needs-data', 'not-fit']);
    for (const b of preview.buckets) expect(b.before).toBe(b.after);
    expect(preview.buckets.reduce((n, b) => n + b.after, 0)).toBe(accounts.length);
  });

  it('shows the tier distribution and the accounts whose verdict changed', () => {
    const draft = structuredClone(DEFAULT_MODEL);
    // Make the served-market must stricter: only the US.
    const geo = draft.criteria.find((c) => c.id === 'geo-served')!;
    (geo as { value: string[] }).value = ['US'];
    const preview = previewModel(draft, DEFAULT_MODEL, accounts, NOW);
    const brightpath = preview.changed.find((r) => r.key === 'sample:brightpath')!;
    expect(brightpath.before?.verdict).toBe('fit');
    expect(brightpath.after.verdict).toBe('not-fit');
    const notFit = preview.buckets.find((b) => b.id === 'not-fit')!;
    expect(notFit.after).toBeGreaterThan(notFit.before);
    expect(preview.changed.every((r) => r.before!.verdict !== r.after.verdict || r.before!.tier !== r.after.tier)).toBe(true);
  });

  it('has no "before" for a model never saved', () => {
    const preview = previewModel(DEFAULT_MODEL, undefined, accounts, NOW);
    expect(preview.rows.every((r) => r.before === null)).toBe(true);
    expect(preview.changed).toEqual([]);
  });
});
