// The `adf-batch` command line (bundled to dist/cli.js, the package's bin): dispatches on its first argument.
import { runGenerateCommand } from './generate-command';
import { processIo, type CliIo } from './io';
import { runRunCommand } from './run-command';
import { runValidateCommand } from './validate-command';
import { toolVersion } from './version';

const COMMANDS: Readonly<Record<string, (args: string[], io: CliIo) => Promise<number>>> = {
  validate: runValidateCommand,
  generate: runGenerateCommand,
  run: (args, io) => runRunCommand(args, io),
};

export const USAGE = `Usage: adf-batch <command> [options]

Commands:
  validate <files or folders...>   check ADF pipeline JSON (text, json or SARIF output)
  generate --endpoint-uri <uri> ...  write the pipeline that runs an Azure ML batch endpoint
  run <pipeline file> ...          run a pipeline with the local engine

Run \`adf-batch <command> --help\` for the options of a command; \`adf-batch --version\` prints the version.
`;

/** Runs the CLI with `args` (without node and the script); resolves to the exit code. */
export async function runAdfBatch(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined) {
    io.stderr(USAGE);
    return 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.stderr(`adf-batch: unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    io.stderr(`adf-batch ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  void runAdfBatch(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
