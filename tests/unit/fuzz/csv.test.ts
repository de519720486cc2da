import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseOutcomesCsv, parseProspectsCsv } from '../../../lib/builder/outcomes';
import { computeMetrics } from '../../../lib/builder/metrics';
import { syntheticOutcomesCsv } from '../../../lib/builder/synthetic';
import { readCsvRecords } from '../../../lib/csv/records';
import { scoreCsvStream } from '../../../lib/csv/score-stream';
import { compileModel } from '../../../lib/engine/score';
import { readAccountList } from '../../../lib/lists/import';
import { DEFAULT_MODEL } from '../../../lib/model/builtin';
import { HUGE_STRING, int, mutate, pick, random, type Rnd } from './seeds';

/**
 * The CSV readers (icp score's stream, the options list import, the builder's outcomes and prospects): whatever the
 * bytes, they read what they can, never throw, and name each bad row by line with what is wrong.
 */
const HEADER = 'Account Name,Website,Industry,Number of Employees,Billing Country,Opportunity Stage,Close Date,Initial ARR,Current ARR';
const TOKENS = ['"', '""', ',', '\n', '\r\n', '\r', ';', '\t', '1e308', '-1e308', 'NaN', '\uFEFF', '\u0000', '"a"b', 'x"'];

function randomRow(rnd: Rnd, i: number): string {
  const cells = [`Co ${i}`, `co${i}.com`, pick(rnd, ['Software', 'Banking', '']), pick(rnd, ['51-200', '1,001-5,000', '-3', '1e308']), pick(rnd, ['US', 'DE', 'Narnia'])];
  cells.push(pick(rnd, ['Closed Won', 'Closed Lost', 'Negotiation']), pick(rnd, ['2024-03-01', '03/01/2024', 'soon']), pick(rnd, ['$12,000', '1e308', '-5', '"1,200"', '']), pick(rnd, ['$14,000', '', '9e99']));
  return cells.join(',');
}

/** Seeds from issue 15 and random files with hostile tokens spliced in. */
function* csvCases(): Generator<[string, string]> {
  const rows = Array.from({ length: 1000 }, (_, i) => `Co ${i},co${i}.com,Software,250,US,Closed Won,2024-01-01,$1000,$1000`);
  rows[9] = 'Acme,"acme" inc.com,Software,250,US,Closed Won,2024-01-01,$1000,$1000';
  yield ['stray quote in row 10 of 1000', [HEADER, ...rows].join('\n')];
  yield ['unclosed quote', [HEADER, 'Acme,"acme.com,Software,250,US,Closed Won,2024-01-01,1e308,', ...rows.slice(0, 50)].join('\n')];
  yield ['1e308 amounts', [HEADER, ...rows.slice(0, 30).map((r) => r.replace('$1000,$1000', '1e308,1e308'))].join('\n')];
  yield ['a huge cell', `${HEADER}\nAcme,${HUGE_STRING},Software,1,US,Closed Won,2024-01-01,$1,$1\n`];
  yield ['a huge quoted cell with line breaks', `${HEADER}\n"${'line\n'.repeat(2_000)}",x\n`];
  yield ['only quotes', '"'.repeat(20_001)];
  yield ['deeply "nested" JSON in a cell', `${HEADER}\n${'{"a":'.repeat(10_000)}\n`];
  yield ['empty', ''];
  yield ['header only', HEADER];
  const rnd = random(3);
  for (let i = 0; i < 60; i++) {
    const base = [HEADER, ...Array.from({ length: 5 + int(rnd, 40) }, (_, r) => randomRow(rnd, r))].join(pick(rnd, ['\n', '\r\n']));
    yield [`random file ${i}`, mutate(rnd, base, TOKENS)];
  }
}

class Sink extends Writable {
  bytes = 0;
  override _write(chunk: Buffer | string, _e: BufferEncoding, done: () => void) {
    this.bytes += chunk.length;
    done();
  }
}

const compiled = compileModel(DEFAULT_MODEL);
const namesAProblem = (message: string) => message.length > 5 && !/undefined|\[object|Maximum call stack/.test(message);

describe('fuzz: CSV readers', () => {
  it.each([...csvCases()])('%s: every reader reads it without throwing and names each bad row by line', async (_name, text) => {
    const records = readCsvRecords(text);
    for (let i = 1; i < records.length; i++) expect(records[i].line).toBeGreaterThan(records[i - 1].line);
    for (const r of records) if (r.problem) expect(r.problem).toMatch(/^field \d+: /);

    const problems: [number, string][] = [];
    const scored = scoreCsvStream({
      input: Readable.from(text === '' ? [] : [text.slice(0, 40_000), text.slice(40_000)].filter(Boolean)),
      output: new Sink(),
      compiled,
      now: Date.UTC(2025, 0, 1),
      fileName: 'fuzz.csv',
      onProblem: (line, message) => problems.push([line, message]),
    });
    const nonBlank = records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
    if (nonBlank.length === 0) await expect(scored).rejects.toThrow('the file is empty: no header row');
    else expect((await scored).rows).toBe(nonBlank.length - 1); // rows out = records in
    for (const [line, message] of problems) {
      expect(line).toBeGreaterThanOrEqual(2);
      expect(namesAProblem(message)).toBe(true);
    }

    const list = readAccountList(text, 'fuzz.csv', '2026-01-01T00:00:00.000Z');
    for (const p of list.problems) expect(namesAProblem(p.message)).toBe(true);

    const outcomes = parseOutcomesCsv(text);
    for (const p of [...outcomes.bad, ...outcomes.warnings]) {
      expect(p.line).toBeGreaterThanOrEqual(2);
      expect(namesAProblem(p.message)).toBe(true);
    }
    if (outcomes.records.length > 0) {
      const metrics = computeMetrics(outcomes.records, { asOf: '2025-01-01' });
      for (const value of Object.values(metrics)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
    }
    expect(() => parseProspectsCsv(text)).not.toThrow();
  });

  it('a real outcomes file with 1e308 sprinkled in keeps every metric finite', () => {
    const rnd = random(4);
    const text = syntheticOutcomesCsv({ seed: 9, deals: 800 }).replace(/\$[\d,]+\.?\d*/g, (m) => (rnd() < 0.05 ? '1e308' : m));
    const parsed = parseOutcomesCsv(text);
    expect(parsed.bad.some((b) => /1e308.*out of the plausible range/.test(b.message))).toBe(true);
    const metrics = computeMetrics(parsed.records, { asOf: '2025-01-01' });
    for (const value of Object.values(metrics)) if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
  });
});
