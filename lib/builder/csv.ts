import Papa from 'papaparse';
import { readCsvRecords } from '../csv/records';

export interface CsvRow {
  /** Line where the row starts; the header is line 1. Quoted cells may span lines, so this is not the row index + 2. */
  line: number;
  cells: string[];
}

/**
 * Reads CSV text into a header and rows that remember their line numbers. Blank lines are skipped. A row with broken
 * quoting is still read (see lib/csv/records.ts), and its problem is listed in `errors` under its line.
 */
export function readCsv(text: string): { headers: string[]; rows: CsvRow[]; errors: { line: number; message: string }[] } {
  const rows: CsvRow[] = [];
  const errors: { line: number; message: string }[] = [];
  let headers: string[] | undefined;
  for (const record of readCsvRecords(text)) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    if (record.problem) errors.push({ line: record.line, message: record.problem });
    if (!headers) headers = record.fields.map((h) => h.trim());
    else rows.push({ line: record.line, cells: record.fields });
  }
  return { headers: headers ?? [], rows, errors };
}

/** Writes rows as CSV (quoted where needed), with a header line. */
export function writeCsv(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return Papa.unparse({ fields: [...headers], data: rows.map((r) => [...r]) }, { newline: '\n' }) + '\n';
}
