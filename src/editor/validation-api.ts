// The editor validation's part of the extension API (used by extension-host tests).
import type * as vscode from 'vscode';

export interface ValidationApi {
  /** Fires as the workspace scan ("Validate All Pipelines", the background scan) goes: files done and found. */
  readonly onDidReportScanProgress: vscode.Event<{ readonly done: number; readonly total: number }>;
}

declare module '../api' {
  interface ExtensionApi {
    readonly validation: ValidationApi;
  }
}
