import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModel, evaluate, reasonsOf, scoreBest } from '../../../lib/engine/score';
import { BUILTIN_MODELS } from '../../../lib/model/builtin';
import type { IcpModel } from '../../../lib/model/schema';
import { modelColumns, modelsToSql, REASON_SEPARATOR } from '../../../lib/sql/query';
import type { DialectName } from '../../../lib/sql/dialect';
import { cellsOf, duckdbWith, pgliteWith, tableColumns, type Engine } from './engines';
import { ACCOUNT_FIELDS, NOW, randomAccount, randomModel, randomOf } from './random-accounts';

/**
 * The generated SQL against the JS engine, on real embedded databases: for thousands of random accounts, every
 * score, tier, verdict, confidence, reason text and criterion status must be the engine's.
 */

const ACCOUNTS = 2500;
const r = randomOf(20251130);
const accounts = Array.from({ length: ACCOUNTS }, () => randomAccount(r));
const MODELS: IcpModel[] = [...BUILTIN_MODELS, randomModel(r, 'random-1'), randomModel(r, 'random-2'), randomModel(r, 'random-3')];

/** What the engine says about each account, in the SQL's terms. */
function expected(model: IcpModel) {
  const compiled = compileModel(model);
  const columns = modelColumns(model, 'icp_');
  return accounts.map((values) => {
    const e = evaluate(compiled, values, NOW);
    const row: Record<string, unknown> = {
      icp_score: e.score,
      icp_tier: e.tier,
      icp_verdict: e.verdict,
      icp_confidence: e.confidence,
      icp_reasons: reasonsOf(compiled, e).join(REASON_SEPARATOR),
    };
    columns.statuses.forEach((s, i) => (row[s.column] = ['pass', 'fail', 'unknown'][e.statuses[i]]));
    return row;
  });
}

const normalise = (row: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, typeof row[k] === 'bigint' ? Number(row[k]) : row[k]]));

/** Compares row by row, reporting the first few differences with the account that caused them. */
function expectSame(actual: Record<string, unknown>[], wanted: Record<string, unknown>[]) {
  expect(actual).toHaveLength(wanted.length);
  const keys = Object.keys(wanted[0]);
  const diffs: unknown[] = [];
  for (let i = 0; i < wanted.length && diffs.length < 3; i++) {
    const got = normalise(actual[i], keys);
    if (JSON.stringify(got) !== JSON.stringify(wanted[i])) diffs.push({ account: accounts[i], got, wanted: wanted[i] });
  }
  expect(diffs).toEqual([]);
}

const ordered = (sql: string) => `SELECT * FROM (${sql}) AS scored ORDER BY row_id`;

describe.each<[DialectName, typeof duckdbWith]>([
  ['duckdb', duckdbWith],
  ['postgres', pgliteWith],
])('the model as SQL on %s equals the JS engine', (dialect, open) => {
  let db: Engine;
  beforeAll(async () => {
    const columns = tableColumns(ACCOUNT_FIELDS);
    db = await open(columns, accounts.map((a) => cellsOf(ACCOUNT_FIELDS, a)));
  }, 60_000);
  afterAll(() => db?.close());

  it.each(MODELS.map((m) => [m.id, m] as const))('model %s: every score, tier, verdict, confidence, reason and status', async (_, model) => {
    const rows = await db.query(ordered(modelsToSql([model], { dialect, now: NOW })));
    expectSame(rows, expected(model));
  }, 60_000);

  it('the best of several models is the one scoreBest picks', async () => {
    const models = [MODELS[0], MODELS[1], MODELS[2]];
    const compiled = models.map(compileModel);
    const rows = await db.query(ordered(modelsToSql(models, { dialect, now: NOW })));
    const wanted = accounts.map((values) => {
      const { best } = scoreBest(compiled, values, NOW);
      return {
        icp_model: best.modelId,
        icp_score: best.score,
        icp_tier: best.tier,
        icp_verdict: best.verdict,
        icp_confidence: best.confidence,
        icp_reasons: best.reasons.join(REASON_SEPARATOR),
      };
    });
    expectSame(rows, wanted);
  }, 60_000);

  it('the random accounts reach every status and verdict (the comparison is not vacuous)', async () => {
    const rows = await db.query(ordered(modelsToSql([MODELS[2]], { dialect, now: NOW })));
    const seen = new Set(rows.flatMap((row) => Object.entries(row).filter(([k]) => k.startsWith('icp_status_')).map(([, v]) => v)));
    expect([...seen].sort()).toEqual(['fail', 'pass', 'unknown']);
    const verdicts = new Set(MODELS.flatMap((m) => expected(m).map((e) => e.icp_verdict)));
    expect([...verdicts].sort()).toEqual(['fit', 'needs-data', 'not-fit']);
    // The new branches: lists of derived signals only (hasSignal's unknown), and the below-minimum reason.
    const derivedOnly = accounts.filter((a) => Array.isArray(a.signals) && a.signals.length > 0 && a.signals.every((x) => x.from));
    expect(derivedOnly.length).toBeGreaterThan(50);
    const reasons = MODELS.flatMap((m) => expected(m).map((e) => String(e.icp_reasons)));
    expect(reasons.filter((t) => t.includes('below the fit minimum')).length).toBeGreaterThan(50);
  }, 60_000);
});
