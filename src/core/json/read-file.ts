// Reading a JSON file given by a user (CLI arguments, files found in folders): regular files only, a size cap,
// one decoding path (decodeJsonBytes) and messages that say what is wrong with the path.
import { readFile, stat } from 'node:fs/promises';
import { decodeJsonBytes } from './decode';

/** Files larger than this are refused unless the caller allows more (the CLI's --max-file-size). */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

export class InputFileError extends Error {}

/** The decoded text of a JSON file; throws InputFileError (with `shownAs` in the message) when it cannot be read. */
export async function readJsonTextFile(
  path: string,
  shownAs: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new InputFileError(`${shownAs} is not a regular file (${describeKind(info)}); give a JSON file.`);
    size = info.size;
  } catch (error) {
    throw error instanceof InputFileError ? error : new InputFileError(fileErrorMessage(error, shownAs));
  }
  if (size > maxBytes)
    throw new InputFileError(`${shownAs} is ${megabytes(size)}, larger than the limit of ${megabytes(maxBytes)}.`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputFileError(fileErrorMessage(error, shownAs));
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxBytes)
    throw new InputFileError(`${shownAs} is larger than the limit of ${megabytes(maxBytes)}.`);
  return decodeJsonBytes(bytes);
}

/** A message for a failed file system call on `shownAs`: missing, symlink loop, permission, other. */
export function fileErrorMessage(error: unknown, shownAs: string): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return `no such file or folder: ${shownAs}`;
    case 'ELOOP':
      return `${shownAs} is a symbolic link loop (a link that leads back to itself)`;
    case 'EACCES':
    case 'EPERM':
      return `${shownAs} cannot be read: permission denied`;
    case 'ENOTDIR':
      return `no such file or folder: ${shownAs} (a part of the path is not a folder)`;
    default:
      return `${shownAs} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function describeKind(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
}
