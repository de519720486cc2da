import Papa from 'papaparse';
import { headerDelimiter } from '../csv/delimiter';

export interface CsvRow {
  /** Line where the row starts; the header is line 1. Quoted cells may span lines, so this is not the row index + 2. */
  line: number;
  cells: string[];
}

/** Reads CSV text into a header and rows that remember their line numbers. Blank lines are skipped. */
export function readCsv(text: string): { headers: string[]; rows: CsvRow[]; errors: { line: number; message: string }[] } {
  const source = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  const errors: { line: number; message: string }[] = [];
  let headers: string[] | undefined;
  // Papaparse's cursor is where a row ends; the next row starts after the line breaks that follow it.
  let offset = 0;
  let line = 1;
  const advanceTo = (position: number) => {
    for (; offset < position; offset++) if (source.charCodeAt(offset) === 10) line++;
  };
  Papa.parse<string[]>(source, {
    skipEmptyLines: 'greedy',
    delimiter: headerDelimiter,
    step: (result) => {
      while (offset < source.length && /\s/.test(source[offset])) advanceTo(offset + 1);
      const start = line;
      advanceTo(result.meta.cursor);
      for (const e of result.errors) errors.push({ line: start, message: e.message });
      if (!headers) headers = result.data.map((h) => h.trim());
      else rows.push({ line: start, cells: result.data });
    },
  });
  return { headers: headers ?? [], rows, errors };
}

/** Writes rows as CSV (quoted where needed), with a header line. */
export function writeCsv(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return Papa.unparse({ fields: [...headers], data: rows.map((r) => [...r]) }, { newline: '\n' }) + '\n';
}
