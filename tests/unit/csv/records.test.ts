import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../lib/builder/synthetic';
import { CsvRecordReader, readCsvRecords, type CsvRecord } from '../../../lib/csv/records';
import { csvRow } from '../../../lib/csv/write';

const HEADER = 'Name,Domain,Industry,Employees,Country';
/** The file: 1,000 rows, row 10 `Acme,"acme" inc.com,…`. */
export function strayQuoteFile(bad = 'Acme,"acme" inc.com,Software,250,US'): string {
  const rows = [HEADER];
  for (let i = 1; i <= 1000; i++) rows.push(i === 10 ? bad : `Company ${i},company${i}.com,Software,${i},US`);
  return `${rows.join('\n')}\n`;
}

const fieldsOf = (records: CsvRecord[]) => records.map((r) => r.fields);

describe('readCsvRecords', () => {
  it('reads a cell that closes its quote early as Python does, reports it, and loses no row', () => {
    const records = readCsvRecords(strayQuoteFile());
    expect(records).toHaveLength(1001);
    expect(records[10]).toEqual({
      fields: ['Acme', 'acme inc.com', 'Software', '250', 'US'],
      line: 11,
      problem: expect.stringMatching(/^field 2: text after a closing quote \("\\"acme\\" inc\.com"\)/),
    });
    expect(records.filter((r) => r.problem)).toHaveLength(1);
    expect(records[1000]).toEqual({ fields: ['Company 1000', 'company1000.com', 'Software', '1000', 'US'], line: 1001 });
  });

  it('recovers at the next line from a quote that never closes', () => {
    const records = readCsvRecords(strayQuoteFile('Acme,"acme inc.com,Software,250,US'));
    expect(records).toHaveLength(1001);
    expect(records[10]).toMatchObject({ fields: ['Acme', 'acme inc.com,Software,250,US'], line: 11, problem: expect.stringMatching(/^field 2: a quote opens a cell that is never closed/) });
    expect(records[11]).toEqual({ fields: ['Company 11', 'company11.com', 'Software', '11', 'US'], line: 12 });
  });

  it('recovers from two stray quotes that would pair up across lines', () => {
    const text = [HEADER, 'A,"a.com,Software,1,US', 'B,b.com,Software,2,US', 'C,c.com,Soft"ware,3,US', 'D,d.com,Software,4,US"', 'E,e.com,Software,5,US'].join('\n');
    const records = readCsvRecords(text);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(records[1].problem).toMatch(/a quote opens a cell that runs over/);
    expect(records[3].fields).toEqual(['C', 'c.com', 'Soft"ware', '3', 'US']); // a quote inside a cell is a character
    expect(records[4].fields).toEqual(['D', 'd.com', 'Software', '4', 'US"']);
  });

  it('keeps real multi-line cells, doubled quotes and quoted delimiters, with line numbers', () => {
    const text = `${HEADER}\r\n"Acme, Inc.","acme.com","Soft""ware","1\r\n2",US\r\nB,b.com,x,3,US\r\n`;
    expect(readCsvRecords(text)).toEqual([
      { fields: HEADER.split(','), line: 1 },
      { fields: ['Acme, Inc.', 'acme.com', 'Soft"ware', '1\r\n2', 'US'], line: 2 },
      { fields: ['B', 'b.com', 'x', '3', 'US'], line: 4 },
    ]);
  });

  it('guesses semicolons and tabs as papaparse does, and drops a byte order mark', () => {
    expect(fieldsOf(readCsvRecords('\uFEFFa;b;c\n1;"2;3";4\n5;6;7'))).toEqual([['a', 'b', 'c'], ['1', '2;3', '4'], ['5', '6', '7']]);
    expect(fieldsOf(readCsvRecords('a\tb\tc\n1\t2\t3\n4\t5\t6'))).toEqual([['a', 'b', 'c'], ['1', '2', '3'], ['4', '5', '6']]);
  });
});

/** A random cell: plain, or with the characters that need quoting (delimiter, quote, line breaks). */
function randomCell(rnd: () => number, multiline: boolean): string {
  const pieces = ['acme', 'Inc.', ' ', ',', '"', 'Straße', '1,200', '$3M', '5" disk', 'x'];
  if (multiline) pieces.push('\n', '\r\n');
  let s = '';
  const n = Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) s += pieces[Math.floor(rnd() * pieces.length)];
  return s;
}

function randomTable(rnd: () => number, rows: number, width: number, multiline: boolean): string[][] {
  return Array.from({ length: rows + 1 }, (_, r) => Array.from({ length: width }, (_, c) => (r === 0 ? `col${c}` : randomCell(rnd, multiline))));
}

/** Pushes the text in random chunks: the result must not depend on where chunks end. */
function readInChunks(text: string, rnd: () => number): CsvRecord[] {
  const reader = new CsvRecordReader(',');
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + Math.floor(rnd() * 40);
    out.push(...reader.push(text.slice(i, i + size)));
    i += size;
  }
  return [...out, ...reader.end()];
}

describe('record reader properties', () => {
  it('reads well-formed CSV (quoted delimiters, line breaks, doubled quotes) exactly as papaparse does, in any chunks', () => {
    const rnd = seededRandom(15);
    for (let trial = 0; trial < 150; trial++) {
      const table = randomTable(rnd, 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 6), true);
      const nl = rnd() < 0.5 ? '\n' : '\r\n';
      const text = table.map((row) => csvRow(row)).join(nl) + nl;
      const papa = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false }).data.filter((r) => !(r.length === 1 && r[0] === ''));
      const ours = readCsvRecords(text, ',');
      expect(ours.every((r) => !r.problem)).toBe(true);
      expect(fieldsOf(ours).filter((r) => !(r.length === 1 && r[0] === ''))).toEqual(papa);
      expect(fieldsOf(readInChunks(text, rnd))).toEqual(fieldsOf(ours));
    }
  });

  it('with stray quotes injected, gives one record per physical line, each at its line', () => {
    const rnd = seededRandom(1015);
    const INJECT = [
      (cell: string) => `"${cell}`, // opens and never closes
      (cell: string) => `"${cell}" tail`, // closes early, text follows
      (cell: string) => `${cell}"x`, // a quote inside an unquoted cell
      (cell: string) => `""${cell}`, // an empty quoted cell followed by text
    ];
    for (let trial = 0; trial < 400; trial++) {
      const width = 2 + Math.floor(rnd() * 5);
      const table = randomTable(rnd, 5 + Math.floor(rnd() * 30), width, false).map((row, r) =>
        r === 0 ? row : row.map((cell) => cell.replace(/["\r\n]/g, '').replace(/,/g, ';')),
      );
      let injected = 0;
      const lines = table.map((row, r) => {
        if (r > 0 && rnd() < 0.2) {
          const c = Math.floor(rnd() * width);
          // Not into an empty cell: two lone quotes in the same column pair up as one multi-line cell (records.ts).
          row[c] = INJECT[Math.floor(rnd() * INJECT.length)](row[c] || 'x');
          injected++;
        }
        return row.join(',');
      });
      const text = lines.join('\n') + '\n';
      const records = readCsvRecords(text, ',');
      expect(records.map((r) => r.line)).toEqual(lines.map((_, i) => i + 1));
      expect(fieldsOf(readInChunks(text, rnd))).toEqual(fieldsOf(records));
      expect(records.filter((r) => r.problem).length).toBeLessThanOrEqual(injected);
    }
  });
});

/**
 * The reader's per-line shortcuts (a line without quotes split at the delimiter; a line whose quoted cells all close
 * within it read by readLine) must give exactly the records of the recovering parser alone, and a record's `text`
 * must be exactly what csvRow writes for its fields: `icp score` copies it to the output instead.
 */
describe('record reader shortcuts', () => {
  /** Cells with everything that trips a CSV reader: quotes in every position, delimiters, CR/LF, spaces, a BOM. */
  const PIECES = ['acme', 'Inc.', ' ', ',', ';', '\t', '"', '""', 'Straße', '1,200', '$3M', '5" disk', 'x', '\r', '\n', '\r\n', '\ufeff', '=1+2'];
  const randomText = (rnd: () => number, delimiter: string): string => {
    const rows = 1 + Math.floor(rnd() * 15);
    const width = 1 + Math.floor(rnd() * 5);
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      const w = rnd() < 0.15 ? Math.max(1, width + Math.floor(rnd() * 3) - 1) : width;
      for (let c = 0; c < w; c++) {
        let cell = '';
        for (let k = Math.floor(rnd() * 4); k > 0; k--) cell += PIECES[Math.floor(rnd() * PIECES.length)];
        const how = rnd();
        // Well quoted, quoted when it need not be, left raw (stray quotes, broken lines), or quoted and broken.
        if (how < 0.35) cells.push(`"${cell.replace(/"/g, '""')}"`);
        else if (how < 0.8) cells.push(cell);
        else if (how < 0.9) cells.push(`"${cell}`);
        else cells.push(`"${cell}"${PIECES[Math.floor(rnd() * PIECES.length)]}`);
      }
      lines.push(cells.join(delimiter));
    }
    const nl = rnd() < 0.5 ? '\n' : '\r\n';
    return (rnd() < 0.1 ? '\ufeff' : '') + lines.join(nl) + (rnd() < 0.7 ? nl : '');
  };
  const read = (text: string, delimiter: string, rnd: () => number, options: { keepText?: boolean; lineShortcuts?: boolean }) => {
    const reader = new CsvRecordReader(delimiter, options);
    const out: CsvRecord[] = [];
    for (let i = 0; i < text.length; ) {
      const size = rnd() < 0.3 ? text.length : 1 + Math.floor(rnd() * 60);
      out.push(...reader.push(text.slice(i, i + size)));
      i += size;
    }
    return [...out, ...reader.end()];
  };

  it('give the records of the recovering parser, and a text only where it is what csvRow writes', () => {
    const rnd = seededRandom(2024);
    let withText = 0;
    let records = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const delimiter = rnd() < 0.7 ? ',' : rnd() < 0.5 ? ';' : '\t';
      const text = randomText(rnd, delimiter);
      const slow = read(text, delimiter, rnd, { lineShortcuts: false });
      const fast = read(text, delimiter, rnd, { keepText: true });
      expect(fast.map(({ text: _, ...rest }) => rest)).toEqual(slow);
      expect(slow.every((r) => r.text === undefined)).toBe(true);
      for (const r of fast) {
        records++;
        if (r.text === undefined) continue;
        withText++;
        expect(delimiter).toBe(',');
        expect(r.text).toBe(csvRow(r.fields));
      }
    }
    // The cases must actually occur: most records are read by a shortcut and many keep their text.
    expect(withText).toBeGreaterThan(records / 10);
  });

  it('keep a text for the usual CRM export line, quoted money and all', () => {
    const text = 'Name,Revenue,Notes\r\nAcme,"$12,000,000","Met at SaaStr, ""warm"" intro"\r\nB,"5M",x\r\n C,1,2\r\n';
    const records = read(text, ',', seededRandom(1), { keepText: true });
    expect(records.map((r) => r.text)).toEqual(['Name,Revenue,Notes', 'Acme,"$12,000,000","Met at SaaStr, ""warm"" intro"', undefined, undefined]);
    expect(records[2].fields).toEqual(['B', '5M', 'x']);
  });
});

/** `icp score` reads byte text: UTF-8 one byte per character (lib/csv/score-stream.ts). */
describe('record reader on byte text', () => {
  const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  const decode = (b: string) => Buffer.from(b, 'latin1').toString('utf8');

  it('reads the records of the text, as byte text, in any chunks; a byte order mark dropped even a byte at a time', () => {
    const text = '\ufeffName,City,Notes\nMünchen GmbH,Zürich,"東京, 🚀"\n"Ünïcødé ""x""",São Paulo,"zwei\nZeilen"\n';
    const whole = readCsvRecords(text);
    for (const size of [1, 2, 3, 5, 64]) {
      const reader = new CsvRecordReader(',', { keepText: true, decode });
      const input = bytes(text);
      const records: CsvRecord[] = [];
      for (let i = 0; i < input.length; i += size) records.push(...reader.push(input.slice(i, i + size)));
      records.push(...reader.end());
      expect(records.map((r) => ({ fields: r.fields.map(decode), line: r.line }))).toEqual(whole);
    }
  });

  it('gives no text for a line holding a byte order mark (csvRow quotes it), and keeps it for other lines', () => {
    const reader = new CsvRecordReader(',', { keepText: true, decode });
    const records = [...reader.push(bytes('a,b\nZürich,x\ufeffy\nZürich,東京\n')), ...reader.end()];
    expect(records.map((r) => r.text)).toEqual(['a,b', undefined, bytes('Zürich,東京')]);
  });

  it('writes its problems as text, clipped by characters', () => {
    const text = `a,b\n"Zürich" ${'ä'.repeat(70)},x\n`;
    const [, want] = readCsvRecords(text);
    const reader = new CsvRecordReader(',', { decode });
    const [, got] = [...reader.push(bytes(text)), ...reader.end()];
    expect(want.problem).toMatch(/Zürich.*ää/);
    expect(got.problem).toBe(want.problem);
  });
});
