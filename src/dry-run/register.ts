// Registers "Dry Run Pipeline" (editor title, explorer context menu, command palette) and its cancel command.
// The engine (dist/dry-run.js) loads at the first run.
import * as vscode from 'vscode';
import type { AzureAccess } from '../azure/access';
import type { RunTracker } from '../core/factory';
import { registerCommand } from '../commands/register-command';
import type { Log } from '../log';
import type { DryRunApi, DryRunOptions, DryRunResult } from './api';
import { loadBundle } from '../lazy/load-bundle';
import type * as Bundle from './bundle';
import type { RunPanel } from './run-panel';
import { whenTrusted } from '../workspace-trust';

export const DRY_RUN_COMMAND = 'adfBatchEndpoints.dryRunPipeline';
export const CANCEL_DRY_RUN_COMMAND = 'adfBatchEndpoints.cancelDryRun';
const RUNNING_CONTEXT_KEY = 'adfBatchEndpoints.dryRunInProgress';

export function registerDryRun(
  context: vscode.ExtensionContext,
  access: AzureAccess,
  log: Log,
  runs: RunTracker,
): DryRunApi {
  const running = new Set<() => void>();
  let lastPanel: RunPanel | undefined;
  const setRunning = (): void => {
    void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, running.size > 0);
  };

  const run = async (uri: vscode.Uri | undefined, options: DryRunOptions = {}): Promise<DryRunResult | undefined> => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Dry Run Pipeline: open a pipeline JSON file first.'));
      return undefined;
    }
    const { dryRunPipeline } = loadBundle<typeof Bundle>(context.extensionPath, 'dry-run');
    return dryRunPipeline(target, options, {
      access,
      log,
      runs,
      extensionUri: context.extensionUri,
      onStarted: (panel, cancel) => {
        lastPanel?.dispose();
        lastPanel = panel;
        running.add(cancel);
        setRunning();
      },
      onEnded: (cancel) => {
        running.delete(cancel);
        setRunning();
      },
    });
  };
  const cancelAll = (): number => {
    const count = running.size;
    for (const cancel of running) cancel();
    return count;
  };

  context.subscriptions.push(
    { dispose: () => lastPanel?.dispose() },
    registerCommand(
      DRY_RUN_COMMAND,
      whenTrusted(
        vscode.l10n.t('Dry Run (its Web activities send requests)'),
        (uri?: unknown, options?: DryRunOptions) => run(uri instanceof vscode.Uri ? uri : undefined, options),
      ),
    ),
    registerCommand(CANCEL_DRY_RUN_COMMAND, cancelAll),
  );
  return {
    run: (uri, options) => run(uri, options),
    cancelAll,
    lastView: () => lastPanel?.state(),
    lastViewMessages: () => lastPanel?.postedMessages() ?? [],
  };
}
