// The contract between the Dry Run view's extension side (run-panel.ts) and its webview (src/webview/dry-run): the
// view state the extension pushes and the requests the webview sends, in the generic envelope of
// src/webview-host/protocol.ts. The runtime checks of the requests are in protocol-checks.ts.

export interface DryRunRequestParams {
  /** The webview runs and wants the state (the handshake). */
  ready: Record<string, never>;
  /** Cancel the run in progress. */
  cancel: Record<string, never>;
}

export interface ActivityRunRowView {
  id: string;
  name: string;
  type: string;
  status: string;
  /** How many containers enclose it (ForEach, Until, If...). */
  depth: number;
  /** ISO time the activity run started. */
  start: string;
  durationMs?: number;
  /** Error, input and output as indented JSON text (input/output "(hidden or none)" when absent). */
  error?: string;
  input: string;
  output: string;
}

export interface DryRunPanelState {
  title: string;
  /** Where Web activities get tokens ("Target: the emulator at https://..."). */
  target: string;
  notices: string[];
  pipelineName?: string;
  /** Queued until the engine reports the pipeline run. */
  status: string;
  durationMs?: number;
  message?: string;
  canCancel: boolean;
  /** The rows changed since the last state, or every row when `allRows` (the first state, a reloaded webview). */
  rows: ActivityRunRowView[];
  allRows: boolean;
}
