/**
 * `icp`: the ICP Fit command line (same engine as the extension, for RevOps pipelines and batch work).
 * Commands live one per file; they parse arguments and print, the logic is in lib/.
 * Exit codes: 0 ok, 1 bad input, 2 usage error.
 */
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, help, InputError, UsageError } from './common';

type Command = (args: string[]) => Promise<number>;

/** Loaded on demand: `icp validate` need not load papaparse or the normalisers. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate')).runValidate,
  score: async () => (await import('./score')).runScore,
  explain: async () => (await import('./explain')).runExplain,
  derive: async () => (await import('./derive')).runDerive,
  backtest: async () => (await import('./backtest')).runBacktest,
  review: async () => (await import('./review')).runReview,
};

const MAIN_HELP = help(`
    Usage: icp <command> [options]

    Commands:
      validate <model.json>                          check a model file
      score [--model m.json] <accounts.csv> [--out]  score a CSV of accounts (streams; adds icp_* columns)
      explain [--model m.json] [--company <json>]    score one company (or JSON lines on stdin), fully explained
      derive <outcomes.csv> [--prospects p.csv] --out model.json --report report.json
                                                     propose a model from lifecycle outcomes, with evidence
      backtest --model m.json <outcomes.csv> [--json] fit vs not-fit retention and NRR on a time split
      review <outcomes.csv> [--model m.json] [--exceptions e.csv] [--now D] [--json]
                                                     quarterly drift, exceptions vs the ICP, churn by tier/segment

    Run "icp <command> --help" for a command's options.
`);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(MAIN_HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`icp: unknown command "${command}"\n\n${MAIN_HELP}`);
    return EXIT_USAGE;
  }
  try {
    const run = await load();
    return await run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`icp ${command}: ${error.message}\nRun "icp ${command} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error; // a bug: let Node print the stack
  }
}

process.exitCode = await main(process.argv.slice(2));
// For the bounded-memory test and curious users: peak resident memory of this run.
if (process.env.ICP_REPORT_RSS === '1') process.stderr.write(`icp: peak RSS ${process.resourceUsage().maxRSS} KB\n`);
