// The dry run's part of the extension API (used by extension-host tests).
import type * as vscode from 'vscode';
import type { ActivityRunRecord, PipelineRunRecord } from '../core/engine';

/** Where a dry run's Web activities get tokens and secrets. */
export type DryRunTarget =
  /** The cloud of the extension's settings (adfBatchEndpoints.cloud / customCloud, e.g. the emulator). */
  | 'settings'
  /** No Azure: Web activities without authentication still run. */
  | 'offline'
  /** A JSON settings file, as `adf-batch run --azure <file>` takes. */
  | { settingsFile: string };

export interface DryRunOptions {
  /** Parameter values as text (converted to the declared types); declared defaults fill the rest. */
  parameters?: Record<string, string>;
  /** Ask for parameter values in input boxes (default true; false takes `parameters` and defaults as they are). */
  prompt?: boolean;
  /** Default: ask with a quick pick (or 'settings' when prompt is false). */
  target?: DryRunTarget;
  /** Pipeline time runs this many times faster (Wait, Until timeouts). Default 1. */
  timeScale?: number;
}

export interface DryRunResult {
  pipelineRun: PipelineRunRecord;
  activityRuns: ActivityRunRecord[];
}

/** What the run view was last told, for tests: the rows as the user sees them. */
export interface DryRunViewState {
  title: string;
  pipelineStatus: string;
  rows: Array<{ activityName: string; activityType: string; status: string; depth: number }>;
  /** Every status each activity run went through, in order (shows progress, not just the end). */
  history: string[];
}

export interface DryRunApi {
  /** Runs a pipeline file (the open editor's text when it is open, unsaved edits included). */
  run(uri: vscode.Uri, options?: DryRunOptions): Promise<DryRunResult | undefined>;
  /** Cancels every dry run in progress; returns how many. */
  cancelAll(): number;
  /** The state of the most recent run view, if any. */
  lastView(): DryRunViewState | undefined;
  /** Every message posted to the most recent run view's webview, latest last (tests: no secret may appear). */
  lastViewMessages(): unknown[];
}

declare module '../api' {
  interface ExtensionApi {
    readonly dryRun?: DryRunApi;
  }
}
