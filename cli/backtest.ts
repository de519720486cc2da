import { backtest, evaluateModel, type Evaluation } from '../lib/builder/backtest';
import { defaultAsOf } from '../lib/builder/metrics';
import { formatBacktestTable } from '../lib/builder/report';
import { DEFAULT_THRESHOLDS } from '../lib/builder/segments';
import { EXIT_BAD_INPUT, EXIT_OK, help, loadModel, parseCommandArgs, UsageError } from './common';
import { loadOutcomes, MAPPING_OPTIONS, outcomeReadOptions, parseIsoOption, parsePositiveInt } from './derive';
import { print, printError, type CliIo } from './io';

export const BACKTEST_HELP = help(`
    Usage: icp backtest --model model.json <outcomes.csv> [--json]
           icp backtest <outcomes.csv> [--cut 2024-01-01] [--json]

    With --model: scores every closed deal in the CSV with that model and compares outcomes of fit and
    not-fit accounts and of each tier (NRR, logo retention, CLV, win rate), and the share of expansion
    revenue the top tiers capture against their share of accounts. For an honest test, derive the model on
    older deals (icp derive --until D) and test it on newer ones (--since D).
    Without --model: a time split — derives a model on deals closed before the cut (default: the 70th
    percentile of close dates) and tests it on the rest.

    Options:
      --model <file|id>      the model to test (a file, or a built-in model id)
      --since <date>         with --model: test only deals closed on or after this date
      --cut <date>           without --model: the split date
      --json                 print JSON ({fit, notFit, needsData, tiers, topTiers, …}) instead of a table
      --map <Header=target>  read a column as another fact or outcome (as in icp derive; also --won, --lost,
                             --quiet)
      --as-of <date>         "today" for tenure and date criteria (default: the latest date in the file)
      --min-won <n>          without --model: won accounts a segment needs (default ${DEFAULT_THRESHOLDS.minWon})
      --locale <tag>         locale of numbers and dates (default en-US)

    Exit code: 0 ok, 1 bad input, 2 usage error.
`);

export async function runBacktest(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, {
    help: { type: 'boolean', short: 'h' },
    model: { type: 'string', short: 'm' },
    json: { type: 'boolean' },
    since: { type: 'string' },
    cut: { type: 'string' },
    ...MAPPING_OPTIONS,
    'as-of': { type: 'string' },
    'min-won': { type: 'string' },
    locale: { type: 'string' },
  });
  if (values.help) {
    print(io, BACKTEST_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError('backtest needs exactly one outcomes CSV');
  if (values.model && values.cut) throw new UsageError('--cut splits for a derived model; with --model use --since');
  if (!values.model && values.since) throw new UsageError('--since filters the test deals for --model; without it use --cut');
  const [file] = positionals;
  const since = parseIsoOption('since', values.since);
  const cutDate = parseIsoOption('cut', values.cut);
  const asOfOption = parseIsoOption('as-of', values['as-of']);
  const minWon = parsePositiveInt('min-won', values['min-won']);

  const parsed = await loadOutcomes(io, file, outcomeReadOptions(values));
  const asOf = asOfOption ?? defaultAsOf(parsed.records);

  let output: Record<string, unknown> & Evaluation;
  let title: string;
  if (values.model) {
    const { model, from } = await loadModel(io, values.model);
    const records = since ? parsed.records.filter((r) => r.closeDate !== undefined && r.closeDate >= since) : parsed.records;
    const evaluation = evaluateModel(model, records, { asOf });
    if (evaluation.test.n === 0) {
      printError(io, `${file}: no closed deals${since ? ` on or after ${since}` : ''} to test on\n`);
      return EXIT_BAD_INPUT;
    }
    output = { model: { id: model.id, name: model.name, version: model.version, from }, asOf, ...evaluation };
    title = `Backtest of "${model.name}" v${model.version} on ${evaluation.test.n} closed deals (${evaluation.test.from} – ${evaluation.test.to})`;
  } else {
    let result;
    try {
      result = backtest(parsed.records, { asOf, cutDate, thresholds: minWon ? { minWon } : {} });
    } catch (error) {
      printError(io, `${file}: ${(error as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    const { model, ...rest } = result;
    output = { model: { id: model.id, name: model.name, version: model.version, from: 'derived' }, asOf, ...rest };
    title =
      `Time-split backtest: derived on ${rest.train.n} deals closed before ${rest.cutDate}, ` +
      `tested on ${rest.test.n} closed ${rest.test.from} – ${rest.test.to}`;
  }
  output.badRows = parsed.bad;
  if (values.json) print(io, `${JSON.stringify(output, null, 2)}\n`);
  else print(io, `${title}\n\n${formatBacktestTable(output)}`);
  return EXIT_OK;
}
