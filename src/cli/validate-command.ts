// `adf-batch validate <files or folders...> [--format text|json|sarif]`: exit 1 when any error, 2 for bad usage.
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import {
  decodeJsonBytes,
  DEFAULT_MAX_FILE_BYTES,
  fileErrorMessage,
  InputFileError,
  readJsonTextFile,
} from '../core/json';
import { ExpressionMemo } from '../core/expressions';
import { LineIndex, containsPipeline, parsePipelineDocument, validate, type ValidateOptions } from '../core/validator';
import { expandGlob, isGlob } from './globs';
import type { CliIo } from './io';
import {
  formatAzureDevOps,
  formatGithub,
  formatJson,
  formatSarif,
  formatText,
  type FileResult,
} from './output-formats';
import { toolVersion } from './version';

const FORMATS = ['text', 'json', 'sarif', 'github', 'azure-devops'] as const;
type Format = (typeof FORMATS)[number];

/** Folders never worth descending into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

export const VALIDATE_USAGE = `Usage: adf-batch validate <files, folders, globs or -...> [--format text|json|sarif|github|azure-devops] [options]

Checks Azure Data Factory pipeline JSON: git-integration files ({name, properties}), ARM templates holding
Microsoft.DataFactory/factories/pipelines resources, and pipeline bodies. Folders are searched recursively
for *.json files that hold a pipeline. A quoted glob ("pipeline/**/*.json") is expanded by adf-batch itself
(cmd.exe and PowerShell don't); files it matches are checked when they hold a pipeline. \`-\` reads one
document from standard input (reported as <stdin>). Rules and codes: docs/rules.md.

Options:
  --format <format>           text (default): file:line:column: severity code message
                              json: an array of {file, line, column, endLine, endColumn, severity, code, message}
                              sarif: SARIF 2.1.0 for code scanning
                              github: GitHub Actions annotations (::error file=...::message)
                              azure-devops: Azure Pipelines issues (##vso[task.logissue ...])
  --max-activities <n>        activities per pipeline, nested included (default 80)
  --max-parameters <n>        parameters per pipeline (default 50)
  --max-file-size <MB>        larger files are refused (default 16)
  -h, --help                  this help

Exit code: 0 no errors (warnings and information allowed), 1 at least one error or a file that could not be
fully checked (unreadable entries of a folder are reported and skipped), 2 bad usage or an unreadable file
named on the command line.
`;

class UsageError extends Error {}

export async function runValidateCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'max-activities': { type: 'string' },
        'max-parameters': { type: 'string' },
        'max-file-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`adf-batch validate: ${(error as Error).message}\n\n${VALIDATE_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(VALIDATE_USAGE);
    return 0;
  }
  try {
    const format = values.format as Format;
    if (!FORMATS.includes(format))
      throw new UsageError(`unknown format "${values.format}"; use ${FORMATS.join(', ')}.`);
    if (positionals.length === 0) throw new UsageError('give at least one file or folder to validate.');
    const options: ValidateOptions = {
      maxActivities: positiveInteger(values['max-activities'], '--max-activities'),
      maxParameters: positiveInteger(values['max-parameters'], '--max-parameters'),
    };
    const maxMegabytes = positiveInteger(values['max-file-size'], '--max-file-size');
    const maxBytes = maxMegabytes === undefined ? DEFAULT_MAX_FILE_BYTES : maxMegabytes * 1024 * 1024;
    const skipped: string[] = [];
    const files = await collectFiles(positionals, io.cwd, skipped);
    const results: FileResult[] = [];
    // Files of one repository share many strings: their parsed expressions are kept for this command's run.
    const expressions = new ExpressionMemo();
    for (const { path, explicit } of files) {
      let text: string;
      try {
        text =
          path === STDIN
            ? decodeJsonBytes(await readStdin(io))
            : await readJsonTextFile(path, displayPath(path, io.cwd), maxBytes);
      } catch (error) {
        if (explicit || !(error instanceof InputFileError)) throw error;
        skipped.push(error.message);
        continue;
      }
      // In folders, only files that hold a pipeline are checked (datasets, linked services... are skipped).
      const document = parsePipelineDocument(text, { expressions });
      if (!explicit && !containsPipeline(document)) continue;
      results.push({
        file: displayPath(path, io.cwd),
        lines: new LineIndex(text),
        problems: validate(document, options),
      });
    }
    for (const message of skipped) io.stderr(`adf-batch validate: skipped ${message}\n`);
    writeReport(io, format, results);
    const count = (severity: string): number =>
      results.reduce((n, r) => n + r.problems.filter((p) => p.severity === severity).length, 0);
    const errors = count('error');
    if (format === 'text') {
      io.stderr(
        `${results.length} file${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${count('info')} information.\n`,
      );
    }
    // ADF009: a rule failed, so the file was not fully checked; a clean exit would claim more than was done.
    const incomplete = results.filter((r) => r.problems.some((p) => p.code === 'ADF009')).length;
    if (incomplete > 0)
      io.stderr(`${incomplete} file${incomplete === 1 ? ' was' : 's were'} not fully checked (ADF009).\n`);
    return errors > 0 || incomplete > 0 || skipped.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`adf-batch validate: ${error.message}\n\n${VALIDATE_USAGE}`);
    } else if (error instanceof InputFileError) {
      io.stderr(`adf-batch validate: ${error.message}\n`);
    } else {
      io.stderr(`adf-batch validate: ${(error as Error).message}\n`);
    }
    return 2;
  }
}

function writeReport(io: CliIo, format: Format, results: FileResult[]): void {
  if (format === 'json') io.stdout(formatJson(results));
  else if (format === 'sarif') io.stdout(formatSarif(results, toolVersion()));
  else if (format === 'github') io.stdout(formatGithub(results));
  else if (format === 'azure-devops') io.stdout(formatAzureDevOps(results));
  else io.stdout(formatText(results));
}

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${option} needs a positive whole number, not "${value}".`);
  return n;
}

interface InputFile {
  readonly path: string;
  /** Named on the command line (always checked) rather than found in a folder. */
  readonly explicit: boolean;
}

async function collectFiles(inputs: string[], cwd: string, skipped: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const input of inputs) {
    if (input === STDIN) {
      out.push({ path: STDIN, explicit: true });
      continue;
    }
    if (isGlob(input)) {
      const matches = await expandGlob(input, cwd);
      if (matches.length === 0) throw new UsageError(`no file matches ${input}`);
      for (const path of matches) out.push({ path, explicit: false });
      continue;
    }
    const path = resolve(cwd, input);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const message = fileErrorMessage(error, input);
      throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? new UsageError(message) : new InputFileError(message);
    }
    if (info.isDirectory()) {
      for (const file of await jsonFilesUnder(path, cwd, skipped)) out.push({ path: file, explicit: false });
    } else {
      out.push({ path, explicit: true });
    }
  }
  return out;
}

/**
 * The *.json files below a folder, sorted. What cannot be read (a subfolder without permission, a symbolic link
 * loop) is noted in `skipped` and the walk goes on. Linked folders are not followed (they could loop).
 */
async function jsonFilesUnder(folder: string, cwd: string, skipped: string[]): Promise<string[]> {
  const found: string[] = [];
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    skipped.push(fileErrorMessage(error, displayPath(folder, cwd)));
    return found;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...(await jsonFilesUnder(path, cwd, skipped)));
    } else if (entry.name.toLowerCase().endsWith('.json') && (entry.isFile() || entry.isSymbolicLink())) {
      // A linked file is read through its link; a loop or a non-file is reported when it is read.
      found.push(path);
    }
  }
  return found;
}

/** The argument `-`: the document comes from standard input and is reported as `<stdin>`. */
const STDIN = '-';
/** Standard input larger than this is refused rather than read into memory. */
const MAX_STDIN_BYTES = 16 * 1024 * 1024;

async function readStdin(io: CliIo): Promise<Buffer> {
  if (!io.readStdin) throw new UsageError('standard input is not available here.');
  return io.readStdin(MAX_STDIN_BYTES);
}

/** Relative to the working directory when inside it (what editors and CI annotate best), with forward slashes. */
function displayPath(path: string, cwd: string): string {
  if (path === STDIN) return '<stdin>';
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split(sep).join('/');
}
