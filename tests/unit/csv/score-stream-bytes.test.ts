import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/accounts';
import { readCsvRecords } from '../../../lib/csv/records';
import { rowFacts } from '../../../lib/csv/row';
import { createRowNormaliser } from '../../../lib/csv/row-cache';
import { scoreCsvStream } from '../../../lib/csv/score-stream';
import { mapColumns } from '../../../lib/mapping';
import { csvRow } from '../../../lib/csv/write';
import { compileModel } from '../../../lib/engine/score';
import { BUILTIN_MODELS } from '../../../lib/model/builtin';
import { makeModel } from '../engine/helpers';
import * as referenceEngine from '../engine/reference/score';
import { scoreCsvStream as referenceScoreCsvStream } from './reference/score-stream';

/**
 * scoreCsvStream passes the file through as bytes (byte text: one byte per character, see lib/csv/score-stream.ts)
 * and decodes only what it reads for meaning. These tests fail if that broke text beyond ASCII: values must
 * normalise and score as they did, header names must map, a character split between chunks must come out whole,
 * a byte order mark in a cell must be quoted, and messages must read as text.
 */

const HEADERS = ['Company Name', 'Website', 'Industry', 'Number of Employees', 'Country', 'City', 'Technologies', 'Owner', 'Notes für Zürich'];
const CHOICES: Record<string, readonly string[]> = {
  'Company Name': ['Société Générale', 'München GmbH', '東京 株式会社', '🚀 Rocket', 'Acme', '\ufeffLeading mark', 'a\ufeffb', '"Zitat" AG, Zürich'],
  Industry: ['Software Development', 'Financial Services', 'Logiciels — édition', 'Banking', ''],
  'Number of Employees': ['51-200', '1,001-5,000', 'zwölf', '２００', '250', ''],
  Country: ['Germany', 'Österreich', 'España', 'United States', 'Türkiye', '日本', ''],
  City: ['Zürich', 'São Paulo', '東京', 'Berlin', 'Köln', ''],
  Technologies: ['Salesforce; Snowflake', 'HubSpot, dbt', 'Café ☕; Snowflake', ''],
  Owner: ['Chloé', 'Zoë', '', 'Ben'],
  'Notes für Zürich': ['line one\nline zwei über', 'say "grüß dich"', '', '👩‍💻 call back', 'x'.repeat(50) + 'ü'.repeat(30)],
};

/** A CSV full of text beyond ASCII, with a few rows of the wrong width (their extras quoted in messages). */
function unicodeCsv(rows: number, seed: number): string {
  const rnd = prng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const lines = [csvRow(HEADERS)];
  for (let i = 0; i < rows; i++) {
    const cells = HEADERS.map((h) => (h === 'Website' ? `firma${i}.de` : pick(CHOICES[h])));
    if (rnd() < 0.03) cells.push(`Überhang ${'ß'.repeat(45)}`, '東京'); // a long row
    lines.push(csvRow(cells.length === HEADERS.length ? cells : cells.map((c) => c.replace(/\n/g, ' '))));
  }
  return `\ufeff${lines.join('\n')}\n`;
}

/** A model that reads the non-ASCII values: a criterion is met only if they were decoded and normalised right. */
const unicodeModel = makeModel({
  criteria: [
    { id: 'size', dimension: 'firmographic', label: 'Size — 50 to 5,000', field: 'employees', op: 'between', value: [50, 5000], kind: 'must' },
    { id: 'city', dimension: 'firmographic', label: 'Städte: Zürich, São Paulo, 東京', field: 'hqCity', op: 'in', value: ['Zürich', 'São Paulo', '東京'], kind: 'score', points: 5 },
    { id: 'industry', dimension: 'firmographic', label: 'Software · Finance', field: 'industry', op: 'in', value: ['Software Development', 'Financial Services'], kind: 'score', points: 10 },
    { id: 'crm', dimension: 'technographic', label: 'CRM ✓', field: 'technologies', op: 'anyOf', value: ['Salesforce', 'HubSpot'], kind: 'score', points: 5 },
    { id: 'named', dimension: 'technographic', label: 'Named', field: 'name', op: 'exists', kind: 'score', points: 1 },
    { id: 'site', dimension: 'technographic', label: 'Has a site', field: 'domain', op: 'exists', kind: 'score', points: 1 },
  ],
});

class Collect extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    this.chunks.push(chunk);
    done();
  }
  get bytes() {
    return Buffer.concat(this.chunks);
  }
}

/** A byte stream in chunks of `size` bytes: UTF-8 characters split between chunks. */
function byteStream(bytes: Buffer, size: number): Readable {
  let at = 0;
  return new Readable({
    read() {
      this.push(at < bytes.length ? bytes.subarray(at, (at += size)) : null);
    },
  });
}

const NOW = Date.UTC(2025, 5, 1);

async function ours(input: Readable, model = unicodeModel, overrides?: Record<string, string>) {
  const output = new Collect();
  const problems: string[] = [];
  const summary = await scoreCsvStream({
    input,
    output,
    compiled: compileModel(model),
    now: NOW,
    fileName: 'firmen.csv',
    onProblem: (line, message) => problems.push(`${line}: ${message}`),
    overrides: overrides as never,
  });
  return { bytes: output.bytes, problems, summary };
}

describe('scoreCsvStream on text beyond ASCII (read and written as bytes)', () => {
  const csv = unicodeCsv(1500, 3);

  it.each([1, 7, 64, 65536])('writes what the reference pipeline writes, fed %i bytes at a time', async (size) => {
    const output = new Collect();
    const expectedProblems: string[] = [];
    await referenceScoreCsvStream({
      input: Readable.from([csv]),
      output,
      compiled: referenceEngine.compileModel(unicodeModel),
      now: NOW,
      fileName: 'firmen.csv',
      onProblem: (line, message) => expectedProblems.push(`${line}: ${message}`),
    });
    const expected = output.bytes;
    const got = await ours(byteStream(Buffer.from(csv, 'utf8'), size));
    expect(got.bytes.equals(expected)).toBe(true);
    expect(got.problems).toEqual(expectedProblems);
    // The file exercised what it should: criteria met on decoded values, messages with text beyond ASCII.
    const text = expected.toString('utf8');
    expect(text).toMatch(/Städte: Zürich, São Paulo, 東京 \(\+\d+\)/); // met: the cities were decoded
    expect(text).toContain('"\ufeffLeading mark"'); // a byte order mark in a cell is quoted, as papaparse does
    expect(expectedProblems.some((p) => p.includes('"Überhang ßß'))).toBe(true);
    expect(expectedProblems.some((p) => p.includes('zwölf'))).toBe(true);
  });

  it('reads text chunks too, a character split in two halves (a surrogate pair) included', async () => {
    const bytes = (await ours(byteStream(Buffer.from(csv, 'utf8'), 65536))).bytes;
    const parts: string[] = [];
    for (let i = 0; i < csv.length; i += 5) parts.push(csv.slice(i, i + 5)); // splits '🚀' and '👩‍💻' somewhere
    expect(parts.some((p) => /[\ud800-\udbff]$/.test(p))).toBe(true);
    expect((await ours(Readable.from(parts))).bytes.equals(bytes)).toBe(true);
    // And an object-mode stream of Uint8Arrays (not Buffers).
    const utf8 = new TextEncoder().encode(csv);
    const arrays: Uint8Array[] = [];
    for (let i = 0; i < utf8.length; i += 1000) arrays.push(utf8.subarray(i, i + 1000));
    expect((await ours(Readable.from(arrays))).bytes.equals(bytes)).toBe(true);
  });

  it('maps header names beyond ASCII (automatically and by --map) and decodes the values it normalises', async () => {
    const file = '\ufeffFirmenname,Größe,Stadt\n"München GmbH",51-200,Zürich\nÜber AG,zwölf,東京\n';
    const got = await ours(byteStream(Buffer.from(file, 'utf8'), 3), unicodeModel, { Firmenname: 'name', Größe: 'employees', Stadt: 'hqCity' });
    expect(got.summary.columns.map((c) => [c.header, c.fact])).toEqual([
      ['Firmenname', 'name'],
      ['Größe', 'employees'],
      ['Stadt', 'hqCity'],
    ]);
    const [header, first, second] = got.bytes.toString('utf8').split('\n');
    expect(header).toBe('Firmenname,Größe,Stadt,icp_score,icp_tier,icp_verdict,icp_confidence,icp_reasons');
    expect(first).toMatch(/^München GmbH,51-200,Zürich,.*Städte: Zürich, São Paulo, 東京 \(\+\d+\)/);
    expect(second).toMatch(/^Über AG,zwölf,東京,.*rejected employees: .*zwölf/);
    expect(got.problems).toEqual([expect.stringMatching(/^3: rejected employees: .*zwölf/)]);
  });

  it('normalises byte text as rowFacts normalises the text, columns that stop remembering included', () => {
    const [header, ...rows] = readCsvRecords(unicodeCsv(2000, 4).slice(1)).map((r) => r.fields);
    const columns = mapColumns(header);
    const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    const decode = (b: string) => Buffer.from(b, 'latin1').toString('utf8');
    const compiled = compileModel(unicodeModel);
    const source = { kind: 'list' as const, detail: 'firmen.csv' };
    const normaliser = createRowNormaliser(columns, source, compiled.slotOf, { remember: 7, trial: 40, decode });
    let nonAscii = 0;
    for (const [n, row] of rows.entries()) {
      if (row.length !== header.length) continue;
      const fields = row.map((f, k) => (k === 0 ? `${f} ${n}` : f)); // names that never repeat: read cell by cell
      const expected = rowFacts(columns, fields, source);
      const got = normaliser.normalise(fields.map(bytes));
      const values = expected.values as Record<string, unknown>;
      expect(got.slots.slice(0, compiled.fields.length)).toEqual(compiled.fields.map((f) => values[f]));
      expect(got.problems).toEqual(expected.problems);
      if (fields.some((f) => /[^\x00-\x7f]/.test(f))) nonAscii++;
    }
    expect(nonAscii).toBeGreaterThan(1000);
  });

  it('counts a cell of whitespace beyond ASCII as blank in the mapping report, as its text reads', async () => {
    const file = 'Company Name,City,Notes\nAcme, \u00a0, \u3000\nBeta,Zürich,\u3000x\n';
    const got = await ours(byteStream(Buffer.from(file, 'utf8'), 5), BUILTIN_MODELS[0]);
    expect(got.summary.filled?.filled).toEqual([2, 1, 1]);
  });

  it('copies invalid UTF-8 through unchanged, where normalisation and messages see U+FFFD', async () => {
    // Windows-1252 bytes: "Zürich" and "zwölf" as one byte each for ü and ö.
    const file = Buffer.from('Company Name,Number of Employees,City\nB\xe4ckerei,zw\xf6lf,Z\xfcrich\n', 'latin1');
    const got = await ours(byteStream(file, 4), BUILTIN_MODELS[0]);
    const row = Buffer.from('B\xe4ckerei,zw\xf6lf,Z\xfcrich,', 'latin1');
    expect(got.bytes.includes(row)).toBe(true); // the user's bytes, not U+FFFD
    expect(got.problems).toEqual([expect.stringContaining('zw\ufffdlf')]);
    // The reason quotes the value it refused as text: U+FFFD, in UTF-8.
    expect(got.bytes.toString('latin1')).toMatch(/rejected employees: [^\n]*zw\u00ef\u00bf\u00bdlf/);
  });
});
