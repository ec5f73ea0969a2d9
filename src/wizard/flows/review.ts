// The Review step: the generated pipeline (JSON, problems, diagram) and what it would replace: the factory's
// pipeline (its ETag becomes the publish's If-Match), the repository's file, or exported files.
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import { exportFileName, exportFiles, type PipelineDocument } from '../../core/pipeline';
import { diffPipelines, type RemotePipeline } from '../../core/publish';
import { chosenFactory, describeGitMode } from '../checks';
import { pipelineOptionsOf } from '../form';
import type { WizardForm } from '../protocol';
import { buildReview, fileDiff, toDiffView } from '../review';
import { targetKey, type WizardState } from '../state';
import { writeTargetProblem } from '../write-folder';
import type { FlowContext } from './context';

/** Builds the review now (no Azure call); keeps what was read of the existing pipeline for the same target. */
export function buildReviewNow(ctx: FlowContext): void {
  const { state } = ctx;
  const built = buildReview(pipelineOptionsOf(state.form, state.endpoint, ctx.env.cloud), destination(state));
  const key = targetKey(state.form);
  const previous =
    state.review?.targetKey === key && state.review.document?.name === built.document?.name ? state.review : undefined;
  state.review = {
    view: built.view,
    document: built.document,
    remote: previous?.remote,
    targetKey: key,
    loaded: previous?.loaded ?? false,
  };
  if (previous?.loaded) applyExisting(state, previous.remote, undefined);
}

/** After a form change: on the Review step the review follows the form; elsewhere it is dropped (built on entry). */
export function followFormChange(ctx: FlowContext, before: WizardForm): void {
  const { state } = ctx;
  if (state.step !== 'review') {
    state.review = undefined;
    return;
  }
  buildReviewNow(ctx);
  if (state.form.pipelineName !== before.pipelineName || targetKey(state.form) !== targetKey(before))
    ctx.track(readExisting(ctx));
}

/** Reads the pipeline (or file) the publish would replace: its ETag is the If-Match of the publish. */
export async function readExisting(ctx: FlowContext): Promise<void> {
  const { state } = ctx;
  const document = state.review?.document;
  if (!document) return;
  const key = targetKey(state.form);
  const stillCurrent = (): boolean => state.review?.document?.name === document.name && state.review.targetKey === key;
  if (state.form.targetKind === 'factory') {
    const factory = chosenFactory(state.form, state.facts);
    if (!factory) return;
    await ctx.guard({
      step: 'review',
      operation: 'review',
      load: 'review',
      retry: () => readExisting(ctx),
      factoryName: factory.name,
      run: async (signal) => {
        const azure = await ctx.env.azure();
        const remote = await azure.pipelines.read(factory, document.name, signal);
        if (!stillCurrent() || !state.review) return;
        state.review.remote = remote;
        state.review.loaded = true;
        applyExisting(state, remote, undefined);
      },
    });
  } else if (!mayTouchFiles(ctx, document.name)) {
    // The publish reports the name or folder problem; nothing is read where nothing may be written.
    if (state.review) state.review.loaded = true;
  } else if (state.form.targetKind === 'repository') {
    const text = await ctx.env.files.readText(repositoryFile(state, document.name));
    if (!stillCurrent() || !state.review) return;
    state.review.loaded = true;
    applyExisting(state, undefined, text);
  } else {
    const existing = await existingExports(ctx, document);
    if (!stillCurrent() || !state.review) return;
    state.review.loaded = true;
    state.review.view = { ...state.review.view, exists: existing.length > 0 };
  }
  ctx.changed();
}

/** Opens the difference between what the target holds and the generated pipeline in an editor. */
export async function openDiff(ctx: FlowContext): Promise<void> {
  const { state, env } = ctx;
  const review = state.review;
  const document = review?.document;
  if (!review || !document) return;
  const mine = diffPipelines(undefined, document).after;
  if (state.publishView.status === 'conflict' && state.conflictRemote) {
    await env.openDiff(
      {
        title: l10n.t('{0} (in the factory now)', state.conflictRemote.name),
        text: diffPipelines(state.conflictRemote, document).before,
      },
      { title: l10n.t('yours'), text: mine },
      l10n.t('{0}: factory <-> yours', document.name),
    );
  } else if (review.remote) {
    await env.openDiff(
      { title: l10n.t('{0} (in the factory)', document.name), text: diffPipelines(review.remote, document).before },
      { title: l10n.t('generated'), text: mine },
      l10n.t('{0}: factory <-> generated', document.name),
    );
  } else if (state.form.targetKind === 'repository' && mayTouchFiles(ctx, document.name)) {
    const existing = await env.files.readText(repositoryFile(state, document.name));
    if (existing !== undefined) {
      const diff = fileDiff(existing, document, review.view.json);
      await env.openDiff(
        { title: repositoryPath(document.name), text: diff.before },
        { title: l10n.t('generated'), text: diff.after },
        l10n.t('{0}.json: repository <-> generated', document.name),
      );
    }
  }
}

/**
 * The wizard reads the files it would replace only where it may write them (write-folder.ts): the name and folder
 * come from the webview, so the same rules keep its reads, too, inside a picked or workspace folder.
 */
function mayTouchFiles(ctx: FlowContext, pipelineName: string): boolean {
  const { state } = ctx;
  const folder = state.form.targetKind === 'repository' ? state.form.repositoryFolder : state.form.exportFolder;
  return !writeTargetProblem(pipelineName, folder, {
    picked: state.pickedFolders,
    workspaceFolders: ctx.env.files.workspaceFolders(),
  });
}

export function repositoryFile(state: WizardState, pipelineName: string): string {
  return join(state.form.repositoryFolder, 'pipeline', `${pipelineName}.json`);
}

export function exportFilesOf(
  state: WizardState,
  document: PipelineDocument,
): Array<{ path: string; content: Uint8Array }> {
  return exportFiles(document, state.form.exportFormats).map((file) => ({
    path: join(state.form.exportFolder, file.fileName),
    content: file.content,
  }));
}

function destination(state: WizardState): string {
  const f = state.form;
  if (f.targetKind === 'factory') {
    const factory = chosenFactory(f, state.facts);
    return factory
      ? l10n.t('Data Factory {0} ({1})', factory.name, describeGitMode(factory.repoConfiguration))
      : l10n.t('a Data Factory');
  }
  if (f.targetKind === 'repository') return l10n.t('{0} in {1}', `pipeline/${f.pipelineName}.json`, f.repositoryFolder);
  return l10n.t('{0} in {1}', f.exportFormats.map((x) => exportFileName(f.pipelineName, x)).join(', '), f.exportFolder);
}

function applyExisting(state: WizardState, remote: RemotePipeline | undefined, fileText: string | undefined): void {
  const review = state.review;
  if (!review?.document) return;
  if (state.form.targetKind === 'factory') {
    review.view = {
      ...review.view,
      exists: remote !== undefined,
      ...(remote?.etag ? { etag: remote.etag } : {}),
      ...(remote
        ? {
            diff: toDiffView(
              l10n.t('Changes to pipeline {0} in the factory', remote.name),
              diffPipelines(remote, review.document),
            ),
          }
        : {}),
    };
  } else if (fileText !== undefined) {
    review.view = {
      ...review.view,
      exists: true,
      diff: toDiffView(
        l10n.t('Changes to {0}', `pipeline/${review.document.name}.json`),
        fileDiff(fileText, review.document, review.view.json),
      ),
    };
  }
}

async function existingExports(ctx: FlowContext, document: PipelineDocument): Promise<string[]> {
  const existing: string[] = [];
  for (const file of exportFilesOf(ctx.state, document))
    if (await ctx.env.files.exists(file.path)) existing.push(file.path);
  return existing;
}

/** A pipeline's file in an ADF git repository (a path: the same in every language). */
function repositoryPath(name: string): string {
  return `pipeline/${name}.json`;
}
