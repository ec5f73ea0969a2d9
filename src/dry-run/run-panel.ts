// The dry run view: a webview panel showing the activity runs as they progress, with a Cancel button.
// It keeps the full state itself, so a (re)loaded webview gets everything replayed.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ActivityRunRecord, EngineEvent, PipelineRunRecord } from '../core/engine/types';
import type { DryRunViewState } from './api';
import { runPanelHtml } from './run-panel-html';

export class RunPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private pipelineRun: PipelineRunRecord | undefined;
  private readonly activityRuns = new Map<string, ActivityRunRecord>();
  private readonly history: string[] = [];
  private readonly notices: string[] = [];
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly title: string,
    private readonly target: string,
    onCancel: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel('adfBatchEndpoints.dryRun', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, retainContextWhenHidden: true });
    this.panel.webview.html = runPanelHtml(randomBytes(16).toString('base64'), this.panel.webview.cspSource);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: { type?: string }) => {
        if (message?.type === 'cancel') onCancel();
        if (message?.type === 'ready') this.replay();
      }),
      this.panel.onDidDispose(() => {
        this.disposed = true;
      }),
    );
  }

  update(event: EngineEvent): void {
    if (event.kind === 'pipelineRun') {
      this.pipelineRun = event.run;
      this.post({ type: 'pipeline', run: event.run });
      return;
    }
    this.activityRuns.set(event.run.activityRunId, event.run);
    this.history.push(`${event.run.activityName}:${event.run.status}`);
    this.post({ type: 'activity', run: event.run });
  }

  notice(text: string): void {
    this.notices.push(text);
    this.post({ type: 'notice', text });
  }

  state(): DryRunViewState {
    const runs = [...this.activityRuns.values()];
    return {
      title: this.title,
      pipelineStatus: this.pipelineRun?.status ?? 'Queued',
      rows: runs.map((r) => ({ activityName: r.activityName, activityType: r.activityType, status: r.status, depth: r.parentActivityRunIds?.length ?? 0 })),
      history: [...this.history],
    };
  }

  reveal(): void {
    if (!this.disposed) this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    if (!this.disposed) this.panel.dispose();
  }

  private replay(): void {
    this.post({ type: 'reset', target: `Target: ${this.target}` });
    for (const text of this.notices) this.post({ type: 'notice', text });
    if (this.pipelineRun) this.post({ type: 'pipeline', run: this.pipelineRun });
    for (const run of this.activityRuns.values()) this.post({ type: 'activity', run });
  }

  private post(message: unknown): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }
}
