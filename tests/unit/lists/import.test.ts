import { describe, expect, it } from 'vitest';
import { readAccountList, unreadableLines } from '../../../lib/lists/import';

const CSV = `Account Name,Website,Number of Employees,Technologies,Champion Identified,Region Owner
Tidewater Renewables,https://www.tidewater-renewables.com,"1,001-5,000","Salesforce; Snowflake",yes,Dana
No Domain Ltd,,51-200,,,
Broken Size Inc,broken.example,lots,,no,Sam
`;

describe('readAccountList', () => {
  it('reads accounts keyed by domain with list-sourced facts, and reports every row it cannot use', () => {
    const { accounts, problems } = readAccountList(CSV, 'q4-list.csv', '2026-11-23T00:00:00.000Z');
    expect(accounts.map((a) => a.domain)).toEqual(['tidewater-renewables.com', 'broken.example']);
    const tidewater = accounts[0].facts;
    expect(tidewater.technologies).toEqual({ value: ['Salesforce', 'Snowflake'], source: { kind: 'list', detail: 'q4-list.csv', at: '2026-11-23T00:00:00.000Z' } });
    expect(tidewater.championIdentified?.value).toBe(true);
    expect(tidewater['custom.region_owner']?.value).toBe('Dana');
    // The bad headcount is reported; the row keeps its other facts.
    expect(accounts[1].facts.championIdentified?.value).toBe(false);
    expect(accounts[1].facts.employees).toBeUndefined();
    expect(problems).toEqual([
      { line: 3, message: expect.stringMatching(/no readable website or domain/) },
      { line: 4, message: expect.stringMatching(/^employees: /) },
    ]);
  });

  it('says so when the file is empty', () => {
    expect(readAccountList('', 'x.csv', '2026-01-01').problems).toEqual([{ line: 1, message: 'the file is empty' }]);
  });

  it('refuses a file without a website or domain column with one error naming its headers, not one per row', () => {
    const csv = ['Account Name,Employees,Billing Country', ...Array.from({ length: 410 }, (_, i) => `Acme ${i},300,Germany`)].join('\n');
    const { accounts, problems } = readAccountList(csv, 'crm.csv', '2026-01-01');
    expect(accounts).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0].line).toBe(1);
    expect(problems[0].message).toMatch(/no column names the company: looked for a website or domain column .*headers seen: "Account Name", "Employees", "Billing Country"/);
  });

  it('takes overrides: a column the mapping did not know becomes the domain', () => {
    const csv = 'Account Name,Web Address\nAcme,acme.com\n';
    const { accounts, mapping } = readAccountList(csv, 'crm.csv', '2026-01-01', { 'web address': 'domain' });
    expect(accounts.map((a) => a.domain)).toEqual(['acme.com']);
    expect(mapping?.columns[1]).toMatchObject({ fact: 'domain', overridden: true });
  });

  it('says exactly which rows it could not read and imports every other row (issue 15)', () => {
    const rows = ['Account Name,Website,Industry,Employees,Country'];
    for (let i = 1; i <= 1000; i++) rows.push(i === 10 ? 'Acme,"acme" inc.com,Software,250,US' : i === 500 ? 'Open,"open.com,Software,9,US' : `Co ${i},co${i}.com,Software,${i},US`);
    const { accounts, problems } = readAccountList(`${rows.join('\n')}\n`, 'big.csv', '2026-11-23T00:00:00.000Z');
    expect(accounts).toHaveLength(998);
    expect(accounts.at(-1)?.domain).toBe('co1000.com');
    expect(unreadableLines(problems)).toEqual([11, 501]);
    expect(problems.find((p) => p.line === 11)?.message).toMatch(/^could not read this row: field 2: text after a closing quote .*; not imported$/);
  });
});
