import { print, printError, type CliIo } from './io';
import { MAX_MODEL_BYTES, parseModelJson } from '../lib/model/validate';
import { EXIT_BAD_INPUT, EXIT_OK, formatModelProblems, help, parseCommandArgs, readTextFile, UsageError } from './common';

export const VALIDATE_HELP = help(`
    Usage: icp validate <model.json>...

    Checks ICP model files against the model format (docs/model-format.md).
    Prints "ok: <name> v<version>, N criteria" per valid file, or one line per problem:
      <file>: <json path>: <message>
    Exit code: 0 when every file is valid, 1 otherwise, 2 on a usage error.
`);

export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    print(io, VALIDATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError('validate needs a model file');
  let code = EXIT_OK;
  for (const file of positionals) {
    let text: string;
    try {
      text = await readTextFile(io, file, MAX_MODEL_BYTES);
    } catch (error) {
      printError(io, `${(error as Error).message}\n`);
      code = EXIT_BAD_INPUT;
      continue;
    }
    const check = parseModelJson(text);
    if (check.ok) {
      const m = check.model;
      print(io, `ok: ${m.name} v${m.version}, ${m.criteria.length} criteria\n`);
    } else {
      // The problem list is this command's output (like a linter's), so it goes to stdout.
      print(io, `${formatModelProblems(file, check.problems)}\n`);
      code = EXIT_BAD_INPUT;
    }
  }
  return code;
}
