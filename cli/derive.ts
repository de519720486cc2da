import { print, printError, readTextIn, writeTextIn, type CliIo } from './io';
import { backtest } from '../lib/builder/backtest';
import { derive } from '../lib/builder/derive';
import { defaultAsOf } from '../lib/builder/metrics';
import { parseOutcomesCsv, parseProspectsCsv, type ParsedOutcomes } from '../lib/builder/outcomes';
import { buildDeriveReport, type DeriveReport } from '../lib/builder/report';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../lib/builder/segments';
import type { RowProblem } from '../lib/builder/types';
import type { FactValues } from '../lib/facts/vocabulary';
import { formatMappingTable, formatUnknownStages, parseTarget, type MappingTarget, type StageChoices } from '../lib/mapping';
import { EXIT_BAD_INPUT, EXIT_OK, help, InputError, MAP_HELP, parseCommandArgs, parseMapOption, UsageError } from './common';

export const DERIVE_HELP = help(`
    Usage: icp derive <outcomes.csv> [--prospects p.csv] --out model.json [--report report.json]

    Derives an ICP model from lifecycle outcomes (closed-won/lost deals with retention), with the evidence.
    The CSV is a CRM export (a HubSpot deals export, a Salesforce opportunity report or Data Loader extract…);
    headers map automatically ("Deal Stage"/"StageName", "Close Date", "Amount"/"Initial ARR", "Current ARR",
    "Churn Date", "Gross Margin", "Cost to Serve", and the company columns icp score reads). The mapping is
    printed on stderr with the rows each column was read from; stage values read as neither won nor lost
    are listed with their counts.

    Options:
      --out <file>           write the proposed model (JSON); without it the model goes to stdout
      --report <file>        write the segment report (JSON): baseline, segments with n, win rate, logo
                             retention, NRR, CLV, TAM and flags, the criteria's evidence, and a time-split backtest
      --prospects <file>     prospect accounts (CSV, same company columns) for TAM per segment
${MAP_HELP}
      --won <value>          a stage value that means won (repeatable), e.g. --won "Signed"
      --lost <value>         a stage value that means lost (repeatable)
      -q, --quiet            do not print the column mapping
      --until <date>         derive only on deals closed before this date (keep the rest for icp backtest)
      --as-of <date>         "today" for tenure and churn (default: the latest date in the file)
      --min-won <n>          won accounts a segment needs before it is flagged or used (default ${DEFAULT_THRESHOLDS.minWon})
      --locale <tag>         locale of numbers and dates in the files (default en-US)
      --id <id>, --name <name>, --version <n>   identity of the proposed model

    Rows whose outcome cannot be read are reported by line number on stderr and in the report, and left out.
    Exit code: 0 ok, 1 bad input (no usable rows, missing columns), 2 usage error.
`);

/** The options every command reading an outcomes CSV takes. */
export const MAPPING_OPTIONS = {
  map: { type: 'string', multiple: true },
  column: { type: 'string', multiple: true },
  won: { type: 'string', multiple: true },
  lost: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/**
 * `--map "Header=target"` and the older `--column target="Header"` (same meaning, the other way round; "country"
 * was its name for hqCountry) → one set of overrides by header.
 */
export function parseMappingOptions(values: { map?: string[]; column?: string[] }): Record<string, MappingTarget> {
  const overrides = parseMapOption(values.map);
  for (const value of values.column ?? []) {
    const eq = value.indexOf('=');
    const name = value.slice(0, eq).trim();
    const target = parseTarget(name === 'country' ? 'hqCountry' : name);
    const header = value.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (eq < 1 || !target || !header) throw new UsageError(`--column expects <target>=<header>, e.g. initialArr="ACV (USD)"; got "${value}"`);
    overrides[header] = target;
  }
  return overrides;
}

export interface OutcomeReadOptions {
  overrides: Record<string, MappingTarget>;
  stages: StageChoices;
  locale?: string;
  quiet?: boolean;
}

export const outcomeReadOptions = (values: { map?: string[]; column?: string[]; won?: string[]; lost?: string[]; locale?: string; quiet?: boolean }): OutcomeReadOptions => ({
  overrides: parseMappingOptions(values),
  stages: { won: values.won ?? [], lost: values.lost ?? [] },
  locale: values.locale,
  quiet: values.quiet,
});

export function parseIsoOption(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(`--${name} expects a date such as 2025-01-31, got "${value}"`);
  return value;
}

export function parsePositiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} expects a whole number above 0, got "${value}"`);
  return n;
}

export async function readInput(io: CliIo, path: string): Promise<string> {
  try {
    return await readTextIn(io, path);
  } catch (error) {
    throw new InputError(`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * Reads an outcomes CSV and says how: the mapping table (unless quiet), then whole-file problems as one input
 * error, bad rows by line, and stage values read as neither won nor lost, once, with their counts.
 */
export async function loadOutcomes(io: CliIo, file: string, options: OutcomeReadOptions): Promise<ParsedOutcomes> {
  const parsed = parseOutcomesCsv(await readInput(io, file), { ...options, source: file });
  if (!options.quiet) printError(io, formatMappingTable(parsed.mapping, parsed.errors.length ? undefined : parsed.filled));
  if (parsed.errors.length) throw new InputError(parsed.errors.map((e) => `${file}: ${e}`).join('\n'));
  reportRows(io, file, 'bad row, left out', parsed.bad);
  const unknown = formatUnknownStages(parsed.unknownStages);
  if (unknown) printError(io, `${file}: ${unknown}\n`);
  return parsed;
}

/** Problems by line, at most 20, then a count: a long list helps nobody on a terminal. */
export function reportRows(io: CliIo, file: string, what: string, rows: readonly RowProblem[]) {
  for (const p of rows.slice(0, 20)) printError(io, `${file}:${p.line}: ${what}: ${p.message}\n`);
  if (rows.length > 20) printError(io, `${file}: … and ${rows.length - 20} more (${rows.length} in all)\n`);
}

export async function runDerive(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, {
    help: { type: 'boolean', short: 'h' },
    out: { type: 'string', short: 'o' },
    report: { type: 'string' },
    prospects: { type: 'string' },
    ...MAPPING_OPTIONS,
    until: { type: 'string' },
    'as-of': { type: 'string' },
    'min-won': { type: 'string' },
    locale: { type: 'string' },
    id: { type: 'string' },
    name: { type: 'string' },
    version: { type: 'string' },
  });
  if (values.help) {
    print(io, DERIVE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('derive needs exactly one outcomes CSV');
  const [file] = positionals;
  const read = outcomeReadOptions(values);
  const until = parseIsoOption('until', values.until);
  const asOfOption = parseIsoOption('as-of', values['as-of']);
  const minWon = parsePositiveInt('min-won', values['min-won']);
  const version = parsePositiveInt('version', values.version);
  const thresholds: Partial<Thresholds> = minWon ? { minWon } : {};

  const parsed = await loadOutcomes(io, file, read);
  const records = until ? parsed.records.filter((r) => r.closeDate !== undefined && r.closeDate < until) : parsed.records;
  if (!records.some((r) => r.stage === 'won')) {
    const stages = parsed.unknownStages.size ? ' (see the stage values above)' : '';
    printError(io, `${file}: no won deals${until ? ` closed before ${until}` : ''} among ${parsed.rows} rows${stages}: nothing to derive from\n`);
    return EXIT_BAD_INPUT;
  }
  if (!parsed.mapping.columns.some((c) => c.outcome === 'currentArr' || c.outcome === 'churnDate' || c.outcome === 'churned'))
    printError(io, `${file}: no retention columns (Current ARR, Churn Date): criteria come from NRR and retention, so few or none can be proposed\n`);
  let prospects: FactValues[] | undefined;
  if (values.prospects) {
    const p = parseProspectsCsv(await readInput(io, values.prospects), { ...read, source: values.prospects });
    if (p.errors.length) throw new InputError(p.errors.map((e) => `${values.prospects}: ${e}`).join('\n'));
    prospects = p.accounts;
  }
  const asOf = asOfOption ?? defaultAsOf(parsed.records);
  const options = { asOf, prospects, thresholds, id: values.id, name: values.name, version };

  let result;
  try {
    result = derive(records, options);
  } catch (error) {
    printError(io, `${file}: ${(error as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
  const modelJson = `${JSON.stringify(result.proposal.model, null, 2)}\n`;
  if (values.out) await writeTextIn(io, values.out, modelJson);
  else print(io, modelJson);

  if (values.report) {
    let check: DeriveReport['backtest'];
    try {
      const { model: _model, ...rest } = backtest(records, options);
      check = rest;
    } catch (error) {
      check = { error: (error as Error).message };
    }
    const report = buildDeriveReport({
      parsed,
      analysis: result.analysis,
      proposal: result.proposal,
      backtest: check,
      asOf,
      file,
      prospects: prospects?.length,
      until,
    });
    await writeTextIn(io, values.report, `${JSON.stringify(report, null, 2)}\n`);
  }
  const m = result.proposal.model;
  const count = (kind: string) => m.criteria.filter((c) => c.kind === kind).length;
  printError(io, 
    `derived "${m.name}" from ${result.analysis.baseline.n} closed deals (${parsed.bad.length} bad rows left out): ` +
      `${count('must')} musts, ${count('exclude')} hard-nos, ${count('score')} scored criteria, ${m.segments?.length ?? 0} segments` +
      `${values.out ? ` → ${values.out}` : ''}${values.report ? `; report → ${values.report}` : ''}\n`,
  );
  return EXIT_OK;
}
