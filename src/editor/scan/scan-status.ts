// The workspace scan's progress in the status bar (not a notification: a scan of thousands of files must not get
// in the way): "ADF pipelines 1234/5000" with a spinning icon; clicking it cancels the scan.
import * as vscode from 'vscode';
import { CANCEL_VALIDATION_COMMAND, VALIDATION_RUNNING_CONTEXT } from '../command-ids';

/** The text changes at most this often (each change is a message to the workbench). */
const UPDATE_MS = 100;

export class ScanStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'adfBatchEndpoints.pipelineValidation',
    vscode.StatusBarAlignment.Left,
  );
  private lastUpdate = 0;
  private visible = false;

  constructor() {
    this.item.name = vscode.l10n.t('ADF Pipeline Validation');
    this.item.tooltip = vscode.l10n.t('Validating ADF pipelines: click to cancel');
    this.item.command = CANCEL_VALIDATION_COMMAND;
  }

  /** Shows `done` of `total` files (throttled, except the first and the last). */
  report(done: number, total: number): void {
    const now = Date.now();
    if (this.visible && done < total && now - this.lastUpdate < UPDATE_MS) return;
    this.lastUpdate = now;
    this.item.text = `$(sync~spin) ${vscode.l10n.t('ADF pipelines {0}/{1}', done, total)}`;
    if (!this.visible) {
      this.visible = true;
      this.item.show();
      void vscode.commands.executeCommand('setContext', VALIDATION_RUNNING_CONTEXT, true);
    }
  }

  hide(): void {
    if (!this.visible) return;
    this.visible = false;
    this.item.hide();
    void vscode.commands.executeCommand('setContext', VALIDATION_RUNNING_CONTEXT, false);
  }

  dispose(): void {
    this.hide();
    this.item.dispose();
  }
}
