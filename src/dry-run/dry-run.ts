// One dry run: read the pipeline (the editor's text when open), ask for parameters and a target, run it with
// the local engine, and show its activity runs as they progress (run view, the extension log, progress
// notification with Cancel).
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import {
  defaultExpressionEvaluator,
  RunInputError,
  PipelineEngine,
  formatActivityRun,
  formatPipelineRun,
  type PipelineDefinition,
  folderLinkedServiceLookup,
  folderPipelineResolver,
  pipelineFromJsonText,
} from '../core/engine';
import type { AzureAccess } from '../azure/access';
import type { Log } from '../log';
import type { DryRunOptions, DryRunResult } from './api';
import { askForParameters } from './parameter-prompts';
import { RunPanel } from './run-panel';
import { createDryRunEnvironment, pickTarget } from './run-targets';

export interface DryRunServices {
  access: AzureAccess;
  /** The extension's log: the run's activity lines go there. */
  log: Log;
  /** Where the view's bundle is (dist/webview). */
  extensionUri: vscode.Uri;
  /** Called with the run's view once it exists, and its cancel function. */
  onStarted(panel: RunPanel, cancel: () => void): void;
  onEnded(cancel: () => void): void;
}

export async function dryRunPipeline(
  uri: vscode.Uri,
  options: DryRunOptions,
  services: DryRunServices,
): Promise<DryRunResult | undefined> {
  let pipeline: PipelineDefinition;
  try {
    pipeline = pipelineFromJsonText(await documentText(uri), uri.fsPath);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Dry Run Pipeline: {0}', (error as Error).message));
    return undefined;
  }
  const prompt = options.prompt !== false;
  if (prompt && !(await confirmDespiteErrors(uri, pipeline.name))) return undefined;
  const parameters = prompt
    ? await askForParameters(pipeline.properties.parameters, options.parameters)
    : (options.parameters ?? {});
  if (!parameters) return undefined;
  const target = options.target ?? (prompt ? await pickTarget() : 'settings');
  if (!target) return undefined;

  const folder = dirname(uri.fsPath);
  const notices: string[] = [];
  // Notices can come before the view exists (identity set-up); the view replays them.
  const view: { panel?: RunPanel } = {};
  let environment;
  try {
    environment = await createDryRunEnvironment(target, services.access, {
      linkedServices: folderLinkedServiceLookup(folder),
      onNotice: (message) => {
        notices.push(message);
        view.panel?.notice(message);
        services.log.info(`dry run note: ${message}`);
      },
    });
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Dry Run Pipeline: {0}', (error as Error).message));
    return undefined;
  }
  const engine = new PipelineEngine({
    evaluator: defaultExpressionEvaluator(),
    http: environment.http,
    identity: environment.identity,
    pipelines: folderPipelineResolver(folder),
    timeScale: options.timeScale ?? 1,
    dataFactoryName: 'vscode-dry-run',
  });

  // The view and the listeners exist before the run starts: the first activities start synchronously.
  let cancelRun: () => void = () => undefined;
  const cancel = (): void => cancelRun();
  const panel = new RunPanel(
    vscode.l10n.t('Dry run: {0}', pipeline.name),
    environment.description,
    cancel,
    services.extensionUri,
    services.log,
  );
  view.panel = panel;
  for (const message of notices) panel.notice(message);
  const log = services.log;
  const detach = engine.store.onEvent((event) => {
    panel.update(event);
    if (event.kind === 'activityRun' && event.run.status !== 'InProgress' && event.run.status !== 'Queued') {
      for (const line of formatActivityRun(event.run)) log.info(line);
    }
  });
  let handle;
  try {
    handle = engine.start({ pipeline, parameters });
  } catch (error) {
    detach();
    panel.dispose();
    const message = error instanceof RunInputError ? error.message : (error as Error).message;
    void vscode.window.showErrorMessage(vscode.l10n.t('Dry Run Pipeline: {0}', message));
    return undefined;
  }
  cancelRun = handle.cancel;
  services.onStarted(panel, cancel);
  log.info(`Dry run of ${pipeline.name} (run ${handle.runId}) against ${environment.description}`);

  const runCompletion = handle.completion;
  const final = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Dry run of {0}', pipeline.name),
      cancellable: true,
    },
    async (progress, token) => {
      token.onCancellationRequested(cancel);
      const listener = engine.store.onEvent((event) => {
        if (event.kind === 'activityRun' && event.run.status === 'InProgress')
          progress.report({ message: `${event.run.activityName}...` });
      });
      try {
        return await runCompletion;
      } finally {
        listener();
      }
    },
  );
  services.onEnded(cancel);
  log.info(formatPipelineRun(final));
  const summary = final.message
    ? vscode.l10n.t('Dry run of {0}: {1} - {2}', pipeline.name, final.status, final.message)
    : vscode.l10n.t('Dry run of {0}: {1}', pipeline.name, final.status);
  if (final.status === 'Succeeded') void vscode.window.showInformationMessage(summary);
  else void vscode.window.showWarningMessage(summary);
  return { pipelineRun: final, activityRuns: engine.store.activityRunsOf(final.runId) };
}

/**
 * A file with errors (the editor's diagnostics: validation or JSON syntax) may run differently from what ADF would
 * publish: ask first, with a non-modal warning whose buttons stay clickable (a modal dialog blocks the workbench).
 */
async function confirmDespiteErrors(uri: vscode.Uri, name: string): Promise<boolean> {
  const errors = vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  if (errors === 0) return true;
  const runAnyway = vscode.l10n.t('Run Anyway');
  const showProblems = vscode.l10n.t('Show Problems');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      '{0} has {1} error(s): ADF would not publish it, and a dry run may not match a real run.',
      name,
      errors,
    ),
    runAnyway,
    showProblems,
  );
  if (choice === showProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return choice === runAnyway;
}

/** The open editor's text (unsaved edits included), else the file on disk. */
async function documentText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  return readFile(uri.fsPath, 'utf8');
}
