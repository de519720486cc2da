import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../../lib/model/builtin';
import { DIALECTS, type DialectName } from '../../../lib/sql/dialect';
import { modelsToSql } from '../../../lib/sql/query';
import { NOW, randomModel, randomOf } from './random-accounts';

/**
 * Snowflake and BigQuery cannot run here: their SQL is kept as golden files (tests/fixtures/sql), reviewed by hand
 * against each warehouse's documentation (see docs/sql.md), and must keep the shape of the SQL that the
 * differential tests run on DuckDB and Postgres. UPDATE_GOLDEN=1 rewrites the files after a reviewed change.
 */

const DIR = join(__dirname, '../../fixtures/sql');
const CASES: [string, () => string[]][] = [
  ['b2b-saas-sales-led', () => ['b2b-saas-sales-led']],
  ['plg-self-serve', () => ['plg-self-serve']],
  ['best-of-two', () => ['b2b-saas-sales-led', 'plg-self-serve']],
];
const modelsOf = (ids: string[]) => ids.map((id) => BUILTIN_MODELS.find((m) => m.id === id)!);

describe.each(['snowflake', 'bigquery'] as DialectName[])('%s SQL', (dialect) => {
  it.each(CASES)('%s equals its reviewed golden file', (name, ids) => {
    const sql = `${modelsToSql(modelsOf(ids()), { dialect, now: NOW, table: 'crm.accounts' })};\n`;
    const file = join(DIR, `${name}.${dialect}.sql`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, sql);
    expect(sql).toBe(readFileSync(file, 'utf8'));
  });
});

/**
 * The query's shape with the dialect's spelling taken out: its steps, the columns each adds, and how many CASE
 * branches it has. Equal shapes mean the untested dialects decide with the same logic as the tested ones.
 */
function shape(sql: string) {
  const steps = [...sql.matchAll(/^(?:WITH )?(\w+) AS (?:MATERIALIZED )?\($/gm)].map((m) => m[1]);
  const columns = [...sql.matchAll(/ AS [`"]?(icp_\w+)[`"]?(?:,|\n|$)/g)].map((m) => m[1]);
  const branches = (sql.match(/\bWHEN\b/g) ?? []).length;
  return { steps, columns, branches };
}

describe('every dialect has the same query shape', () => {
  const r = randomOf(7);
  const models = [...BUILTIN_MODELS, randomModel(r, 'shape-random')];
  it.each(models.map((m) => [m.id, m] as const))('model %s', (_, model) => {
    const [first, ...rest] = DIALECTS.map((dialect) => shape(modelsToSql([model], { dialect, now: NOW })));
    expect(first.columns.length).toBeGreaterThan(5);
    for (const s of rest) expect(s).toEqual(first);
  });
  it('several models', () => {
    const [first, ...rest] = DIALECTS.map((dialect) => shape(modelsToSql(models, { dialect })));
    for (const s of rest) expect(s).toEqual(first);
  });
});
