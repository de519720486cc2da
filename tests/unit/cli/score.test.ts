import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { OUTPUT_COLUMNS } from '../../../lib/csv/output';
import defaultModel from '../../../lib/model/builtin-models/default-model.json';
import { lines, runIcp, tempDir } from './run-icp';

const parseCsv = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

const HEADER = 'Company Name,Website,Number of Employees,Billing Country,Industry,Technologies,Deal Notes';
const NOW = ['--now', '2025-06-01'];

describe('icp score', () => {
  it('keeps every input column in order and appends the five icp_ columns', async () => {
    const csv = [
      HEADER,
      'Acme,acme.com,300,Germany,Software Development,"Salesforce; Snowflake",warm intro',
      'Globex,globex.com,40,France,Retail,,',
    ].join('\n');
    const dir = tempDir({ 'accounts.csv': csv });
    const run = await runIcp(['score', ...NOW, 'accounts.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout);
    expect(rows[0]).toEqual([...HEADER.split(','), ...OUTPUT_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[1].slice(0, 7)).toEqual(['Acme', 'acme.com', '300', 'Germany', 'Software Development', 'Salesforce; Snowflake', 'warm intro']);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(12);
      const [score, tier, verdict, confidence] = row.slice(7);
      expect(Number(score)).toBeGreaterThanOrEqual(0);
      expect(['fit', 'not-fit', 'needs-data']).toContain(verdict);
      expect(Number(confidence)).toBeGreaterThanOrEqual(0);
      if (verdict !== 'fit') expect(tier).toBe('');
    }
    // Acme passes both musts (201-5,000 employees, served country) and scores on industry and technologies, but
    // under the fit minimum with most facts unknown: it needs data, and says what it could reach.
    expect(rows[1][9]).toBe('needs-data');
    expect(rows[1][11]).toMatch(/below the fit minimum 40 \(could reach \d+\)/);
    expect(rows[1][11]).toMatch(/\(\+\d+\) \|/);
    // No output cell of ours starts like a spreadsheet formula.
    for (const row of rows.slice(1)) for (const cell of row.slice(-5)) expect(cell).not.toMatch(/^[+\-=@]/);
    // Globex (40 employees) fails a firmographic must.
    expect(rows[2][9]).toBe('not-fit');
    expect(run.stderr).toMatch(/^scored 2 rows \(0 fit, 1 not-fit, 1 needs-data\); 0 rows with problems$/m);
  }, 30_000);

  it('reports a malformed row with its line number and still writes it, as needs-data without a score', async () => {
    const csv = [HEADER, 'Acme,acme.com,300,Germany,Software Development,Salesforce,', 'Broken,broken.com,12', 'Globex,globex.com,40,France,Retail,,'].join('\n');
    const dir = tempDir({ 'accounts.csv': csv });
    const run = await runIcp(['score', ...NOW, 'accounts.csv', '--out', 'scored.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^accounts\.csv:3: expected 7 fields \(as in the header\), found 3$/m);
    const rows = parseCsv(readFileSync(join(dir, 'scored.csv'), 'utf8'));
    expect(rows.map((r) => r[0])).toEqual(['Company Name', 'Acme', 'Broken', 'Globex']);
    const broken = rows[2];
    expect(broken).toHaveLength(12); // padded to the header's width
    expect(broken.slice(7)).toEqual(['', '', 'needs-data', '', 'expected 7 fields (as in the header), found 3']);
    expect(run.stderr).toMatch(/scored 3 rows \(.*2 needs-data\); 1 rows with problems/);
  }, 30_000);

  it('counts the lines of quoted multi-line fields, so later line numbers stay right', async () => {
    const csv = [
      HEADER,
      'Acme,acme.com,300,Germany,Software Development,Salesforce,"line one',
      'line two, with a comma',
      'line three"',
      'Broken,broken.com',
      '',
      'Initech,initech.com,"1,200",US,"Financial Services","HubSpot,',
      'Snowflake",x,too,many',
    ].join('\r\n');
    const dir = tempDir({ 'accounts.csv': csv });
    const run = await runIcp(['score', ...NOW, 'accounts.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^accounts\.csv:5: expected 7 fields \(as in the header\), found 2$/m);
    // A quoted line break in a row that then has 9 fields is taken for a stray quote: each line is read, and reported.
    expect(run.stderr).toMatch(/^accounts\.csv:7: field 6: a quote opens a cell that runs over 1 line \(9 fields where the header has 7\); read this line alone$/m);
    expect(run.stderr).toMatch(/^accounts\.csv:8: expected 7 fields \(as in the header\), found 4$/m);
    const rows = parseCsv(run.stdout);
    expect(rows).toHaveLength(5);
    expect(rows[1][6]).toBe('line one\r\nline two, with a comma\r\nline three'); // the multi-line value is kept
    expect(rows[1][9]).not.toBe('');
    expect(rows[3].slice(0, 6)).toEqual(['Initech', 'initech.com', '1,200', 'US', 'Financial Services', 'HubSpot,']);
    expect(rows[4]).toHaveLength(12); // a short row is padded to the header, written as needs-data
    expect(rows[4][11]).toBe('expected 7 fields (as in the header), found 4');
  }, 30_000);

  it('writes every row of a 1,000-row file with a stray quote in row 10, reporting that row by line (issue 15)', async () => {
    const rows = [HEADER];
    for (let i = 1; i <= 1000; i++)
      rows.push(i === 10 ? 'Acme,"acme" inc.com,250,US,Software,Salesforce,' : `Company ${i},company${i}.com,${i},US,Software,HubSpot,`);
    const dir = tempDir({ 'accounts.csv': `${rows.join('\n')}\n` });
    const run = await runIcp(['score', ...NOW, 'accounts.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    const out = parseCsv(run.stdout);
    expect(out).toHaveLength(1001);
    expect(out[1000][0]).toBe('Company 1000');
    expect(out[10].slice(0, 2)).toEqual(['Acme', 'acme inc.com']);
    expect(run.stderr).toMatch(/^accounts\.csv:11: field 2: text after a closing quote/m);
    expect(run.stderr).toMatch(/scored 1000 rows/);
  }, 30_000);

  it('rejects an absurd value per fact: the row is scored on its other facts, the problem is in the reasons', async () => {
    const csv = [HEADER, 'Acme,acme.com,999999999999,Germany,Software Development,Salesforce,'].join('\n');
    const dir = tempDir({ 'accounts.csv': csv });
    const run = await runIcp(['score', ...NOW, 'accounts.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^accounts\.csv:2: rejected employees: .*999999999999/m);
    const [, row] = parseCsv(run.stdout);
    const [score, , verdict, , reasons] = row.slice(7);
    expect(verdict).toBe('needs-data'); // the employees must is unknown now, not failed
    expect(Number(score)).toBeGreaterThan(0); // industry and CRM still count
    expect(reasons).toMatch(/Core industry/);
    expect(reasons).toMatch(/rejected employees: /);
    expect(run.stderr).toMatch(/; 1 rows with problems/);
  }, 30_000);

  it('handles a UTF-8 byte order mark and semicolon-separated exports', async () => {
    const csv = '\uFEFFCompany Name;Number of Employees;Billing Country\nMüller GmbH;300;Deutschland\n';
    const dir = tempDir({ 'accounts.csv': csv });
    const run = await runIcp(['score', ...NOW, 'accounts.csv'], { cwd: dir });
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout);
    expect(rows[0][0]).toBe('Company Name');
    expect(rows[1][0]).toBe('Müller GmbH');
    expect(run.stderr).toMatch(/columns: 3 mapped to facts, 0 kept as custom facts\n/);
  }, 30_000);

  it('uses --model and --now: date criteria follow the given day', async () => {
    const model = structuredClone(defaultModel) as Record<string, any>;
    model.criteria = [
      { id: 'renewal', dimension: 'relationship', label: 'Renewal soon', kind: 'score', points: 10, field: 'contractRenewalDate', op: 'withinNextDays', value: 90 },
    ];
    model.dimensions = { firmographic: 0, technographic: 0, behavioural: 0, relationship: 1 };
    const dir = tempDir({
      'model.json': JSON.stringify(model),
      'accounts.csv': 'Name,Contract Renewal Date\nAcme,2025-07-01\n',
    });
    const soon = parseCsv((await runIcp(['score', '-m', 'model.json', '--now', '2025-06-01', 'accounts.csv'], { cwd: dir })).stdout);
    const later = parseCsv((await runIcp(['score', '-m', 'model.json', '--now', '2024-01-01', 'accounts.csv'], { cwd: dir })).stdout);
    expect(soon[1].slice(2, 5)).toEqual(['100', 'A', 'fit']);
    expect(later[1][2]).toBe('0');
  }, 30_000);

  it('reads stdin with "-"', async () => {
    const run = await runIcp(['score', ...NOW, '-'], { stdin: `${HEADER}\nAcme,acme.com,300,Germany,Software Development,Salesforce,\n` });
    expect(run.code).toBe(0);
    expect(parseCsv(run.stdout)).toHaveLength(2);
  }, 30_000);

  it('exit 1 on an invalid model or a missing file, 2 on usage errors', async () => {
    const dir = tempDir({ 'bad.json': '{"format": "nope"}', 'accounts.csv': `${HEADER}\n` });
    const bad = await runIcp(['score', '--model', 'bad.json', 'accounts.csv'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.json: format: /m);
    expect((await runIcp(['score', 'missing.csv'], { cwd: dir })).code).toBe(1);
    expect((await runIcp(['score'], { cwd: dir })).code).toBe(2);
    expect((await runIcp(['score', '--now', 'someday', 'accounts.csv'], { cwd: dir })).code).toBe(2);
    const empty = await runIcp(['score', '-'], { cwd: dir, stdin: '' });
    expect(empty.code).toBe(1);
    expect(lines(empty.stderr)[0]).toMatch(/empty/);
  }, 30_000);

  it('prints the column mapping with the rows each column was read from; --map overrides, --quiet hides it', async () => {
    const csv = ['Acct,Web Address,# Employees,City,First Name,Email', 'Acme,acme.com,300,Berlin,Ana,ana@acme.com', 'Globex,,40,,Tom,tom@globex.com'].join('\n');
    const dir = tempDir({ 'people.csv': csv });
    const refused = await runIcp(['score', ...NOW, 'people.csv'], { cwd: dir });
    // No column names the company (the City of a people export is the person's): one error, not one per row.
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(lines(refused.stderr).filter((l) => /no column names the company/.test(l))).toHaveLength(1);
    expect(refused.stderr).toMatch(/people\.csv: no column names the company \(a people export.*\): looked for a website or domain.*headers seen: "Acct", "Web Address", "# Employees", "City", "First Name", "Email"/);
    expect(refused.stderr).toMatch(/City +→ custom\.person_city \(person\)/);

    const run = await runIcp(['score', ...NOW, 'people.csv', '--map', 'Web Address=domain', '--map', 'Acct=name'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^column mapping \(looks like: people list\):$/m);
    expect(run.stderr).toMatch(/^  Web Address +→ domain \[mapped by you\]  1\/2 rows$/m);
    expect(run.stderr).toMatch(/^  # Employees +→ employees  2\/2 rows$/m);
    expect(run.stderr).toMatch(/^  City +→ custom\.person_city \(person\)  1\/2 rows$/m);
    expect(parseCsv(run.stdout)).toHaveLength(3);

    const quiet = await runIcp(['score', ...NOW, '-q', 'people.csv', '--map', 'Web Address=domain'], { cwd: dir });
    expect(quiet.stderr).not.toMatch(/column mapping/);
    const typo = await runIcp(['score', ...NOW, 'people.csv', '--map', 'Web Adress=domain'], { cwd: dir });
    expect(typo.code).toBe(1);
    expect(typo.stderr).toMatch(/"Web Adress" \(mapped to domain\) is not a header of the file/);
    const bad = await runIcp(['score', ...NOW, 'people.csv', '--map', 'Web Address=website'], { cwd: dir });
    expect(bad.code).toBe(2);
  }, 60_000);
});
