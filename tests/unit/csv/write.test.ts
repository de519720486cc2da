import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/accounts';
import { csvCell, csvRow, csvRowCountingBreaks, csvRowOfBytes } from '../../../lib/csv/write';

/** write.ts must write exactly what Papa.unparse(rows, { newline: '\n' }) writes: compared on random cells. */
describe('csvRow', () => {
  it('quotes like papaparse: quotes, commas, line breaks, byte order marks, edge spaces', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('padded ')).toBe('"padded "');
    expect(csvCell('in side')).toBe('in side');
    expect(csvCell('')).toBe('');
    expect(csvRow(['a', '', 'b c'])).toBe('a,,b c');
  });

  it('matches Papa.unparse on thousands of random rows', () => {
    const rnd = prng(3);
    const alphabet = ['a', 'Z', '7', ' ', ',', '"', '\r', '\n', '\r\n', '\ufeff', ';', '\t', 'é', '€', "'", '=', '-', '|'];
    const cell = () => {
      let s = '';
      const n = Math.floor(rnd() * 8);
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      return s;
    };
    const rows: string[][] = [];
    for (let r = 0; r < 3000; r++) rows.push(Array.from({ length: 1 + Math.floor(rnd() * 6) }, cell));
    const ours = rows.map((row) => `${csvRow(row)}\n`).join('');
    expect(ours).toBe(`${Papa.unparse(rows, { newline: '\n' })}\n`);
    // The same text while counting the line breaks inside cells ("\r\n" is one), for line numbers.
    for (const row of rows) {
      const breaks = row.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      expect(csvRowCountingBreaks(row)).toEqual({ text: csvRow(row), lineBreaks: breaks });
    }
  });
  it('writes byte text (UTF-8 one byte per character) as the bytes of what it writes for the text', () => {
    const rnd = prng(4);
    const alphabet = ['a', ' ', ',', '"', '\n', '\r', '\ufeff', 'é', '€', '東', '🚀', '\u00a0', '\u2028', 'ï»¿', '»'];
    const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
    for (let r = 0; r < 3000; r++) {
      const row = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => {
        let s = '';
        for (let n = Math.floor(rnd() * 6); n > 0; n--) s += alphabet[Math.floor(rnd() * alphabet.length)];
        return s;
      });
      expect(csvRowOfBytes(row.map(bytes))).toBe(bytes(csvRow(row)));
    }
    expect(csvRowOfBytes([bytes('\ufeffAcme')])).toBe(bytes('"\ufeffAcme"')); // the mark is quoted in byte text too
  });

});
