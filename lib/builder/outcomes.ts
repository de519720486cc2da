import { normaliseFacts, parseDate, parseLocalisedNumber } from '../facts/normalise';
import { valuesOf } from '../facts/parse';
import type { FactValues } from '../facts/vocabulary';
import {
  checkOverrides,
  FilledCounter,
  identityError,
  mapHeaders,
  outcomeColumnsError,
  rawFactsOfRow,
  readChurnFlag,
  readStage as readStageValue,
  readYesNo,
  type ColumnMapping,
  type FileMapping,
  type MappingOverrides,
  type OutcomeColumn,
  type StageChoices,
} from '../mapping';
import { readCsv } from './csv';
import type { OutcomeRecord, RowProblem } from './types';

/**
 * Outcome CSVs as CRMs export them (one row per closed opportunity or account) → OutcomeRecords. Columns are found
 * by the shared mapping (lib/mapping): a HubSpot deals export, a Salesforce opportunity report or Data Loader
 * extract read without hand mapping.
 *
 * A row is **bad** when its outcome cannot be measured: no stage, a won/lost row without a readable close date, a won
 * row without a readable initial ARR, an unreadable current ARR, churn date or margin, or a churn before the close.
 * Bad rows are reported by line number, counted, and kept out of every metric. A company fact that does not read
 * (an employee count of "lots", an industry the taxonomy does not know) is only a **warning**: the row still counts,
 * without that fact. Stage values that are neither won, lost nor a known open stage are counted by value and said
 * once (`unknownStages`), not guessed.
 */

export interface ParseOptions {
  /** The user's mapping over the automatic one: `{ 'ACV (USD)': 'initialArr' }`. */
  overrides?: MappingOverrides;
  /** Stage values the user says are won or lost (`--won`, `--lost`). */
  stages?: StageChoices;
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
  /** Which header each fact and outcome column was read from. */
  columns: Record<string, string>;
  /** The whole mapping, for the previews and the CLI's table. */
  mapping: FileMapping;
  /** Rows with a value, per column. */
  filled: FilledCounter;
  /** Stage values read as neither won, lost nor open, with their counts. */
  unknownStages: Map<string, number>;
}

export function parseOutcomesCsv(text: string, options: ParseOptions = {}): ParsedOutcomes {
  const csv = readCsv(text);
  const overrides = options.overrides ?? {};
  const mapping = mapHeaders(csv.headers, overrides);
  const errors = checkOverrides(csv.headers, overrides);
  const missing = csv.headers.length ? outcomeColumnsError(mapping) : 'the file is empty: no header row';
  if (missing) errors.push(missing);
  const result: ParsedOutcomes = {
    records: [],
    rows: csv.rows.length,
    bad: [],
    warnings: [],
    errors,
    columns: namesOf(mapping),
    mapping,
    filled: new FilledCounter(csv.headers.length),
    unknownStages: new Map(),
  };
  if (errors.length) return result;
  const outcomeIndex = new Map(mapping.columns.filter((c) => c.outcome).map((c) => [c.outcome!, c.index]));
  const factColumns = mapping.columns.filter((c) => !c.custom);
  const parseErrors = new Map(csv.errors.map((e) => [e.line, e.message]));
  for (const row of csv.rows) {
    if (parseErrors.has(row.line)) {
      result.bad.push({ line: row.line, message: `unreadable CSV row: ${parseErrors.get(row.line)}` });
      continue;
    }
    result.filled.add(row.cells);
    const cell = (c: OutcomeColumn) => (outcomeIndex.has(c) ? (row.cells[outcomeIndex.get(c)!] ?? '').trim() : '');
    const outcome = readOutcome(cell, options, result.unknownStages);
    if ('error' in outcome) {
      result.bad.push({ line: row.line, message: outcome.error });
      continue;
    }
    const { warning, ...measured } = outcome;
    if (warning) result.warnings.push({ line: row.line, message: warning });
    const { facts, problems } = readFacts(factColumns, row.cells, options);
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
  mapping: FileMapping;
}

/** A prospect list (accounts that are not customers yet): only the company columns are read. For TAM. */
export function parseProspectsCsv(text: string, options: ParseOptions = {}): ParsedProspects {
  const csv = readCsv(text);
  // The outcomes file's overrides apply where the prospects have the same header; others are the outcomes' own.
  const mapping = mapHeaders(csv.headers, options.overrides ?? {});
  const errors: string[] = [];
  const noIdentity = identityError(mapping);
  if (noIdentity) errors.push(noIdentity);
  const accounts: FactValues[] = [];
  const warnings: RowProblem[] = csv.errors.map((e) => ({ line: e.line, message: `unreadable CSV row: ${e.message}` }));
  const factColumns = mapping.columns.filter((c) => !c.custom);
  if (!errors.length)
    for (const row of csv.rows) {
      const { facts, problems } = readFacts(factColumns, row.cells, options);
      for (const p of problems) warnings.push({ line: row.line, message: p });
      accounts.push(facts);
    }
  return { accounts, rows: csv.rows.length, warnings, errors, mapping };
}

/** Fact or outcome column → the header it was read from. */
function namesOf(mapping: FileMapping): Record<string, string> {
  const names: Record<string, string> = {};
  for (const c of mapping.columns) {
    if (c.outcome) names[c.outcome] = c.header;
    else if (!c.custom) names[c.fact] = c.header;
  }
  return names;
}

type Cell = (column: OutcomeColumn) => string;

/**
 * A stage cell → won, lost or open (see lib/mapping/values.ts); unknown stages read as open and are counted.
 * Kept for callers that read one stage at a time.
 */
export function readStage(text: string, choices?: StageChoices): OutcomeRecord['stage'] | undefined {
  const reading = readStageValue(text, choices);
  return reading === 'unknown' ? 'open' : reading;
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

/** The stage from the stage column, else from IsWon / IsClosed flags. */
function stageOf(cell: Cell, options: ParseOptions, unknown: Map<string, number>): OutcomeRecord['stage'] | undefined {
  const text = cell('stage');
  const reading = readStageValue(text, options.stages);
  if (reading === 'unknown') {
    unknown.set(text, (unknown.get(text) ?? 0) + 1);
    return 'open';
  }
  if (reading) return reading;
  const won = readYesNo(cell('won'));
  const closed = readYesNo(cell('closed'));
  if (won === true) return 'won';
  if (won === false) return closed === false ? 'open' : closed === true ? 'lost' : undefined;
  return undefined;
}

function readOutcome(cell: Cell, options: ParseOptions, unknown: Map<string, number>): Outcome | { error: string } {
  const locale = options.locale ?? 'en-US';
  const stage = stageOf(cell, options, unknown);
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
  // A churn flag column may hold dates ("Churn": 2024-03-01) or yes/no: a date is the churn date.
  const flagText = cell('churned');
  const flagDate = flagText && readChurnFlag(flagText) === undefined ? parseDate(flagText, locale) : undefined;
  const churnText = cell('churnDate') || (flagDate ? flagText : '');
  // Churned without a date: its tenure (and so retention and CLV) cannot be measured; guessing a date would bias both.
  if (!churnText && flagText && readChurnFlag(flagText))
    return { error: `churned ("${flagText}") without a churn date: add a churn date column to use this row` };
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
 * Company facts from the row's mapped fact columns, through the shared edge normaliser (the same one account lists
 * and pages use), so segments and prospects speak the canonical vocabulary: "UK" → GB, "SFDC" → Salesforce.
 */
function readFacts(columns: readonly ColumnMapping[], cells: readonly string[], options: ParseOptions): { facts: FactValues; problems: string[] } {
  const { facts, problems } = normaliseFacts(rawFactsOfRow(columns, cells), {
    origin: 'csv',
    source: { kind: 'crm', ...(options.source ? { detail: options.source.slice(0, 300) } : {}) },
    locale: options.locale ?? 'en-US',
  });
  return { facts: valuesOf(facts), problems: problems.map((p) => `${p.field}: ${p.message}; left out`) };
}
