import { MAX_MODEL_BYTES, parseModelJson } from '../lib/model/validate';
import { EXIT_BAD_INPUT, EXIT_OK, formatModelProblems, help, parseCommandArgs, readTextFile, UsageError } from './common';

export const VALIDATE_HELP = help(`
    Usage: icp validate <model.json>...

    Checks ICP model files against the model format (docs/model-format.md).
    Prints "ok: <name> v<version>, N criteria" per valid file, or one line per problem:
      <file>: <json path>: <message>
    Exit code: 0 when every file is valid, 1 otherwise, 2 on a usage error.
`);

export async function runValidate(args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(VALIDATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError('validate needs a model file');
  let code = EXIT_OK;
  for (const file of positionals) {
    let text: string;
    try {
      text = await readTextFile(file, MAX_MODEL_BYTES);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      code = EXIT_BAD_INPUT;
      continue;
    }
    const check = parseModelJson(text);
    if (check.ok) {
      const m = check.model;
      process.stdout.write(`ok: ${m.name} v${m.version}, ${m.criteria.length} criteria\n`);
    } else {
      // The problem list is this command's output (like a linter's), so it goes to stdout.
      process.stdout.write(`${formatModelProblems(file, check.problems)}\n`);
      code = EXIT_BAD_INPUT;
    }
  }
  return code;
}
