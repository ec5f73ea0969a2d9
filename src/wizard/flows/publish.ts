// The Publish step: to the live factory (If-Match on the reviewed ETag, a git-mode confirmation, conflicts shown
// as a difference), into a repository folder, or as exported files.
import * as l10n from '@vscode/l10n';
import type { PipelineDocument } from '../../core/pipeline';
import { adfStudioPipelineUrl, diffPipelines, publishPipeline, type FactoryInfo } from '../../core/publish';
import { chosenFactory, describeRepository } from '../checks';
import { fileDiff, toDiffView } from '../review';
import { runParametersOf } from '../run-parameters';
import { idleRun, type ReviewState } from '../state';
import type { FlowContext, FlowOutcome } from './context';
import { writeTargetProblem } from '../write-folder';
import { exportFilesOf, readExisting, repositoryFile } from './review';
import { blockedReason } from '../view-model';

/**
 * Publish from the Review step (its Next, or Publish again): refused with the step's problem while there is one;
 * reads the live pipeline first when the review has not read it yet.
 */
export async function publishFromReview(ctx: FlowContext): Promise<void> {
  const state = ctx.state;
  if (state.step !== 'review' && state.step !== 'publish') return;
  const reason = blockedReason(state, 'review');
  if (reason) {
    state.notice = reason;
    return ctx.changed();
  }
  if (!state.review?.loaded) await readExisting(ctx);
  const review = state.review;
  if (!review?.document) return;
  state.step = 'publish';
  state.visited.add('publish');
  state.notice = undefined;
  await publishReviewed(ctx, { ...review, document: review.document }, () => publishFromReview(ctx));
}

/** Publishes the reviewed pipeline to the form's target; `retry` starts the whole publish again. */
export async function publishReviewed(
  ctx: FlowContext,
  review: ReviewState & { document: PipelineDocument },
  retry: () => Promise<void>,
): Promise<void> {
  const kind = ctx.state.form.targetKind;
  const work =
    kind === 'factory'
      ? publishToFactory(ctx, review.document, review.remote?.etag, review.remote !== undefined)
      : kind === 'repository'
        ? saveToRepository(ctx, review.document, review.view.json, retry)
        : exportToFolder(ctx, review.document, retry);
  ctx.track(work);
  await work;
}

export async function publishToFactory(
  ctx: FlowContext,
  document: PipelineDocument,
  reviewedEtag: string | undefined,
  existed: boolean,
): Promise<void> {
  const { state, env } = ctx;
  const factory = chosenFactory(state.form, state.facts);
  if (!factory) return;
  if (factory.repoConfiguration && !state.gitModeConfirmed.has(factory.id)) {
    state.publishView = {
      status: 'confirmGitMode',
      gitModeWarning: l10n.t(
        'Data Factory {0} is connected to {1}. Publishing writes to the live factory only: the next publish from the collaboration branch overwrites it. Save the pipeline into your repository folder instead, or publish to live anyway.',
        factory.name,
        describeRepository(factory.repoConfiguration),
      ),
    };
    return ctx.changed();
  }
  state.publishView = { status: 'publishing' };
  state.busy = l10n.t('Publishing {0} to {1}...', document.name, factory.name);
  // A Retry after a Cancel starts a request of its own: the aborted one is never joined.
  const abort = new AbortController();
  state.operationAbort = abort;
  ctx.changed();
  try {
    await ctx.guard({
      step: 'publish',
      operation: 'publish',
      factoryName: factory.name,
      signal: abort.signal,
      retry: () => publishToFactory(ctx, document, reviewedEtag, existed),
      run: async () => {
        const azure = await env.azure();
        // The review saw no pipeline: create only (If-None-Match); it saw one: replace that one only (If-Match).
        const outcome = await publishPipeline(azure.pipelines, {
          factory,
          document,
          reviewedEtag: existed ? (reviewedEtag ?? '*') : undefined,
          signal: abort.signal,
        });
        if (outcome.kind === 'conflict') {
          state.conflictRemote = outcome.remote;
          state.publishView = {
            status: 'conflict',
            conflict: {
              reason: outcome.reason,
              ...(outcome.remote
                ? {
                    diff: toDiffView(
                      l10n.t('Their version (left) against yours (right)'),
                      diffPipelines(outcome.remote, document),
                    ),
                  }
                : {}),
            },
          };
          env.log.warn(`Publish of ${document.name} to ${factory.name} stopped: ${outcome.reason}`);
          return;
        }
        env.log.info(
          `Published pipeline ${document.name} to Data Factory ${factory.name} (${outcome.created ? 'created' : 'replaced'}, ETag ${outcome.etag ?? 'none'}).`,
        );
        state.published = { factory, document };
        if (state.review)
          state.review.remote = {
            name: document.name,
            etag: outcome.etag,
            properties: document.properties as unknown as Record<string, unknown>,
          };
        state.run = { ...idleRun(), parameters: runParametersOf(document) };
        state.publishView = {
          status: 'done',
          result: {
            message: outcome.created
              ? l10n.t('Published pipeline {0} to Data Factory {1}.', document.name, factory.name)
              : l10n.t(
                  'Published pipeline {0} to Data Factory {1} (replacing the one you reviewed).',
                  document.name,
                  factory.name,
                ),
            ...factoryLinks(ctx, factory, document.name),
            canRun: true,
          },
        };
      },
    });
  } finally {
    if (state.operationAbort === abort) state.operationAbort = undefined;
    state.busy = undefined;
    if (state.publishView.status === 'publishing') state.publishView = { status: 'idle' };
    if (abort.signal.aborted && state.publishView.status === 'idle')
      state.notice = l10n.t(
        'Publishing was cancelled. If Data Factory received the request before the cancel, {0} may be published: Back to review shows what the factory holds.',
        document.name,
      );
    ctx.changed();
  }
}

/** The answer to the git-mode warning: publish to live anyway, or save into the repository folder instead. */
export async function confirmGitMode(
  ctx: FlowContext,
  choice: 'publishLive' | 'saveToRepository',
): Promise<FlowOutcome | undefined> {
  const { state } = ctx;
  if (state.publishView.status !== 'confirmGitMode') return undefined;
  const factory = chosenFactory(state.form, state.facts);
  if (choice === 'publishLive' && factory && state.review?.document) {
    state.gitModeConfirmed.add(factory.id);
    const work = publishToFactory(
      ctx,
      state.review.document,
      state.review.remote?.etag,
      state.review.remote !== undefined,
    );
    ctx.track(work);
    await work;
    return undefined;
  }
  state.publishView = { status: 'idle' };
  const folder = state.form.repositoryFolder || state.repositoryFolders[0] || '';
  return {
    patch: { targetKind: 'repository', repositoryFolder: folder },
    enter: folder ? 'review' : 'target',
    notice: folder
      ? l10n.t('Saving into {0} instead: check the review, then save.', folder)
      : l10n.t("Choose the folder of your clone of the factory's repository."),
  };
}

/** Someone else changed (or deleted) the pipeline after the review: replace their version, or review again. */
export async function resolveConflict(
  ctx: FlowContext,
  choice: 'overwrite' | 'backToReview',
): Promise<FlowOutcome | undefined> {
  const { state } = ctx;
  const review = state.review;
  if (state.publishView.status !== 'conflict' || !review?.document) return undefined;
  if (choice === 'backToReview') {
    state.publishView = { status: 'idle' };
    review.loaded = false;
    return { enter: 'review' };
  }
  const remote = state.conflictRemote;
  const confirmed = await ctx.env.prompts.confirm({
    message: remote
      ? l10n.t('Replace the version of {0} someone else published?', remote.name)
      : l10n.t('Publish {0} again?', review.document.name),
    detail: remote
      ? l10n.t(
          'Their changes (shown on the left of the difference) will be lost. Only that version is replaced: if it changes again, you are asked again.',
        )
      : l10n.t('The pipeline was deleted after your review; publishing creates it again.'),
    confirmLabel: l10n.t('Replace'),
  });
  if (!confirmed) return { notice: l10n.t('Nothing was published.') };
  const work = publishToFactory(ctx, review.document, remote?.etag, remote !== undefined);
  ctx.track(work);
  await work;
  return undefined;
}

/** ADF Studio for the known clouds; the factory in the portal otherwise (a custom cloud's ADF Studio is unknown). */
function factoryLinks(
  ctx: FlowContext,
  factory: FactoryInfo,
  pipelineName: string,
): { adfStudioUrl?: string; portalUrl?: string } {
  const { cloud } = ctx.env;
  const studio = adfStudioPipelineUrl(cloud, factory.id, pipelineName);
  if (studio) return { adfStudioUrl: studio };
  return cloud.portalUrl
    ? { portalUrl: `${cloud.portalUrl}/#@${ctx.state.endpoint.workspace.tenantId}/resource${factory.id}` }
    : {};
}

async function saveToRepository(
  ctx: FlowContext,
  document: PipelineDocument,
  json: string,
  retry: () => Promise<void>,
): Promise<void> {
  const { state, env } = ctx;
  if (refusedWriteTarget(ctx, document.name, state.form.repositoryFolder)) return;
  const path = repositoryFile(state, document.name);
  const text = `${json}\n`;
  await guardFiles(ctx, retry, async () => {
    const existing = await env.files.readText(path);
    if (existing !== undefined && existing === text) {
      state.publishView = {
        status: 'done',
        result: {
          message: l10n.t(
            '{0} is already up to date in {1}.',
            `pipeline/${document.name}.json`,
            state.form.repositoryFolder,
          ),
          files: [path],
          canRun: false,
        },
      };
      return;
    }
    if (existing !== undefined) {
      const diff = fileDiff(existing, document, json);
      await env.openDiff(
        { title: l10n.t('{0} (in the repository)', `pipeline/${document.name}.json`), text: diff.before },
        { title: l10n.t('generated'), text: diff.after },
        l10n.t('{0}.json: repository <-> generated', document.name),
      );
      const confirmed = await env.prompts.confirm({
        message: l10n.t('Overwrite {0}?', `pipeline/${document.name}.json`),
        detail: l10n.t(
          '{0} exists and differs from the generated pipeline ({1} lines removed, {2} added; the difference is open in an editor). Your git history keeps the old version.',
          path,
          diff.removed,
          diff.added,
        ),
        confirmLabel: l10n.t('Overwrite'),
      });
      if (!confirmed) {
        state.publishView = { status: 'idle' };
        state.notice = l10n.t('Nothing was written: {0} is unchanged.', path);
        return;
      }
    }
    await env.files.write(path, new TextEncoder().encode(text));
    env.log.info(`Saved pipeline ${document.name} to ${path}.`);
    state.publishView = {
      status: 'done',
      result: {
        message: l10n.t(
          'Saved {0} in {1}: commit it, then publish from ADF Studio.',
          `pipeline/${document.name}.json`,
          state.form.repositoryFolder,
        ),
        files: [path],
        canRun: false,
      },
    };
  });
}

async function exportToFolder(ctx: FlowContext, document: PipelineDocument, retry: () => Promise<void>): Promise<void> {
  const { state, env } = ctx;
  if (refusedWriteTarget(ctx, document.name, state.form.exportFolder)) return;
  await guardFiles(ctx, retry, async () => {
    const files = exportFilesOf(state, document);
    const existing = (
      await Promise.all(files.map(async (f) => ((await env.files.exists(f.path)) ? f.path : undefined)))
    ).filter((p): p is string => p !== undefined);
    if (existing.length > 0) {
      const confirmed = await env.prompts.confirm({
        message:
          existing.length === 1
            ? l10n.t('Replace a file that exists?')
            : l10n.t('Replace {0} files that exist?', existing.length),
        detail: existing.join('\n'),
        confirmLabel: l10n.t('Replace'),
      });
      if (!confirmed) {
        state.publishView = { status: 'idle' };
        state.notice = l10n.t('Nothing was written.');
        return;
      }
    }
    for (const file of files) await env.files.write(file.path, file.content);
    env.log.info(`Exported pipeline ${document.name}: ${files.map((f) => f.path).join(', ')}.`);
    state.publishView = {
      status: 'done',
      result: {
        message:
          files.length === 1
            ? l10n.t('Wrote 1 file for pipeline {0}.', document.name)
            : l10n.t('Wrote {0} files for pipeline {1}.', files.length, document.name),
        files: files.map((f) => f.path),
        canRun: false,
      },
    };
  });
}

/** Checks the pipeline name, then the folder, before any file is touched; a problem is shown, nothing written. */
function refusedWriteTarget(ctx: FlowContext, name: string, folder: string): boolean {
  const { state, env } = ctx;
  const problem = writeTargetProblem(name, folder, {
    picked: state.pickedFolders,
    workspaceFolders: env.files.workspaceFolders(),
  });
  if (!problem) return false;
  state.publishView = { status: 'idle' };
  ctx.showError(
    {
      step: 'publish',
      title:
        problem.field === 'pipelineName'
          ? l10n.t('The pipeline name cannot be used')
          : l10n.t('The wizard cannot write there'),
      message: problem.message,
      action:
        problem.field === 'pipelineName'
          ? l10n.t('Change the pipeline name on the Review step. Nothing was written.')
          : l10n.t('Choose the folder with Browse..., or one inside your workspace. Nothing was written.'),
      canRetry: false,
      canSignIn: false,
    },
    async () => undefined,
  );
  return true;
}

/** File work: a failure becomes the error banner (what was entered stays), with Retry starting the publish again. */
async function guardFiles(ctx: FlowContext, retry: () => Promise<void>, work: () => Promise<void>): Promise<void> {
  const { state } = ctx;
  state.busy = l10n.t('Writing files...');
  ctx.changed();
  try {
    await work();
  } catch (error) {
    state.publishView = { status: 'idle' };
    ctx.showError(
      {
        step: 'publish',
        title: l10n.t('Could not write the files'),
        message: error instanceof Error ? error.message : String(error),
        action: l10n.t('Check the folder and its permissions, then retry. Nothing you entered is lost.'),
        canRetry: true,
        canSignIn: false,
      },
      retry,
    );
  } finally {
    state.busy = undefined;
    ctx.changed();
  }
}
