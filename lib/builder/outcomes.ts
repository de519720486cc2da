import { normaliseFacts, parseDate, parseLocalisedNumber } from '../facts/normalise';
import { valuesOf } from '../facts/parse';
import type { RawFacts } from '../facts/raw';
import type { FactValues } from '../facts/vocabulary';
import { resolveColumns, type Column, type ColumnMapping, type ResolvedColumns } from './columns';
import { readCsv } from './csv';
import type { OutcomeRecord, RowProblem } from './types';

/**
 * Outcome CSVs as CRMs export them (one row per closed opportunity or account) → OutcomeRecords.
 *
 * A row is **bad** when its outcome cannot be measured: no stage, a won/lost row without a readable close date, a won
 * row without a readable initial ARR, an unreadable current ARR, churn date or margin, or a churn before the close.
 * Bad rows are reported by line number, counted, and kept out of every metric. A company fact that does not read
 * (an employee count of "lots", an industry the taxonomy does not know) is only a **warning**: the row still counts,
 * without that fact.
 */

export interface ParseOptions {
  /** Override the header used for any column (case-insensitive): `{ initialArr: 'ACV (USD)' }`. */
  mapping?: ColumnMapping;
  /** Locale of numbers and numeric dates in the file (default en-US, as CRM exports usually are). */
  locale?: string;
  /** Source detail for the facts (the file name). */
  source?: string;
}

export interface ParsedOutcomes {
  records: OutcomeRecord[];
  /** Data rows in the file (good + bad). */
  rows: number;
  /** Rows kept out of the metrics, by line. */
  bad: RowProblem[];
  /** Facts that did not read, by line; the row still counts. */
  warnings: RowProblem[];
  /** Problems with the file as a whole (missing required columns): when present, there are no records. */
  errors: string[];
  /** Which header each column was read from. */
  columns: Partial<Record<Column, string>>;
}

const REQUIRED_OUTCOME_COLUMNS: Column[] = ['stage', 'closeDate', 'initialArr'];

export function parseOutcomesCsv(text: string, options: ParseOptions = {}): ParsedOutcomes {
  const csv = readCsv(text);
  const { columns, errors } = resolveColumns(csv.headers, options.mapping);
  for (const column of REQUIRED_OUTCOME_COLUMNS)
    if (columns[column] === undefined)
      errors.push(`no ${column} column (looked for ${describeAliases(column)}); name it with a column mapping`);
  const result: ParsedOutcomes = {
    records: [],
    rows: csv.rows.length,
    bad: [],
    warnings: [],
    errors,
    columns: namesOf(columns, csv.headers),
  };
  if (errors.length) return result;
  const parseErrors = new Map(csv.errors.map((e) => [e.line, e.message]));
  for (const row of csv.rows) {
    if (parseErrors.has(row.line)) {
      result.bad.push({ line: row.line, message: `unreadable CSV row: ${parseErrors.get(row.line)}` });
      continue;
    }
    const cell = (c: Column) => (columns[c] === undefined ? '' : (row.cells[columns[c]!] ?? '').trim());
    const outcome = readOutcome(cell, options.locale ?? 'en-US');
    if ('error' in outcome) {
      result.bad.push({ line: row.line, message: outcome.error });
      continue;
    }
    const { warning, ...measured } = outcome;
    if (warning) result.warnings.push({ line: row.line, message: warning });
    const { facts, problems } = readFacts(cell, options);
    for (const p of problems) result.warnings.push({ line: row.line, message: p });
    result.records.push({ line: row.line, facts, ...measured });
  }
  return result;
}

export interface ParsedProspects {
  accounts: FactValues[];
  rows: number;
  warnings: RowProblem[];
  errors: string[];
}

/** A prospect list (accounts that are not customers yet): only the company columns are read. For TAM. */
export function parseProspectsCsv(text: string, options: ParseOptions = {}): ParsedProspects {
  const csv = readCsv(text);
  const { columns, errors } = resolveColumns(csv.headers, options.mapping);
  const accounts: FactValues[] = [];
  const warnings: RowProblem[] = csv.errors.map((e) => ({ line: e.line, message: `unreadable CSV row: ${e.message}` }));
  if (!errors.length)
    for (const row of csv.rows) {
      const cell = (c: Column) => (columns[c] === undefined ? '' : (row.cells[columns[c]!] ?? '').trim());
      const { facts, problems } = readFacts(cell, options);
      for (const p of problems) warnings.push({ line: row.line, message: p });
      accounts.push(facts);
    }
  return { accounts, rows: csv.rows.length, warnings, errors };
}

function describeAliases(column: Column): string {
  const examples: Record<string, string> = {
    stage: '"Opportunity Stage", "Stage"',
    closeDate: '"Close Date"',
    initialArr: '"Initial ARR", "Amount"',
  };
  return examples[column] ?? column;
}

function namesOf(columns: ResolvedColumns, headers: readonly string[]): Partial<Record<Column, string>> {
  const names: Partial<Record<Column, string>> = {};
  for (const [column, index] of Object.entries(columns) as [Column, number][]) names[column] = headers[index];
  return names;
}

type Cell = (column: Column) => string;

/** "Closed Won", "Won", "closed-won" → won; "Closed Lost", "Lost" → lost; any other stage is still open. */
export function readStage(text: string): OutcomeRecord['stage'] | undefined {
  if (!text) return undefined;
  if (/\bwon\b/i.test(text.replace(/[-_]/g, ' '))) return 'won';
  if (/\blost\b/i.test(text.replace(/[-_]/g, ' '))) return 'lost';
  return 'open';
}

/**
 * The most a single account's yearly revenue (ARR, cost to serve) can plausibly be: a trillion. A larger figure
 * (1e308, a pasted ID) is a data error, and one such row would dominate every sum, mean and CLV.
 */
export const MAX_PLAUSIBLE_AMOUNT = 1e12;

/** "$114,300.00", "114300", "€1.234,50" → a non-negative amount; undefined when it does not read. */
export function readMoney(text: string, locale = 'en-US'): number | undefined {
  const amount = readAmount(text, locale, 'amount');
  return typeof amount === 'number' ? amount : undefined;
}

/** An amount between 0 and MAX_PLAUSIBLE_AMOUNT, or what is wrong with it (named `what`, e.g. "initial ARR"). */
function readAmount(text: string, locale: string, what: string): number | { error: string } {
  const n = parseLocalisedNumber(text, locale);
  if (n === undefined || Number.isNaN(n)) return { error: `${what} "${clip(text)}" is not an amount` };
  if (n < 0) return { error: `${what} "${clip(text)}" is negative` };
  if (!(n <= MAX_PLAUSIBLE_AMOUNT)) return { error: `${what} "${clip(text)}" is out of the plausible range (0 to ${MAX_PLAUSIBLE_AMOUNT.toExponential()}); left out` };
  return n;
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** "78%", "78", "0.78" → 0.78. Values above 1 are read as percentages. */
export function readMargin(text: string, locale = 'en-US'): number | undefined {
  const percent = text.endsWith('%');
  const n = parseLocalisedNumber(percent ? text.slice(0, -1) : text, locale);
  if (n === undefined) return undefined;
  const fraction = percent || Math.abs(n) > 1 ? n / 100 : n;
  return fraction >= -1 && fraction <= 1 ? fraction : undefined;
}

/** A row's outcome; `warning`: a value that did not read and was left out (the row still counts). */
type Outcome = Omit<OutcomeRecord, 'line' | 'facts'> & { warning?: string };

function readOutcome(cell: Cell, locale: string): Outcome | { error: string } {
  const stage = readStage(cell('stage'));
  if (!stage) return { error: 'no opportunity stage' };
  const out: Outcome = { stage };
  const closeText = cell('closeDate');
  if (closeText) {
    const closeDate = parseDate(closeText, locale);
    if (!closeDate) return { error: `close date "${closeText}" is not a date` };
    out.closeDate = closeDate;
  } else if (stage !== 'open') return { error: `a ${stage} deal needs a close date` };

  const initialText = cell('initialArr');
  if (initialText) {
    const initial = readAmount(initialText, locale, 'initial ARR');
    if (typeof initial !== 'number') {
      if (stage === 'won') return initial;
      // An open or lost deal's amount only matters when it reads: a bad one is reported and left out.
      out.warning = initial.error;
    } else out.initialArr = initial;
  } else if (stage === 'won') return { error: 'a won deal needs an initial ARR (or amount)' };

  if (stage !== 'won') return out; // retention columns describe customers only

  const currentText = cell('currentArr');
  if (currentText) {
    const current = readAmount(currentText, locale, 'current ARR');
    if (typeof current !== 'number') return current;
    out.currentArr = current;
  }
  const churnText = cell('churnDate');
  if (churnText) {
    const churnDate = parseDate(churnText, locale);
    if (!churnDate) return { error: `churn date "${churnText}" is not a date` };
    if (out.closeDate && churnDate < out.closeDate)
      return { error: `churn date ${churnDate} is before the close date ${out.closeDate}` };
    out.churnDate = churnDate;
  }
  const marginText = cell('grossMargin');
  if (marginText) {
    const margin = readMargin(marginText, locale);
    if (margin === undefined) return { error: `gross margin "${marginText}" is not a percentage` };
    out.grossMargin = margin;
  } else {
    // Cost to serve (a yearly amount) gives the margin on the account's revenue.
    const costText = cell('costToServe');
    const revenue = out.currentArr || out.initialArr;
    if (costText && revenue) {
      const cost = readAmount(costText, locale, 'cost to serve');
      if (typeof cost !== 'number') return cost;
      out.grossMargin = Math.max(-1, 1 - cost / revenue);
    }
  }
  return out;
}

/**
 * Company facts from the row, through the shared edge normaliser (the same one account lists and pages use), so
 * segments and prospects speak the canonical vocabulary: "UK" → GB, "SFDC" → Salesforce, "1,001-5,000" → a band.
 */
function readFacts(cell: Cell, options: ParseOptions): { facts: FactValues; problems: string[] } {
  const raw: RawFacts = {
    name: cell('name'),
    domain: cell('domain'),
    industry: cell('industry'),
    subIndustry: cell('subIndustry'),
    employees: cell('employees'),
    hqCountry: cell('country'),
    technologies: cell('technologies'),
  };
  const { facts, problems } = normaliseFacts(raw, {
    origin: 'csv',
    source: { kind: 'crm', ...(options.source ? { detail: options.source.slice(0, 300) } : {}) },
    locale: options.locale ?? 'en-US',
  });
  return { facts: valuesOf(facts), problems: problems.map((p) => `${p.field}: ${p.message}; left out`) };
}
