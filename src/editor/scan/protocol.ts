// Messages between the workspace scan (workspace-validation.ts, on the extension host's thread) and its worker
// thread (scan-worker.ts, which reads, classifies and validates the files). Plain data: they cross postMessage.
import type { PipelineFileFacts } from '../../core/editor-support';
import type { Severity, ValidateOptions } from '../../core/validator';

/** One file to look at: read from disk by the worker (`fsPath`) or already read (`text`, other file systems). */
export interface ScanFileRequest extends Omit<PipelineFileFacts, 'text'> {
  /** The file's URI as a string: the key its result comes back under. */
  readonly key: string;
  readonly fsPath?: string;
  readonly text?: string;
  /** From the adfBatchEndpoints.validation settings of the file's folder. */
  readonly options: ValidateOptions;
}

/** Zero-based start line, start character, end line, end character (VS Code's positions). */
export type ScanRange = readonly [number, number, number, number];

export interface ScanProblem {
  readonly range: ScanRange;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  readonly related?: ReadonlyArray<{ readonly range: ScanRange; readonly message: string }>;
}

export interface ScanFileResult {
  readonly key: string;
  /** Undefined when the file is not a pipeline file, is too large or could not be read. */
  readonly problems?: readonly ScanProblem[];
}

/** Given to the worker when it starts (worker_threads workerData). */
export interface ScanWorkerData {
  /** VS Code's l10n bundle for the display language; undefined in English. */
  readonly l10nBundle?: Readonly<Record<string, string>>;
}

/** Validate these files. */
export interface ScanValidateRequest {
  readonly id: number;
  readonly files: readonly ScanFileRequest[];
}

/** List the candidate files under these local folders (scan/list-candidates.ts), at most `maxFiles`. */
export interface ScanListRequest {
  readonly id: number;
  readonly list: { readonly roots: readonly string[]; readonly maxFiles: number };
}

export type ScanWorkerRequest = ScanValidateRequest | ScanListRequest;

export type ScanWorkerReply =
  | { readonly id: number; readonly results: readonly ScanFileResult[] }
  | { readonly id: number; readonly paths: readonly string[]; readonly truncated: boolean }
  | { readonly id: number; readonly error: string };

/** Files above this size are skipped: no pipeline is that large (ADF's limit is 200 KB; ARM templates a few MB). */
export const MAX_SCAN_FILE_BYTES = 16 * 1024 * 1024;
