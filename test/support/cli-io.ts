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
