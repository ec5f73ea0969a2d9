// The I/O a command gets: tests pass their own to capture output; the CLI passes the process's.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against (and printed relative to). */
  cwd: string;
  /** All of standard input (`validate -`); rejects when it is larger than `maxBytes`. */
  readStdin?(maxBytes: number): Promise<Buffer>;
}

/** The real process: text goes to stdout/stderr as is (callers add their own newlines). */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    readStdin: (maxBytes) => readStream(process.stdin, maxBytes),
  };
}

/** Reads a stream to its end, failing as soon as it grows past `maxBytes` (a pipe from /dev/zero ends too). */
export function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer> {
  return new Promise((resolveRead, rejectRead) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > maxBytes) {
        stream.removeListener('data', onData);
        stream.pause();
        rejectRead(new Error(`standard input is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`));
        return;
      }
      chunks.push(buffer);
    };
    stream.on('data', onData);
    stream.once('end', () => resolveRead(Buffer.concat(chunks)));
    stream.once('error', rejectRead);
  });
}
