// The dry run view: a webview (src/webview/dry-run, through the one webview host) showing the activity runs as
// they progress, with a Cancel button. It keeps the full state itself, so a (re)loaded webview gets everything.
import * as vscode from 'vscode';
import type { ActivityRunRecord, EngineEvent, PipelineRunRecord } from '../core/engine';
import { createPanel, type WebviewHost } from '../webview-host/panel';
import type { DryRunViewState } from './api';
import type { ActivityRunRowView, DryRunPanelState, DryRunRequestParams } from './protocol';
import { DRY_RUN_REQUEST_CHECKS } from './protocol-checks';

export const DRY_RUN_VIEW_TYPE = 'adfBatchEndpoints.dryRun';
/** Input, output and error beyond this many characters are cut in the view (a webview message stays small). */
const MAX_JSON_CHARS = 64 * 1024;

export interface RunPanelLog {
  warn(message: string): void;
  error(message: string): void;
}

export class RunPanel implements vscode.Disposable {
  private readonly host: WebviewHost<DryRunRequestParams, DryRunPanelState>;
  private pipelineRun: PipelineRunRecord | undefined;
  private readonly activityRuns = new Map<string, ActivityRunRecord>();
  private readonly history: string[] = [];
  private readonly notices: string[] = [];

  constructor(
    private readonly title: string,
    private readonly target: string,
    onCancel: () => void,
    extensionUri: vscode.Uri,
    log: RunPanelLog,
  ) {
    this.host = createPanel<DryRunRequestParams, DryRunPanelState>({
      viewType: DRY_RUN_VIEW_TYPE,
      title,
      extensionUri,
      script: 'dry-run.js',
      loadingText: vscode.l10n.t('Loading the dry run...'),
      column: vscode.ViewColumn.Beside,
      preserveFocus: true,
      checks: DRY_RUN_REQUEST_CHECKS,
      handle: async (request) => {
        if (request.method === 'cancel') onCancel();
        else this.host.stateChanged();
      },
      state: () => this.panelState(),
      log,
      source: 'the dry run view',
    });
  }

  update(event: EngineEvent): void {
    if (event.kind === 'pipelineRun') {
      this.pipelineRun = event.run;
    } else {
      this.activityRuns.set(event.run.activityRunId, event.run);
      this.history.push(`${event.run.activityName}:${event.run.status}`);
    }
    this.host.stateChanged();
  }

  notice(text: string): void {
    this.notices.push(text);
    this.host.stateChanged();
  }

  /** What the view shows, for tests. */
  state(): DryRunViewState {
    const runs = [...this.activityRuns.values()];
    return {
      title: this.title,
      pipelineStatus: this.pipelineRun?.status ?? 'Queued',
      rows: runs.map((r) => ({
        activityName: r.activityName,
        activityType: r.activityType,
        status: r.status,
        depth: r.parentActivityRunIds?.length ?? 0,
      })),
      history: [...this.history],
    };
  }

  /** What was posted to the webview, latest last (for tests). */
  postedMessages(): unknown[] {
    return this.host.postedMessages();
  }

  reveal(): void {
    this.host.reveal(true);
  }

  dispose(): void {
    this.host.dispose();
  }

  private panelState(): DryRunPanelState {
    const run = this.pipelineRun;
    return {
      title: this.title,
      target: `Target: ${this.target}`,
      notices: [...this.notices],
      status: run?.status ?? 'Queued',
      canCancel: run?.status === 'InProgress',
      ...(run ? { pipelineName: run.pipelineName, message: run.message } : {}),
      ...(run?.durationInMs !== undefined ? { durationMs: run.durationInMs } : {}),
      rows: [...this.activityRuns.values()].map(rowView),
    };
  }
}

function rowView(run: ActivityRunRecord): ActivityRunRowView {
  return {
    id: run.activityRunId,
    name: run.activityName,
    type: run.activityType,
    status: run.status,
    depth: run.parentActivityRunIds?.length ?? 0,
    start: run.activityRunStart,
    ...(run.durationInMs !== undefined ? { durationMs: run.durationInMs } : {}),
    ...(run.error !== undefined ? { error: jsonText(run.error) } : {}),
    input: run.input === undefined ? '(hidden or none)' : jsonText(run.input),
    output: run.output === undefined ? '(hidden or none)' : jsonText(run.output),
  };
}

function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? String(value);
  return text.length > MAX_JSON_CHARS
    ? `${text.slice(0, MAX_JSON_CHARS)}\n... (cut at ${MAX_JSON_CHARS} characters)`
    : text;
}
