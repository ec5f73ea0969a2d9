// The I/O a CLI command gets in tests: what it prints is kept, standard input is given text when a test needs it.
import { Readable } from 'node:stream';
import { readStream, type CliIo } from '../../src/cli/io';

export interface CapturedIo extends CliIo {
  out: string;
  err: string;
}

export function captureIo(cwd: string, stdin?: string): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    cwd,
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    ...(stdin === undefined
      ? {}
      : { readStdin: (max: number) => readStream(Readable.from([Buffer.from(stdin)]), max) }),
  };
  return io;
}

/** What a CLI command run in-process did: its exit code and what it printed. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a CLI command (runValidateCommand, runRunCommand, ...) in-process in `cwd`, capturing what it prints. */
export async function runCli<Rest extends unknown[]>(
  command: (args: string[], io: CliIo, ...rest: Rest) => Promise<number>,
  args: string[],
  cwd: string,
  ...rest: Rest
): Promise<CliRun> {
  const io = captureIo(cwd);
  const code = await command(args, io, ...rest);
  return { code, stdout: io.out, stderr: io.err };
}
