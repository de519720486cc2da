/**
 * `icp`: the ICP Fit command line (same engine as the extension, for RevOps pipelines and batch work).
 * Commands live one per file; they parse arguments and print through a CliIo, the logic is in lib/.
 * runCli runs one command line in-process (the tests do); bin/icp.mjs runs it on the process (cli/main.ts).
 * Exit codes: 0 ok, 1 bad input, 2 usage error.
 */
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, help, InputError, UsageError } from './common';
import { print, printError, type CliIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Loaded on demand: `icp validate` need not load papaparse or the normalisers. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate')).runValidate,
  score: async () => (await import('./score')).runScore,
  explain: async () => (await import('./explain')).runExplain,
  derive: async () => (await import('./derive')).runDerive,
  backtest: async () => (await import('./backtest')).runBacktest,
  sql: async () => (await import('./sql')).runSql,
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
      sql --dialect duckdb|postgres|snowflake|bigquery [--model m.json] [--table t] [--now date]
                                                     the model as one SQL SELECT over a table of facts

    Run "icp <command> --help" for a command's options.
`);

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    print(io, MAIN_HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const load = COMMANDS[command];
  if (!load) {
    printError(io, `icp: unknown command "${command}"\n\n${MAIN_HELP}`);
    return EXIT_USAGE;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(io, `icp ${command}: ${error.message}\nRun "icp ${command} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      printError(io, `${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error; // a bug: let Node print the stack
  }
}
