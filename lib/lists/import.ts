import Papa from 'papaparse';
import { normaliseFacts } from '../facts/normalise/index';
import type { CompanyFacts } from '../facts/vocabulary';
import { mapColumns } from '../csv/columns';
import { rawFactsOfRow } from '../csv/row';

/**
 * An account list (CSV export of a CRM list, a conference list…) read into accounts the extension knows, keyed by
 * domain, so the card on any site merges them with what the page shows (source: list). Pure: the options page stores
 * the result. Rows are kept or reported, never silently dropped: a row without a readable domain cannot be matched to
 * a page and is reported with its line; a row with some bad facts keeps the good ones.
 */
export interface ListAccount {
  domain: string;
  name?: string;
  facts: CompanyFacts;
  line: number;
}

export interface ListProblem {
  line: number;
  message: string;
}

export function readAccountList(text: string, fileName: string, at: string): { accounts: ListAccount[]; problems: ListProblem[]; columns: number } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const problems: ListProblem[] = parsed.errors.map((e) => ({ line: (e.row ?? 0) + 1, message: e.message }));
  if (!header) return { accounts: [], problems: [{ line: 1, message: 'the file is empty' }], columns: 0 };
  const columns = mapColumns(header);
  const source = { kind: 'list' as const, detail: fileName, at };
  const accounts: ListAccount[] = [];
  rows.forEach((fields, i) => {
    // Line numbers count the header as line 1 (papaparse rows are records; quoted multi-line cells are rare in lists).
    const line = i + 2;
    const { facts, problems: factProblems } = normaliseFacts(rawFactsOfRow(columns, fields), { origin: 'csv', source });
    for (const p of factProblems) problems.push({ line, message: `${p.field}: ${p.message}` });
    const domain = facts.domain?.value;
    if (!domain) {
      problems.push({ line, message: 'no readable website or domain: the account cannot be matched to a page, not imported' });
      return;
    }
    accounts.push({ domain, name: facts.name?.value, facts, line });
  });
  return { accounts, problems, columns: columns.filter((c) => !c.custom).length };
}
