import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAccountsCsv } from '../../../bench/accounts-csv';
import { runIcp, tempDir } from './run-icp';

/**
 * `icp score --engine duckdb` against the JS path on the same file: the same bytes out (columns, cells, reasons,
 * row order), for both built-in models; Parquet in and out carry the same rows.
 */

const NOW = ['--now', '2025-06-01'];
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows the generator does not write: quotes, separators, non-ASCII text, values that get rejected, blank cells. */
const ODD_ROWS = [
  `"O'Reilly ""Media""",oreilly.com,Software Development,"1,001-5,000",$62M,Deutschland,"Zürich",2015,Series B,,2025-03-01,"Salesforce; Snowflake",Yes,No,2025-09-01,Customer,Ana,"note, with comma"`,
  `東京 株式会社,tokyo.jp,IT Services and IT Consulting,lots,,Atlantis,東京,,,,,,maybe,,,Lead,, leading space`,
  `Back\\slash Co,not a domain,Banking,250,"$10M-$50M",US,Austin,1999,IPO,$1B,2024-12-31,"HubSpot | Slack",no,yes,,SQL,Sam,`,
  // Derived facts: companyType from a public-sector industry, a funding signal from the last funding date alone.
  `City of Springfield,springfield.gov,Government Administration,1200,,US,Springfield,1900,,,2025-05-20,,,,,Lead,,`,
  `Helping Hands,helpinghands.org,Not For Profit,300,,United States,,,,,2025-04-02,Snowflake,,,,,,`,
];

async function duckdbRows(sql: string) {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  return (await db.runAndReadAll(sql)).getRowsJS().map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
}

beforeAll(async () => {
  await writeAccountsCsv(join(dir, 'accounts.csv'), 3000, 11);
  appendFileSync(join(dir, 'accounts.csv'), `${ODD_ROWS.join('\n')}\n`);
}, 60_000);

describe('icp score --engine duckdb', () => {
  it.each(['b2b-saas-sales-led', 'plg-self-serve'])('writes the same CSV as the JS path (model %s)', async (model) => {
    const js = await runIcp(['score', ...NOW, '--model', model, 'accounts.csv', '--out', `js-${model}.csv`], { cwd: dir });
    const duck = await runIcp(['score', ...NOW, '--model', model, '--engine', 'duckdb', 'accounts.csv', '--out', `duck-${model}.csv`], { cwd: dir });
    expect(js.code, js.stderr).toBe(0);
    expect(duck.code, duck.stderr).toBe(0);
    const jsText = readFileSync(join(dir, `js-${model}.csv`), 'utf8');
    const duckText = readFileSync(join(dir, `duck-${model}.csv`), 'utf8');
    expect(jsText.split('\n')).toHaveLength(3000 + ODD_ROWS.length + 2);
    expect(duckText).toBe(jsText);
    // The same summary, and the rejected values reported for the same rows.
    const summary = (stderr: string) => /^scored .*$/m.exec(stderr)?.[0];
    expect(summary(duck.stderr)).toBe(summary(js.stderr));
    expect(duck.stderr).toMatch(/accounts\.csv: row 3002: rejected employees: could not read a headcount: "lots"/);
  }, 60_000);

  it('reads a file as the JS path does: byte order mark, semicolons, repeated and empty headers, a multi-line cell', async () => {
    const odd = tempDir({
      'odd.csv':
        '\ufeffCompany Name;Website;Website;;Number of Employees;Billing Country;Notes\n' +
        'Acme;acme.com;www.acme.com;x;300;Germany;"multi\nline; note"\nGlobex;globex.com;;;40;France;\n',
    });
    const js = await runIcp(['score', ...NOW, 'odd.csv', '--out', 'js.csv'], { cwd: odd });
    const duck = await runIcp(['score', ...NOW, '--engine', 'duckdb', 'odd.csv', '--out', 'duck.csv'], { cwd: odd });
    expect(duck.code, duck.stderr).toBe(0);
    expect(readFileSync(join(odd, 'duck.csv'), 'utf8')).toBe(readFileSync(join(odd, 'js.csv'), 'utf8'));
    expect(duck.stderr).toBe(js.stderr);
    rmSync(odd, { recursive: true, force: true });
  }, 30_000);

  it('writes Parquet, and reads Parquet, with the same rows', async () => {
    const js = await runIcp(['score', ...NOW, 'accounts.csv', '--out', 'js.csv'], { cwd: dir });
    expect(js.code, js.stderr).toBe(0);
    const wanted = Papa.parse<string[]>(readFileSync(join(dir, 'js.csv'), 'utf8'), { skipEmptyLines: true }).data;

    const toParquet = await runIcp(['score', ...NOW, '--engine', 'duckdb', 'accounts.csv', '--out', 'scored.parquet'], { cwd: dir });
    expect(toParquet.code, toParquet.stderr).toBe(0);
    expect(await duckdbRows(`SELECT * FROM read_parquet('${join(dir, 'scored.parquet')}')`)).toEqual(wanted.slice(1));

    // Parquet in: the accounts as a Parquet file (all text, as a CRM export lands in a lake) score as the CSV does.
    await duckdbRows(
      `COPY (SELECT * FROM read_csv('${join(dir, 'accounts.csv')}', header = true, all_varchar = true)) TO '${join(dir, 'accounts.parquet')}' (FORMAT parquet)`,
    );
    const fromParquet = await runIcp(['score', ...NOW, '--engine', 'duckdb', 'accounts.parquet', '--out', 'from-parquet.csv'], { cwd: dir });
    expect(fromParquet.code, fromParquet.stderr).toBe(0);
    expect(readFileSync(join(dir, 'from-parquet.csv'), 'utf8')).toBe(readFileSync(join(dir, 'js.csv'), 'utf8'));
  }, 60_000);

  it('stops with a message naming the file on a malformed row, and refuses stdin', async () => {
    const bad = tempDir({ 'bad.csv': 'Company Name,Number of Employees\nAcme,300\nBroken,12,extra,fields\n' });
    const run = await runIcp(['score', ...NOW, '--engine', 'duckdb', 'bad.csv'], { cwd: bad });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^bad\.csv: .+/m);
    const stdin = await runIcp(['score', '--engine', 'duckdb', '-'], { stdin: 'a\n' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/reads a file, not stdin/);
    rmSync(bad, { recursive: true, force: true });
  }, 30_000);
});
