// The last two wizard steps: publishing (with its git-mode and conflict questions) and the run monitor.
import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit';
import type { StepContext } from './steps';
import { button, diffBlock, formatDuration } from './ui';

export function publishStep(ctx: StepContext): TemplateResult {
  const { state, send } = ctx;
  const p = state.publish;
  switch (p.status) {
    case 'idle':
      return html`<p>${l10n.t('Nothing published yet.')} ${button(l10n.t('Back to review'), () => send('goTo', { step: 'review' }), { secondary: true })}</p>`;
    case 'publishing':
      return html`<p class="loading-line" role="status"><vscode-progress-ring aria-label=${l10n.t('Publishing')}></vscode-progress-ring> ${state.busy ?? l10n.t('Publishing...')}</p>
        <div class="row">${button(l10n.t('Cancel'), () => send('cancelOperation', {}), { secondary: true, id: 'cancel-publish' })}</div>`;
    case 'confirmGitMode':
      return html`<section class="banner warning" role="alert">
        <h3>${l10n.t('This factory is connected to git')}</h3>
        <p>${p.gitModeWarning}</p>
        <div class="row">
          ${button(l10n.t('Save into the repository folder instead'), () => send('confirmGitMode', { choice: 'saveToRepository' }), { id: 'save-to-repository' })}
          ${button(l10n.t('Publish to live anyway'), () => send('confirmGitMode', { choice: 'publishLive' }), { secondary: true, id: 'publish-live' })}
        </div>
      </section>`;
    case 'conflict':
      return html`<section class="banner warning" role="alert">
        <h3>${l10n.t('The pipeline changed since your review')}</h3>
        <p>${p.conflict?.reason} ${l10n.t('Nothing was overwritten.')}</p>
        <div class="row">
          ${button(l10n.t('Replace with mine...'), () => send('resolveConflict', { choice: 'overwrite' }), { id: 'replace-pipeline' })}
          ${button(l10n.t('Back to review'), () => send('resolveConflict', { choice: 'backToReview' }), { secondary: true })}
          ${button(l10n.t('Open in diff editor'), () => send('openDiff', {}), { secondary: true })}
        </div>
      </section>
      ${p.conflict?.diff ? diffBlock(p.conflict.diff) : nothing}`;
    case 'done':
      return html`<section class="banner success" role="status">
        <h3>${l10n.t('Done')}</h3>
        <p>${p.result?.message}</p>
        ${p.result?.files?.length ? html`<ul class="mono">${p.result.files.map((file) => html`<li>${file}</li>`)}</ul>` : nothing}
        <div class="row">
          ${p.result?.adfStudioUrl ? button(l10n.t('Open in ADF Studio'), () => send('openLink', { link: 'adfStudio' }), { secondary: true, id: 'open-adf-studio' }) : nothing}
          ${p.result?.portalUrl ? button(l10n.t('Open the factory in the Azure portal'), () => send('openLink', { link: 'portal' }), { secondary: true, id: 'open-portal' }) : nothing}
          ${p.result?.canRun ? button(l10n.t('Run now...'), () => send('goTo', { step: 'run' }), { id: 'run-now' }) : nothing}
        </div>
      </section>`;
  }
}

export function runStep(ctx: StepContext): TemplateResult {
  const { state, send } = ctx;
  const run = state.run;
  const active = run.status === 'starting' || run.status === 'running' || run.status === 'cancelling';
  return html`
    <section aria-labelledby="parameters-title">
      <h3 id="parameters-title">${l10n.t('Parameters')}</h3>
      <table class="grid">
        <thead><tr><th scope="col">${l10n.t('Name')}</th><th scope="col">${l10n.t('Type')}</th><th scope="col">${l10n.t('Value')}</th></tr></thead>
        <tbody>${run.parameters.map(
          (p) => html`<tr>
          <th scope="row" class="mono">${p.name}</th><td>${p.type}</td>
          <td>${
            p.secure
              ? html`<span class="explanation">${l10n.t('asked in a password box when the run starts (never kept)')}</span>`
              : html`<vscode-textfield data-parameter=${p.name} aria-label=${l10n.t('Value of {0}', p.name)} .value=${ctx.runValues[p.name] ?? p.defaultValue} placeholder=${p.required ? l10n.t('required') : ''}
                @input=${(e: Event & { target: { value: string } }) => ctx.setRunValue(p.name, e.target.value)}></vscode-textfield>`
          }</td>
        </tr>`,
        )}</tbody>
      </table>
      <div class="row">
        ${button(run.status === 'ended' ? l10n.t('Run again') : l10n.t('Start run'), () => send('runNow', { values: ctx.runValues }), { disabled: active, id: 'start-run' })}
        ${active ? button(run.status === 'cancelling' ? l10n.t('Cancelling...') : l10n.t('Cancel run'), () => send('cancelRun', {}), { secondary: true, disabled: run.status === 'cancelling', id: 'cancel-run' }) : nothing}
      </div>
    </section>
    ${
      run.runId
        ? html`<section aria-labelledby="monitor-title" aria-live="polite">
      <h3 id="monitor-title">${l10n.t('Pipeline run')}</h3>
      <dl class="facts">
        <dt>${l10n.t('Run ID')}</dt><dd class="mono">${run.runId}</dd>
        <dt>${l10n.t('Status')}</dt><dd><span class=${`status ${statusClass(run.pipelineStatus)}`} data-run-status=${run.pipelineStatus ?? ''}>${run.pipelineStatus ?? 'Queued'}</span>${active ? html` <vscode-progress-ring class="inline-ring" aria-label="Running"></vscode-progress-ring>` : nothing}</dd>
        ${run.message ? html`<dt>${l10n.t('Message')}</dt><dd>${run.message}</dd>` : nothing}
        ${
          run.job
            ? html`<dt>${l10n.t('Batch job')}</dt><dd><span class="mono">${run.job.name}</span>: <span class=${`status ${statusClass(run.job.status)}`} data-job-status=${run.job.status ?? ''}>${run.job.status ?? l10n.t('unknown')}</span>
          ${run.job.studioUrl ? button(l10n.t('Open job in Azure ML Studio'), () => send('openLink', { link: 'job' }), { secondary: true, id: 'open-job' }) : nothing}
          ${run.job.error ? html`<div class="problem">${run.job.error}</div>` : nothing}</dd>`
            : nothing
        }
      </dl>
      <table class="grid" aria-label="Activity runs">
        <thead><tr><th scope="col">${l10n.t('Activity')}</th><th scope="col">${l10n.t('Type')}</th><th scope="col">${l10n.t('Status')}</th><th scope="col">${l10n.t('Runs')}</th><th scope="col">${l10n.t('Duration')}</th></tr></thead>
        <tbody>${run.activities.map(
          (a) => html`<tr>
          <th scope="row">${a.name}${a.error ? html`<div class="problem">${a.error}</div>` : nothing}</th><td>${a.type}</td>
          <td><span class=${`status ${statusClass(a.status)}`}>${a.status}</span></td><td>${a.runs}</td><td>${formatDuration(a.durationMs)}</td>
        </tr>`,
        )}</tbody>
      </table>
    </section>`
        : nothing
    }`;
}

function statusClass(status: string | undefined): string {
  if (!status) return 'pending';
  if (/^(Succeeded|Completed)$/i.test(status)) return 'ok';
  if (/^(Failed)$/i.test(status)) return 'bad';
  if (/^(Cancel)/i.test(status)) return 'cancelled';
  return 'pending';
}
