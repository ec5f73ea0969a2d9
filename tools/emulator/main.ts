// Standalone emulator: `npm run emulator -- --seed <file> --port <p> [--page-size n] [--time-scale x]`.
import { createEngineExecutor } from './engine-executor';
import { startEmulator } from './index';
import { SeedError } from './seed';

interface Args {
  seed?: string;
  port?: number;
  pageSize?: number;
  timeScale?: number;
  stateDir?: string;
}

const USAGE =
  'usage: npm run emulator -- --seed <file> [--port <p>] [--page-size <n>] [--time-scale <x>] [--state-dir <dir>]';

function parseArgs(argv: string[]): Args | string {
  const args: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') return USAGE;
    if (value === undefined || value.startsWith('--')) return `missing value for ${flag}\n${USAGE}`;
    i++;
    const number = (): number | string =>
      Number.isFinite(Number(value)) ? Number(value) : `${flag} needs a number, got "${value}"`;
    switch (flag) {
      case '--seed':
        args.seed = value;
        break;
      case '--state-dir':
        args.stateDir = value;
        break;
      case '--port':
      case '--page-size':
      case '--time-scale': {
        const n = number();
        if (typeof n === 'string') return n;
        if (flag === '--port') args.port = n;
        else if (flag === '--page-size') args.pageSize = n;
        else args.timeScale = n;
        break;
      }
      default:
        return `unknown option ${flag}\n${USAGE}`;
    }
  }
  return args.seed ? args : `--seed is required\n${USAGE}`;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  let emulator;
  try {
    emulator = await startEmulator({
      seed: args.seed!,
      port: args.port,
      pageSize: args.pageSize,
      timeScale: args.timeScale,
      stateDir: args.stateDir,
      pipelineRunExecutor: createEngineExecutor(),
    });
  } catch (error) {
    process.stderr.write(
      `${error instanceof SeedError ? error.message : `Cannot start the emulator: ${(error as Error).message}`}\n`,
    );
    return 1;
  }
  const lines = [
    `Azure emulator listening on ${emulator.url}`,
    `  ARM (resourceManagerEndpoint): ${emulator.cloud.resourceManagerEndpoint}`,
    `  Entra ID (authorityHost):      ${emulator.cloud.authorityHost}`,
    `  Control API:                   ${emulator.url}/_emulator/`,
    `  CA certificate:                ${emulator.caCertPath}`,
    `  e.g. NODE_EXTRA_CA_CERTS=${emulator.caCertPath}`,
    'Press Ctrl-C to stop.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void emulator.stop().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write('Emulator stopped.\n');
  return 0;
}

void main().then((code) => {
  process.exitCode = code;
});
