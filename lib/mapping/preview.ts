import Papa from 'papaparse';
import { headerDelimiter } from '../csv/delimiter';

/**
 * The first rows of a CSV, for the mapping previews: the header and a few sample rows, read without parsing the
 * whole file (a 50 MB export previews at once).
 */
export function previewCsv(text: string, rows = 50): { headers: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: rows + 1, skipEmptyLines: 'greedy', delimiter: headerDelimiter });
  const [header = [], ...data] = parsed.data;
  return { headers: header.map((h) => h.trim()), rows: data };
}

/** Up to `n` distinct non-blank values of a column, in file order, cut to 40 characters. */
export function sampleValues(rows: readonly (readonly string[])[], index: number, n = 3): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const value = (row[index] ?? '').trim();
    if (value) seen.add(value.length > 40 ? `${value.slice(0, 39)}…` : value);
    if (seen.size >= n) break;
  }
  return [...seen];
}

/**
 * The key under which an override is remembered: the file's header set, so the next export with the same columns
 * (in any order) is mapped the same way.
 */
export function headerSetKey(headers: readonly string[]): string {
  return [...new Set(headers.map((h) => h.trim().toLowerCase()))].sort().join('\u001f').slice(0, 4000);
}
