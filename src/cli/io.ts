// The I/O a command gets: tests pass their own to capture output; the CLI passes the process's.

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against (and printed relative to). */
  cwd: string;
}

/** The real process: text goes to stdout/stderr as is (callers add their own newlines). */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  };
}
