import { DIALECTS, type DialectName } from '../lib/sql/dialect';
import { modelsToSql } from '../lib/sql/query';
import { EXIT_OK, help, loadModel, parseCommandArgs, UsageError } from './common';
import { print, type CliIo } from './io';

export const SQL_HELP = help(`
    Usage: icp sql [--model <model.json>]... --dialect duckdb|postgres|snowflake|bigquery [--table accounts] [--now <date>]

    Prints the model as one SQL SELECT over a table whose columns are the facts (see docs/sql.md for the layout:
    employees_min/employees_max bands, lists, dates, custom_<name>). It adds icp_score, icp_tier, icp_verdict,
    icp_confidence, icp_reasons and one icp_status_<criterion> column per criterion ('pass', 'fail', 'unknown'),
    with the same results as icp score. With several --model, each model's columns carry its id and the icp_
    columns (and icp_model) are the best model's.

    Options:
      -m, --model <file|id>  model file or built-in model id; repeat for several (default: the built-in model)
      -d, --dialect <name>   duckdb, postgres, snowflake or bigquery
      -t, --table <name>     the input table, optionally qualified (default: accounts)
          --now <date>       fix "today" for date criteria (default: the database's current time)
      -h, --help             this help
`);

const OPTIONS = {
  model: { type: 'string', short: 'm', multiple: true },
  dialect: { type: 'string', short: 'd' },
  table: { type: 'string', short: 't' },
  now: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A plain or qualified table name: letters, digits and "_" per part. */
const TABLE = /^[A-Za-z_][A-Za-z0-9_$-]*(\.[A-Za-z_][A-Za-z0-9_$-]*){0,2}$/;

export async function runSql(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    print(io, SQL_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const dialect = values.dialect;
  if (!dialect) throw new UsageError(`give --dialect (${DIALECTS.join(', ')})`);
  if (!(DIALECTS as readonly string[]).includes(dialect)) throw new UsageError(`unknown dialect "${dialect}" (one of: ${DIALECTS.join(', ')})`);
  const table = values.table ?? 'accounts';
  if (!TABLE.test(table)) throw new UsageError(`--table expects a table name such as accounts or crm.accounts, got "${table}"`);
  let now: number | undefined;
  if (values.now !== undefined) {
    now = Date.parse(values.now);
    if (Number.isNaN(now)) throw new UsageError(`--now expects an ISO date such as 2025-06-01, got "${values.now}"`);
  }
  const models = await Promise.all((values.model ?? [undefined]).map(async (m) => (await loadModel(io, m)).model));
  print(io, `${modelsToSql(models, { dialect: dialect as DialectName, table, now })};\n`);
  return EXIT_OK;
}
