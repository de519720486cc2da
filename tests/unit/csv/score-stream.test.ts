import { Readable, Writable } from 'node:stream';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/accounts';
import { mapColumns } from '../../../lib/mapping';
import { rowFacts } from '../../../lib/csv/row';
import { createRowNormaliser } from '../../../lib/csv/row-cache';
import { scoreCsvStream, type ScoreCsvSummary } from '../../../lib/csv/score-stream';
import { csvRow } from '../../../lib/csv/write';
import { compileModel, type CompiledModel } from '../../../lib/engine/score';
import { BUILTIN_MODELS } from '../../../lib/model/builtin';
import type { IcpModel } from '../../../lib/model/schema';
import { makeModel } from '../engine/helpers';
import * as referenceEngine from '../engine/reference/score';
import { scoreCsvStream as referenceScoreCsvStream } from './reference/score-stream';

/**
 * The fast `icp score` pipeline (remembered normalisation, engine slots, compact evaluation, own CSV writer) must
 * write byte for byte what the pipeline before it wrote (./reference), and report the same problems on the same
 * lines, on a CSV with every kind of trouble: bad values in many columns, values only the zod checks refuse,
 * locations and industries that fill other facts in, quoted line breaks, malformed rows and blank lines.
 */

const HEADERS = [
  'Company Name', 'Website', 'Industry', 'Sub-Industry', 'Number of Employees', 'Annual Revenue', 'Country', 'City',
  'State', 'Location', 'Year Founded', 'Company Type', 'Last Funding Type', 'Total Funding', 'Last Funding Date',
  'Technologies', 'Champion Identified', 'Budget Owner Known', 'Open to Pilot', 'Contract Renewal Date',
  'Lifecycle Stage', 'Owner', 'Deal Size', 'Domain', 'LinkedIn URL', 'Notes', 'Growth 6m', 'Employee Growth 6m',
];

const CHOICES: Record<string, readonly string[]> = {
  Industry: ['Software Development', 'Financial Services', 'Banking', 'Credit Unions', 'Insurance', 'Retail', 'computer software', 'Underwater Basket Weaving', '  ', ''],
  'Sub-Industry': ['Credit Unions', 'Regional Banks', 'Insurance', 'data infrastructure and analytics', '', ''],
  'Number of Employees': ['11-50', '51-200', '201-500', '1,001-5,000', '10,001+', '250', '1200', 'lots', '-5', '9999999999', '', ' 300 '],
  'Annual Revenue': ['$12,000,000', '5M', '€5M', '$250M', '1.2B', 'n/a', '$10M-$50M', '', '45000000'],
  Country: ['United States', 'US', 'Germany', 'United Kingdom', 'Narnia', 'France', '', 'Austin, TX, USA', 'de'],
  City: ['Austin', 'Berlin', 'London', '', 'São Paulo', '  '],
  State: ['TX', 'Bavaria', '', 'CA'],
  Location: ['Austin, TX, USA', 'Berlin, Germany', 'Paris', 'nowhere at all', '', '', 'Portland, Oregon'],
  'Year Founded': ['2009', '1999', '1066', '3000', 'last year', '', '2020'],
  'Company Type': ['Private', 'Public Company', 'Nonprofit', 'Government Agency', 'weird', ''],
  'Last Funding Type': ['Seed', 'Series A', 'Series B', 'Series Z', 'IPO', 'Debt Financing', ''],
  'Total Funding': ['$5,000,000', '$1,000,000,000', '$10M-$50M', '€3M', 'plenty', ''],
  'Last Funding Date': ['2024-03-01', '2025-02-30', '03/05/2024', '2025-13-01', 'yesterday', '', '2019-12-31'],
  Technologies: ['Salesforce; Snowflake', 'HubSpot, dbt', 'SFDC', `Slack; ${'x'.repeat(150)}`, 'Tableau|Looker', '', ';;'],
  'Champion Identified': ['Yes', 'No', 'maybe', 'TRUE', '', '1'],
  'Budget Owner Known': ['yes', 'no', '', 'perhaps'],
  'Open to Pilot': ['true', 'false', '', 'Y'],
  'Contract Renewal Date': ['2025-09-01', '2026-01-15', 'soon', '', '2025-06-02'],
  'Lifecycle Stage': ['Lead', 'MQL', 'Customer', 'Zombie', ''],
  Owner: ['Ana', 'Ben', '', ` ${'y'.repeat(400)}`],
  'Deal Size': ['5000', '250,000', 'big', '', '12.5'],
  Domain: ['acme.com', 'not a domain', ''],
  'LinkedIn URL': ['https://www.linkedin.com/company/acme', 'ftp://x', 'linkedin', ''],
  Notes: ['Met at SaaStr, "warm" intro', 'line one\nline two', '', 'call back\r\nnext week', `${'z'.repeat(1200)}`],
  'Growth 6m': ['12%', '-3', 'up', ''],
  'Employee Growth 6m': ['12%', '-3', 'up', '', '250%'],
};

const SOURCE = { kind: 'list' as const, detail: 'accounts.csv' };

/** The choices each column's fact accepts on its own: a file made of these has mostly clean rows. */
const GOOD_CHOICES: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(CHOICES).map(([header, values]) => {
    const columns = mapColumns([header]);
    return [header, values.filter((v) => rowFacts(columns, [v], SOURCE).problems.length === 0)];
  }),
);

/**
 * A varied CSV: mostly repeated values (so they are remembered), unique names and domains, some broken rows.
 * `badRate`: how often a cell may hold a value with a problem.
 */
function variedCsv(rows: number, seed: number, badRate = 1): string {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const lines = [csvRow(HEADERS)];
  for (let i = 0; i < rows; i++) {
    const cells = HEADERS.map((h) => {
      if (h === 'Company Name') return rnd() < 0.01 * badRate ? `Big ${'n'.repeat(320)} ${i}` : `Company ${i}`;
      if (h === 'Website') return rnd() < 0.02 * badRate ? `bad site ${i}` : `company${i}.com`;
      return pick(rnd() < badRate ? CHOICES[h] : GOOD_CHOICES[h]);
    });
    if (rnd() < 0.01) cells.pop(); // a short row
    if (rnd() < 0.01) cells.push('extra', 'cells'); // a long row
    // A row of the wrong width keeps its cells on one line: a quoted line break in such a row is read as a stray
    // quote, line by line (lib/csv/records.ts), where papaparse (the reference) reads one record.
    lines.push(csvRow(cells.length === HEADERS.length ? cells : cells.map((c) => c.replace(/\r?\n/g, ' '))));
    if (rnd() < 0.01) lines.push(''); // a blank line
  }
  // One line break throughout: with CRLF lines and a final bare LF, papaparse keeps that LF inside the last cell,
  // where the record reader (like Python's csv module) ends the line.
  const nl = rnd() < 0.5 ? '\n' : '\r\n';
  return `${lines.join(nl)}${nl}`;
}

class Collect extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

/** What both pipelines report (ours adds the mapping and per-column counts for the command line). */
type Run = { text: string; problems: string[]; summary: Pick<ScoreCsvSummary, 'rows' | 'verdicts' | 'malformed' | 'rowsWithProblems' | 'columns'> };

async function ours(csv: string, compiled: CompiledModel, rememberValues: boolean): Promise<Run> {
  const output = new Collect();
  const problems: string[] = [];
  const summary = await scoreCsvStream({
    input: Readable.from([csv]),
    output,
    compiled,
    now: Date.UTC(2025, 5, 1),
    fileName: 'accounts.csv',
    onProblem: (line, message) => problems.push(`${line}: ${message}`),
    rememberValues,
  });
  const { rows, verdicts, malformed, rowsWithProblems, columns } = summary;
  return { text: output.text, problems, summary: { rows, verdicts, malformed, rowsWithProblems, columns } };
}

async function theirs(csv: string, model: IcpModel): Promise<Run> {
  const output = new Collect();
  const problems: string[] = [];
  const summary = await referenceScoreCsvStream({
    input: Readable.from([csv]),
    output,
    compiled: referenceEngine.compileModel(model),
    now: Date.UTC(2025, 5, 1),
    fileName: 'accounts.csv',
    onProblem: (line, message) => problems.push(`${line}: ${message}`),
  });
  return { text: output.text, problems, summary };
}

/** A model reading custom facts and facts the built-in models do not. */
const customModel = makeModel({
  criteria: [
    { id: 'deal', dimension: 'firmographic', label: 'Deal size', field: 'custom.deal_size', op: 'gte', value: 1000, kind: 'score', points: 5 },
    { id: 'named', dimension: 'firmographic', label: 'Named', field: 'name', op: 'exists', kind: 'must' },
    { id: 'site', dimension: 'firmographic', label: 'Has a site', field: 'domain', op: 'exists', kind: 'score', points: 2 },
    { id: 'city', dimension: 'firmographic', label: 'Berlin', field: 'hqCity', op: 'eq', value: 'berlin', kind: 'score', points: 2 },
    { id: 'region', dimension: 'firmographic', label: 'Texas', field: 'hqRegion', op: 'in', value: ['TX', 'Texas'], kind: 'score', points: 2 },
    { id: 'sub', dimension: 'firmographic', label: 'Banks', field: 'subIndustry', op: 'in', value: ['Regional Banks', 'Credit Unions'], kind: 'score', points: 3 },
    { id: 'stage', dimension: 'technographic', label: 'Customer', field: 'lifecycleStage', op: 'notIn', value: ['customer'], kind: 'exclude' },
    { id: 'owner', dimension: 'behavioural', label: 'Owned', field: 'owner', op: 'exists', kind: 'score', points: 1 },
  ],
});

describe('scoreCsvStream against the reference pipeline', () => {
  // One file where nearly every row has a problem (rows go through normaliseFacts whole), one where few do (rows
  // are put together from remembered parts).
  const troubled = variedCsv(6000, 21);
  const mostlyClean = variedCsv(6000, 22, 0.004);
  const cases = [...BUILTIN_MODELS, customModel].flatMap((m) => [
    [`${m.id}, troubled file`, m, troubled] as const,
    [`${m.id}, mostly clean file`, m, mostlyClean] as const,
  ]);

  it.each(cases)(
    'writes the same bytes and reports the same problems, remembering values or not (%s)',
    async (_, model, csv) => {
      const compiled = compileModel(model);
      const reference = await theirs(csv, model);
      const remembered = await ours(csv, compiled, true);
      const fresh = await ours(csv, compiled, false);
      expect(reference.summary.malformed).toBeGreaterThan(20);
      if (csv === troubled) expect(reference.summary.rowsWithProblems).toBeGreaterThan(5000);
      else expect(reference.summary.rowsWithProblems).toBeLessThan(1000);
      expect(reference.problems.length).toBeGreaterThan(100);
      for (const run of [remembered, fresh]) {
        expect(run.text === reference.text).toBe(true); // not toEqual: a diff of megabytes helps no one
        expect(run.problems).toEqual(reference.problems);
        expect(run.summary).toEqual(reference.summary);
      }
    },
    60_000,
  );
});

describe('createRowNormaliser', () => {
  it('matches rowFacts row by row with tiny limits (memories start over, columns stop remembering early)', () => {
    const data = Papa.parse<string[]>(variedCsv(3000, 8, 0.01), { skipEmptyLines: true }).data;
    const [header, ...rows] = data;
    const columns = mapColumns(header);
    const source = SOURCE;
    let clean = 0;
    for (const model of [...BUILTIN_MODELS, customModel]) {
      const compiled = compileModel(model);
      const normaliser = createRowNormaliser(columns, source, compiled.slotOf, { remember: 7, trial: 40 });
      for (const fields of rows) {
        if (fields.length !== header.length) continue; // malformed rows never reach normalisation
        const expected = rowFacts(columns, fields, source);
        const got = normaliser.normalise(fields);
        const values = expected.values as Record<string, unknown>;
        // Slots past the model's own hold the inputs of derived facts (lib/facts/derive.ts).
        expect(got.slots.slice(0, compiled.fields.length)).toEqual(compiled.fields.map((f) => values[f]));
        expect(got.problems).toEqual(expected.problems);
        if (expected.problems.length === 0) clean++;
      }
    }
    expect(clean).toBeGreaterThan(3 * 2000); // most rows took the remembered path
  }, 60_000);
});

/** A file output that writes slowly: each chunk completes a turn of the event loop later. */
class SlowCollect extends Writable {
  text = '';
  mostPending = 0;
  constructor() {
    super({ highWaterMark: 16 * 1024 }); // a file stream's mark
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void) {
    this.mostPending = Math.max(this.mostPending, this.writableLength);
    this.text += chunk.toString();
    setImmediate(done);
  }
}

describe('scoreCsvStream back-pressure', () => {
  it('pauses the input while much output waits, and writes the same bytes as to a fast output', async () => {
    const csv = variedCsv(20_000, 5, 0.01);
    const chunks: string[] = [];
    for (let i = 0; i < csv.length; i += 64 * 1024) chunks.push(csv.slice(i, i + 64 * 1024));
    const compiled = compileModel(BUILTIN_MODELS[0]);
    const slow = new SlowCollect();
    await scoreCsvStream({ input: Readable.from(chunks), output: slow, compiled, now: Date.UTC(2025, 5, 1), fileName: 'accounts.csv' });
    const fast = await ours(csv, compiled, true);
    expect(slow.text === fast.text).toBe(true);
    expect(slow.text.length).toBeGreaterThan(8 * 1024 * 1024); // far more than may wait
    // At most about a megabyte waits (MAX_PENDING_OUTPUT), plus the output of the chunk that crossed it.
    expect(slow.mostPending).toBeLessThan(2 * 1024 * 1024);
  }, 60_000);
});
