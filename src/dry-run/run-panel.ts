// The dry run view: a webview (src/webview/dry-run, through the one webview host) showing the activity runs as
// they progress, with a Cancel button. It keeps the full state itself, so a (re)loaded webview gets everything;
// otherwise it sends only the rows changed since the last state, at most every 100 ms (a 10,000-iteration loop
// would otherwise render its whole history on every change).
import * as vscode from 'vscode';
import type { ActivityRunRecord, EngineEvent, PipelineRunRecord } from '../core/engine';
import { createPanel, type WebviewHost } from '../webview-host/panel';
import type { DryRunViewState } from './api';
import type { ActivityRunRowView, DryRunPanelState, DryRunRequestParams } from './protocol';
import { DRY_RUN_REQUEST_CHECKS } from './protocol-checks';

export const DRY_RUN_VIEW_TYPE = 'adfBatchEndpoints.dryRun';
/** Input, output and error beyond this many characters are cut in the view (a webview message stays small). */
const MAX_JSON_CHARS = 64 * 1024;
/** Changes within this time go to the webview as one state. */
const PUSH_INTERVAL_MS = 100;

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
  /** Rows changed since the last state sent; every row is sent while `allRows`. */
  private readonly changedRows = new Set<string>();
  private allRows = true;
  private pushTimer: NodeJS.Timeout | undefined;

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
        if (request.method === 'cancel') return onCancel();
        this.allRows = true;
        this.host.stateChanged();
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
      this.changedRows.add(event.run.activityRunId);
      this.history.push(`${event.run.activityName}:${event.run.status}`);
    }
    // The end of the run is shown at once (and is in the view before the run's result is returned).
    if (event.kind === 'pipelineRun' && event.run.status !== 'InProgress' && event.run.status !== 'Queued')
      this.pushNow();
    else this.schedulePush();
  }

  notice(text: string): void {
    this.notices.push(text);
    this.schedulePush();
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
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.host.dispose();
  }

  private pushNow(): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = undefined;
    this.host.stateChanged();
  }

  private schedulePush(): void {
    this.pushTimer ??= setTimeout(() => {
      this.pushTimer = undefined;
      this.host.stateChanged();
    }, PUSH_INTERVAL_MS);
  }

  private panelState(): DryRunPanelState {
    const run = this.pipelineRun;
    const allRows = this.allRows;
    const rows = allRows
      ? [...this.activityRuns.values()]
      : [...this.changedRows].flatMap((id) => {
          const row = this.activityRuns.get(id);
          return row ? [row] : [];
        });
    this.allRows = false;
    this.changedRows.clear();
    return {
      title: this.title,
      target: `Target: ${this.target}`,
      notices: [...this.notices],
      status: run?.status ?? 'Queued',
      canCancel: run?.status === 'InProgress',
      ...(run ? { pipelineName: run.pipelineName, message: run.message } : {}),
      ...(run?.durationInMs !== undefined ? { durationMs: run.durationInMs } : {}),
      rows: rows.map(rowView),
      allRows,
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
