import { normaliseFacts } from '../facts/normalise/index';
import type { CompanyFacts } from '../facts/vocabulary';
import { checkOverrides, identityError, mapHeaders, rawFactsOfRow, type FileMapping, type MappingOverrides } from '../mapping';
import { readCsvRecords } from '../csv/records';

/**
 * An account list (CSV export of a CRM list, a conference list…) read into accounts the extension knows, keyed by
 * domain, so the card on any site merges them with what the page shows (source: list). Pure: the options page stores
 * the result. Columns are found by the shared mapping (lib/mapping). A file with no website or domain column is
 * refused with one error about its header; otherwise rows are kept or reported, never silently dropped: a row
 * without a readable domain cannot be matched to a page and is reported with its line; a row with some bad facts
 * keeps the good ones.
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

export interface AccountListResult {
  accounts: ListAccount[];
  problems: ListProblem[];
  /** Columns mapped to facts. */
  columns: number;
  mapping?: FileMapping;
}

/** An account list is matched to pages by domain: only a website or domain column identifies its rows. */
const LIST_IDENTITY = ['domain'];

export function readAccountList(text: string, fileName: string, at: string, overrides: MappingOverrides = {}): AccountListResult {
  const records = readCsvRecords(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...rows] = records;
  const problems: ListProblem[] = [];
  if (!header) return { accounts: [], problems: [{ line: 1, message: 'the file is empty' }], columns: 0 };
  const mapping = mapHeaders(header.fields, overrides);
  const columns = mapping.columns;
  const fileError = checkOverrides(header.fields, overrides)[0] ?? identityError(mapping, LIST_IDENTITY);
  if (fileError) return { accounts: [], problems: [{ line: header.line, message: fileError }], columns: 0, mapping };
  const source = { kind: 'list' as const, detail: fileName, at };
  const accounts: ListAccount[] = [];
  for (const { fields, line, problem } of rows) {
    // A row with broken quoting may have its cells shifted: better not imported than merged into the wrong account.
    if (problem) {
      problems.push({ line, message: `${UNREADABLE}: ${problem}; not imported` });
      continue;
    }
    const { facts, problems: factProblems } = normaliseFacts(rawFactsOfRow(columns, fields), { origin: 'csv', source });
    for (const p of factProblems) problems.push({ line, message: `${p.field}: ${p.message}` });
    const domain = facts.domain?.value;
    if (!domain) {
      problems.push({ line, message: 'no readable website or domain: the account cannot be matched to a page, not imported' });
      continue;
    }
    accounts.push({ domain, name: facts.name?.value, facts, line });
  }
  return { accounts, problems, columns: columns.filter((c) => !c.custom).length, mapping };
}

const UNREADABLE = 'could not read this row';

/** The lines of the rows that could not be read at all (broken quoting), for the import's summary. */
export const unreadableLines = (problems: readonly ListProblem[]) => problems.filter((p) => p.message.startsWith(UNREADABLE)).map((p) => p.line);
