import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../../lib/mapping';
import { readCsv } from '../../../lib/builder/csv';
import { parseOutcomesCsv, parseProspectsCsv, readMargin, readMoney, readStage } from '../../../lib/builder/outcomes';

const HEADER =
  'Account Name,Website,Industry,Sub-Industry,Number of Employees,Billing Country,Technologies,Opportunity Stage,Close Date,Initial ARR,Current ARR,Churn Date,Gross Margin';

describe('parseOutcomesCsv', () => {
  it('reads a CRM export: headers, currency strings, normalised facts', () => {
    const csv = [
      HEADER,
      'Acme CU,https://www.acme-cu.org/about,Financial Services,Credit Unions,"1,250",United States,"SFDC; Snowflake",Closed Won,2023-04-17,"$114,300.00","$150,000.00",,78%',
      'Beta Insurance,beta.com,Financial Services,Insurance,201-500,UK,HubSpot,Closed Lost,4/2/2023,"$20,000.00",,,',
    ].join('\n');
    const parsed = parseOutcomesCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.bad).toEqual([]);
    expect(parsed.rows).toBe(2);
    const [acme, beta] = parsed.records;
    expect(acme).toMatchObject({
      line: 2,
      stage: 'won',
      closeDate: '2023-04-17',
      initialArr: 114300,
      currentArr: 150000,
      grossMargin: 0.78,
    });
    expect(acme.facts).toMatchObject({
      name: 'Acme CU',
      domain: 'acme-cu.org',
      industry: 'Financial Services',
      subIndustry: 'Credit Unions',
      employees: 1250,
      hqCountry: 'US',
      technologies: ['Salesforce', 'Snowflake'],
    });
    expect(beta).toMatchObject({ line: 3, stage: 'lost', closeDate: '2023-04-02', initialArr: 20000 });
    expect(beta.facts).toMatchObject({ employees: { min: 201, max: 500 }, hqCountry: 'GB', subIndustry: 'Insurance' });
    expect(parsed.columns.initialArr).toBe('Initial ARR');
  });

  it('maps headers case-insensitively and falls back to "Stage" and "Amount"', () => {
    const csv = 'ACCOUNT NAME,stage,close_date,amount,churn date\nA,Closed Won,2023-01-01,"$1,000.00",\n';
    const parsed = parseOutcomesCsv(csv);
    expect(parsed.columns).toMatchObject({ name: 'ACCOUNT NAME', stage: 'stage', closeDate: 'close_date', initialArr: 'amount' });
    expect(parsed.records[0]).toMatchObject({ stage: 'won', initialArr: 1000 });
  });

  it('takes a mapping override for any column, and rejects an override naming a missing header', () => {
    const csv = 'Company,Deal Phase,Closed,ACV (USD)\nA,Won,2023-01-01,500\n';
    const parsed = parseOutcomesCsv(csv, { overrides: { 'deal phase': 'stage', Closed: 'closeDate', 'ACV (USD)': 'initialArr' } });
    expect(parsed.errors).toEqual([]);
    expect(parsed.records[0]).toMatchObject({ stage: 'won', initialArr: 500, facts: { name: 'A' } });
    const wrong = parseOutcomesCsv(csv, { overrides: { 'Stage Name': 'stage' } });
    expect(wrong.errors.join()).toMatch(/"Stage Name" \(mapped to stage\) is not a header of the file/);
    expect(wrong.records).toEqual([]);
  });

  it('refuses a file without the outcome columns with one error naming the headers seen and what was looked for', () => {
    const parsed = parseOutcomesCsv('Account Name,Industry\nA,Banking\nB,Retail\n');
    expect(parsed.records).toEqual([]);
    expect(parsed.bad).toEqual([]);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatch(/stage \(looked for "Deal Stage", "Opportunity Stage"/);
    expect(parsed.errors[0]).toMatch(/initialArr \(looked for "Amount"/);
    expect(parsed.errors[0]).toMatch(/headers seen: "Account Name", "Industry"/);
  });

  it('reports bad rows by line number (quoted line breaks included), counts them, and keeps them out', () => {
    const csv = [
      'Account Name,Stage,Close Date,Amount,Current ARR,Churn Date',
      '"Multi\nline name",Closed Won,2023-01-01,100,120,', // lines 2-3, fine
      'No stage,,2023-01-01,100,,', // line 4
      'Bad date,Closed Won,someday,100,,', // line 5
      '',
      'No ARR,Closed Won,2023-01-01,,,', // line 7
      'Bad current,Closed Won,2023-01-01,100,lots,', // line 8
      'Churn before close,Closed Won,2023-01-01,100,,2022-06-01', // line 9
      'Lost without amount,Closed Lost,2023-01-01,,,', // line 10, fine: lost deals need no ARR
      'Open,Negotiation,,100,,', // line 11, fine: open
    ].join('\n');
    const parsed = parseOutcomesCsv(csv);
    expect(parsed.rows).toBe(8);
    expect(parsed.bad.map((b) => b.line)).toEqual([4, 5, 7, 8, 9]);
    expect(parsed.bad[0].message).toMatch(/no opportunity stage/);
    expect(parsed.bad[1].message).toMatch(/"someday" is not a date/);
    expect(parsed.bad[2].message).toMatch(/needs an initial ARR/);
    expect(parsed.bad[3].message).toMatch(/"lots" is not an amount/);
    expect(parsed.bad[4].message).toMatch(/before the close date/);
    expect(parsed.records.map((r) => [r.line, r.stage])).toEqual([
      [2, 'won'],
      [10, 'lost'],
      [11, 'open'],
    ]);
  });

  it('keeps a row whose company facts do not read, with a warning', () => {
    const csv = 'Account Name,Stage,Close Date,Amount,Number of Employees,Billing Country\nA,Closed Won,2023-01-01,100,lots,Atlantis\n';
    const parsed = parseOutcomesCsv(csv);
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0].facts.employees).toBeUndefined();
    expect(parsed.warnings.map((w) => w.line)).toEqual([2, 2]);
    expect(parsed.warnings.map((w) => w.message).join()).toMatch(/employees/);
  });

  it('derives the margin from cost to serve when there is no gross margin', () => {
    const csv = 'Account Name,Stage,Close Date,Initial ARR,Current ARR,Cost to Serve\nA,Closed Won,2023-01-01,"$1,000.00","$2,000.00",$500\n';
    expect(parseOutcomesCsv(csv).records[0].grossMargin).toBeCloseTo(0.75, 12);
  });
});

describe('cell readers', () => {
  it('reads stages', () => {
    expect(readStage('Closed Won')).toBe('won');
    expect(readStage('closed-won')).toBe('won');
    expect(readStage('Closed Lost')).toBe('lost');
    expect(readStage('Proposal')).toBe('open');
    expect(readStage('')).toBeUndefined();
  });
  it('reads money and margins', () => {
    expect(readMoney('$114,300.00')).toBe(114300);
    expect(readMoney('-5')).toBeUndefined();
    expect(readMoney('€1.234,50', 'de-DE')).toBe(1234.5);
    expect(readMargin('78%')).toBeCloseTo(0.78, 12);
    expect(readMargin('0.78')).toBeCloseTo(0.78, 12);
    expect(readMargin('78')).toBeCloseTo(0.78, 12);
    expect(readMargin('n/a')).toBeUndefined();
  });
});

describe('readCsv and the mapping', () => {
  it('numbers rows by the line they start on, skipping blank lines, with a BOM', () => {
    const { headers, rows } = readCsv('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n  \r\n2,3\r\n');
    expect(headers).toEqual(['a', 'b']);
    expect(rows.map((r) => r.line)).toEqual([2, 6]);
  });
  it('uses each header once, most specific alias first', () => {
    const columns = mapColumns(['Amount', 'Initial ARR', 'Current ARR']);
    expect(columns.map((c) => c.outcome)).toEqual([undefined, 'initialArr', 'currentArr']);
  });
});

describe('parseProspectsCsv', () => {
  it('reads company columns only', () => {
    const parsed = parseProspectsCsv('Account Name,Sub-Industry,Billing Country\nP1,Credit Unions,Canada\nP2,Insurance,France\n');
    expect(parsed.accounts).toHaveLength(2);
    expect(parsed.accounts[0]).toMatchObject({ name: 'P1', subIndustry: 'Credit Unions', industry: 'Financial Services', hqCountry: 'CA' });
  });
});
