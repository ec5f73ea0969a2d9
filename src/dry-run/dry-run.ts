// One dry run: read the pipeline (the editor's text when open), ask for parameters and a target, run it with
// the local engine, and show its activity runs as they progress (run view, the extension log, progress
// notification with Cancel).
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { formatActivityRun, formatPipelineRun, type PipelineDefinition, pipelineFromJsonText } from '../core/engine';
import type { AzureAccess } from '../azure/access';
import type { RunTracker } from '../core/factory';
import type { Log } from '../log';
import type { DryRunOptions, DryRunResult } from './api';
import { runPipelineFileInWorker } from './engine-worker-host';
import { askForParameters } from './parameter-prompts';
import { RunPanel } from './run-panel';
import { pickTarget, resolveDryRunTarget } from './run-targets';

export interface DryRunServices {
  access: AzureAccess;
  /** The extension's log: the run's activity lines go there. */
  log: Log;
  /** Where the view's bundle is (dist/webview). */
  extensionUri: vscode.Uri;
  /** Called with the run's view once it exists, and its cancel function. */
  onStarted(panel: RunPanel, cancel: () => void): void;
  onEnded(cancel: () => void): void;
  /** The "Pipeline Runs" view: a finished dry run is listed there as a local run (its file, not a factory). */
  runs: RunTracker;
}

export async function dryRunPipeline(
  uri: vscode.Uri,
  options: DryRunOptions,
  services: DryRunServices,
): Promise<DryRunResult | undefined> {
  let pipeline: PipelineDefinition;
  let text: string;
  try {
    text = await documentText(uri);
    pipeline = pipelineFromJsonText(text, uri.fsPath);
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

  let resolved;
  try {
    resolved = await resolveDryRunTarget(target, services.access);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Dry Run Pipeline: {0}', (error as Error).message));
    return undefined;
  }

  // The view exists before the run starts: the first activities start synchronously.
  const stop = new AbortController();
  const cancel = (): void => stop.abort();
  const panel = new RunPanel(
    vscode.l10n.t('Dry run: {0}', pipeline.name),
    resolved.description,
    cancel,
    services.extensionUri,
    services.log,
  );
  const log = services.log;
  let reportProgress: (activityName: string) => void = () => undefined;
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const startedAt = new Date().toISOString();
  // In a worker thread: a long loop or an expensive expression never blocks the extension host.
  const workerFile = vscode.Uri.joinPath(services.extensionUri, 'dist', 'dry-run-worker.js').fsPath;
  const running = runPipelineFileInWorker(workerFile, {
    file: uri.fsPath,
    text,
    target: resolved.target,
    ...(resolved.standIn ? { standIn: resolved.standIn } : {}),
    parameters,
    timeScale: options.timeScale ?? 1,
    dataFactoryName: 'vscode-dry-run',
    signal: stop.signal,
    onEvent: (event) => {
      if (event.kind === 'notice') {
        panel.notice(event.message);
        log.info(`dry run note: ${event.message}`);
      } else if (event.kind === 'started') {
        services.onStarted(panel, cancel);
        log.info(`Dry run of ${event.pipelineName} (run ${event.runId}) against ${resolved.description}`);
        markStarted();
      } else {
        panel.update(event);
        if (event.kind !== 'activityRun') return;
        if (event.run.status === 'InProgress') reportProgress(event.run.activityName);
        else if (event.run.status !== 'Queued') for (const line of formatActivityRun(event.run)) log.info(line);
      }
    },
  });
  const first = await Promise.race([started.then(() => undefined), running]);
  if (first?.outcome === 'refused') {
    panel.dispose();
    void vscode.window.showErrorMessage(vscode.l10n.t('Dry Run Pipeline: {0}', first.message));
    return undefined;
  }

  const result = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Dry run of {0}', pipeline.name),
      cancellable: true,
    },
    async (progress, token) => {
      token.onCancellationRequested(cancel);
      reportProgress = (activityName) => progress.report({ message: `${activityName}...` });
      try {
        return await running;
      } finally {
        reportProgress = () => undefined;
      }
    },
  );
  services.onEnded(cancel);
  if (result.outcome === 'refused') return undefined; // not reached: a refused run never starts
  const final = result.pipelineRun;
  log.info(formatPipelineRun(final));
  await services.runs
    .track({
      runId: final.runId,
      factoryId: uri.toString(),
      pipelineName: pipeline.name,
      source: 'dryRun',
      startedAt,
      lastStatus: final.status,
    })
    .catch((error: unknown) =>
      log.warn(`The Pipeline Runs view could not list dry run ${final.runId}: ${String(error)}`),
    );
  const summary = final.message
    ? vscode.l10n.t('Dry run of {0}: {1} - {2}', pipeline.name, final.status, final.message)
    : vscode.l10n.t('Dry run of {0}: {1}', pipeline.name, final.status);
  if (final.status === 'Succeeded') void vscode.window.showInformationMessage(summary);
  else void vscode.window.showWarningMessage(summary);
  return { pipelineRun: final, activityRuns: result.activityRuns };
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
