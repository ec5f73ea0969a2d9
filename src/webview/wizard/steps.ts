// One render function per wizard step. They read the view state and the form (with the user's pending edits),
// and call back into main.ts for every action; nothing here talks to the extension directly.
import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit';
import {
  WIZARD_AUTH_CHOICES,
  type ExportFormat,
  type RequestMethod,
  type RequestParams,
  type WizardAuthKind,
  type WizardViewState,
} from '../../wizard/protocol';
import {
  button,
  checkList,
  choiceOptions,
  diagram,
  diffBlock,
  formatDuration,
  radioGroup,
  selectField,
  textField,
  type FormBinding,
} from './ui';

export interface StepContext {
  state: WizardViewState;
  bind: FormBinding;
  send<M extends RequestMethod>(method: M, params: RequestParams[M]): void;
  rawPollInterval: string | undefined;
  setRawPollInterval(text: string): void;
  runValues: Record<string, string>;
  setRunValue(name: string, value: string): void;
}

export function endpointStep({ state, bind }: StepContext): TemplateResult {
  const e = state.endpoint;
  const deploymentChoices = [
    {
      value: '',
      label: e.defaultDeployment
        ? `The endpoint's default (${e.defaultDeployment})`
        : "The endpoint's default (none: choose one)",
    },
    ...e.deployments.map((d) => ({ value: d.name, label: d.name, description: d.provisioningState ?? '' })),
  ];
  return html`
    <dl class="facts">
      <dt>Batch endpoint</dt><dd>${e.name}</dd>
      <dt>Workspace</dt><dd>${e.workspaceName} (resource group ${e.resourceGroup})</dd>
      <dt>Scoring URI</dt><dd class="mono">${e.scoringUri ?? 'not available yet'}</dd>
      <dt>Auth mode</dt><dd>${e.authMode ?? 'unknown'}</dd>
      <dt>Default deployment</dt><dd>${e.defaultDeployment ?? html`<span class="warning-text">none</span>`}</dd>
      <dt>Deployments</dt><dd>${e.deploymentsLoaded ? e.deployments.map((d) => `${d.name}${d.provisioningState && d.provisioningState !== 'Succeeded' ? ` (${d.provisioningState})` : ''}`).join(', ') || 'none' : 'loading...'}</dd>
    </dl>
    ${selectField(bind, 'deployment', 'Deployment the pipeline runs', deploymentChoices, 'Choosing one explicitly makes every run send the header azureml-model-deployment.')}
    ${checkList(state.checks.endpoint)}`;
}

export function targetStep(ctx: StepContext): TemplateResult {
  const { state, bind, send } = ctx;
  const f = bind.form;
  const factories = state.target.factories;
  const selected = factories?.find((x) => x.id.toLowerCase() === f.factoryId.toLowerCase());
  return html`
    ${radioGroup(
      'target',
      'Where the pipeline goes',
      f.targetKind,
      [
        {
          value: 'factory',
          label: 'A Data Factory in the subscription',
          explanation: 'Publishes the pipeline to the factory (live mode).',
        },
        {
          value: 'repository',
          label: 'A folder of an ADF git repository',
          explanation: 'Writes pipeline/<name>.json into your clone; commit it and publish from ADF Studio.',
        },
        {
          value: 'export',
          label: 'Export files only',
          explanation:
            'The git JSON, an ARM template, and a template zip for ADF Studio\'s "Import from pipeline template".',
        },
      ],
      (value) => bind.set('targetKind', value),
    )}
    ${
      f.targetKind === 'factory'
        ? html`
      ${
        factories === undefined
          ? html`<p class="loading-line" role="status"><vscode-progress-ring aria-label="Loading"></vscode-progress-ring> Reading the data factories of subscription ${state.endpoint.subscriptionId}...</p>`
          : selectField(bind, 'factoryId', 'Data Factory', [
              { value: '', label: factories.length ? 'Choose a factory' : 'No data factories in this subscription' },
              // Identity and git mode decide whether the factory can be used: in the label, visible without highlighting.
              ...factories.map((x) => ({
                value: x.id,
                label: l10n.t(
                  '{0} ({1}) · identity: {2} · {3}',
                  x.name,
                  x.resourceGroup,
                  x.hasIdentity ? l10n.t('system-assigned') : l10n.t('none'),
                  x.gitMode,
                ),
              })),
            ])
      }
      ${
        selected
          ? html`<dl class="facts">
        <dt>Identity</dt><dd>${selected.identity}</dd>
        <dt>Git mode</dt><dd>${selected.gitMode}</dd>
        <dt>Location</dt><dd>${selected.location}</dd>
      </dl>`
          : nothing
      }
      <div class="row">${button('Reload factories', () => send('reload', { what: 'factories' }), { secondary: true, disabled: state.target.factoriesLoading })}</div>`
        : nothing
    }
    ${
      f.targetKind === 'repository'
        ? html`
      ${
        state.target.repositoryFolders.length > 0
          ? selectField(bind, 'repositoryFolder', 'Repository folders found in the workspace', [
              { value: '', label: 'Choose a folder' },
              ...[
                ...new Set([...state.target.repositoryFolders, ...(f.repositoryFolder ? [f.repositoryFolder] : [])]),
              ].map((p) => ({ value: p, label: p })),
            ])
          : html`<p>No folder of the workspace holds pipeline/ or factory/ yet.</p>`
      }
      <div class="row">${button('Choose folder...', () => send('chooseFolder', { purpose: 'repository' }), { secondary: true })} <span class="mono">${f.repositoryFolder}</span></div>`
        : nothing
    }
    ${
      f.targetKind === 'export'
        ? html`
      <div class="row">${button('Choose folder...', () => send('chooseFolder', { purpose: 'export' }), { secondary: true })} <span class="mono">${f.exportFolder || 'no folder chosen'}</span></div>
      ${state.formProblems.exportFolder ? html`<p class="problem">${state.formProblems.exportFolder}</p>` : nothing}
      <fieldset class="radios"><legend>Files</legend>
        ${(['git', 'arm', 'zip'] as ExportFormat[]).map(
          (
            format,
          ) => html`<vscode-checkbox data-format=${format} ?checked=${f.exportFormats.includes(format)} label=${formatLabel(format)}
          @change=${(e: Event & { target: { checked: boolean } }) => bind.set('exportFormats', e.target.checked ? [...new Set([...f.exportFormats, format])] : f.exportFormats.filter((x) => x !== format))}>${formatLabel(format)}</vscode-checkbox>`,
        )}
      </fieldset>`
        : nothing
    }
    ${checkList(state.checks.target)}`;
}

function formatLabel(format: ExportFormat): string {
  return format === 'git'
    ? 'Git JSON (pipeline/<name>.json)'
    : format === 'arm'
      ? 'ARM template'
      : 'Template zip for ADF Studio';
}

const AUTH_OPTIONS: ReadonlyArray<{ value: WizardAuthKind; label: string; explanation: string }> =
  WIZARD_AUTH_CHOICES.map(({ kind, label, explanation }) => ({ value: kind, label, explanation }));

export function authStep(ctx: StepContext): TemplateResult {
  const { state, bind, send } = ctx;
  const f = bind.form;
  const grant = state.auth.roleGrant;
  const identity = state.auth.factoryIdentity;
  const factoryTarget = f.targetKind === 'factory';
  return html`
    ${radioGroup('auth', 'How Data Factory signs in to the endpoint', f.authKind, AUTH_OPTIONS, (value) => bind.set('authKind', value))}
    ${
      f.authKind === 'uami'
        ? factoryTarget && state.auth.factoryFactsLoaded
          ? selectField(
              bind,
              'credentialName',
              'ADF credential',
              choiceOptions(
                state.auth.credentials,
                state.auth.credentials.length ? 'Choose a credential' : 'The factory has no credentials',
              ),
            )
          : textField(bind, 'credentialName', 'ADF credential name')
        : nothing
    }
    ${
      f.authKind === 'sp-keyvault'
        ? html`
      ${
        factoryTarget && state.auth.factoryFactsLoaded && state.auth.keyVaultLinkedServices.length === 0
          ? noKeyVaultLinkedService(send)
          : factoryTarget && state.auth.factoryFactsLoaded
            ? selectField(
                bind,
                'keyVaultLinkedService',
                'Key Vault linked service',
                choiceOptions(
                  state.auth.keyVaultLinkedServices,
                  state.auth.keyVaultLinkedServices.length
                    ? 'Choose a linked service'
                    : 'The factory has no Key Vault linked service',
                ),
              )
            : textField(bind, 'keyVaultLinkedService', 'Key Vault linked service name')
      }
      ${textField(bind, 'secretName', 'Secret name', { help: 'The NAME of the secret that holds the client secret in the vault. The wizard never asks for the secret itself.' })}`
        : nothing
    }
    ${
      f.authKind === 'sp-keyvault' || f.authKind === 'sp-secret'
        ? html`
      ${textField(bind, 'spTenantId', 'Tenant ID of the service principal')}
      ${textField(bind, 'spClientId', 'Application (client) ID of the service principal')}`
        : nothing
    }
    ${f.authKind === 'sp-secret' ? html`<p class="explanation">The pipeline declares <code>client_secret</code> as a SecureString parameter with no default: give it when you run the pipeline (Run now asks for it in a password box), or pass it from a calling pipeline. ADF masks SecureString values in run history.</p>` : nothing}
    ${
      identity.status === 'notNeeded'
        ? nothing
        : html`
      <section class="grant" aria-labelledby="identity-title">
        <h3 id="identity-title">Enable the factory's managed identity</h3>
        <p>Data Factory ${identity.factoryName} has no system-assigned managed identity. Azure can add one to this factory; its pipelines are not changed.</p>
        <div class="row">${button(identity.status === 'enabling' ? 'Enabling...' : 'Enable managed identity...', () => send('enableIdentity', {}), { disabled: identity.status === 'enabling', id: 'enable-identity' })}</div>
      </section>`
    }
    ${
      grant.status === 'offer' || grant.status === 'failed' || grant.status === 'granting'
        ? html`
      <section class="grant" aria-labelledby="grant-title">
        <h3 id="grant-title">Grant access to the workspace</h3>
        <p>${grant.who} (principal <span class="mono">${grant.principalId}</span>) cannot run jobs on the workspace yet.</p>
        <p>Role: <strong>${grant.roleName}</strong><br>Scope: <span class="mono">${grant.scope}</span></p>
        <div class="row">${button(grant.status === 'granting' ? 'Granting...' : `Grant ${grant.roleName}...`, () => send('grantRole', {}), { disabled: grant.status === 'granting', id: 'grant-role' })}
          ${grant.status === 'granting' ? button('Cancel', () => send('cancelOperation', {}), { secondary: true, id: 'cancel-grant' }) : nothing}</div>
      </section>`
        : nothing
    }
    ${grant.status === 'granted' ? html`<p class="success" role="status">${grant.roleName} was granted on the workspace.</p>` : nothing}
    ${checkList(state.checks.auth)}
    <div class="row">${button('Check again', () => send('reload', { what: 'checks' }), { secondary: true })}</div>`;
}

/** In place of an empty list: why it is empty and how to fill it, where the user looks for the choice. */
function noKeyVaultLinkedService(send: StepContext['send']): TemplateResult {
  return html`<section class="empty-choice" id="no-key-vault" aria-labelledby="no-key-vault-title">
    <h3 id="no-key-vault-title">${l10n.t('Key Vault linked service')}</h3>
    <p>${l10n.t('This factory has no Azure Key Vault linked service yet: the pipeline reads the client secret through one.')}</p>
    <p class="explanation">${l10n.t("Create one for the vault that holds the secret (the workspace's own vault is suggested). The factory's identity then needs \"get\" permission on the vault's secrets.")}</p>
    <div class="row">${button(l10n.t('Create linked service...'), () => send('createKeyVaultLinkedService', {}), { id: 'create-key-vault-linked-service' })}</div>
  </section>`;
}

export function reviewStep(ctx: StepContext): TemplateResult {
  const { state, bind, send } = ctx;
  const review = state.review;
  return html`
    <div class="two-columns">
      ${textField(bind, 'pipelineName', 'Pipeline name')}
      ${textField(bind, 'folder', 'Folder in ADF Studio', { help: 'Use / to nest folders.' })}
    </div>
    ${textField(bind, 'description', 'Description (optional)', { wide: true })}
    ${
      review === undefined
        ? html`<p role="status">Generating...</p>`
        : html`
      <p>Goes to: <strong>${review.destination}</strong>${review.exists ? html` <span class="warning-text">(replaces the existing ${state.form.targetKind === 'factory' ? 'pipeline' : 'file'})</span>` : nothing}</p>
      ${review.optionProblems.length > 0 ? html`<ul class="checks">${review.optionProblems.map((p) => html`<li class="check fail"><span class="check-status">Problem</span><span class="check-body">${p}</span></li>`)}</ul>` : nothing}
      <section aria-labelledby="validation-title">
        <h3 id="validation-title">Validation</h3>
        <p class=${review.errors > 0 ? 'problem' : 'success'} data-validation=${`${review.errors}/${review.warnings}`}>
          ${review.errors} error${review.errors === 1 ? '' : 's'}, ${review.warnings} warning${review.warnings === 1 ? '' : 's'}${review.errors > 0 ? ': publishing needs none.' : '.'}
        </p>
        ${review.problems.length > 0 ? html`<ul class="problems">${review.problems.map((p) => html`<li class=${p.severity}>${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}</li>`)}</ul>` : nothing}
      </section>
      <section aria-labelledby="diagram-title">
        <h3 id="diagram-title">Activities</h3>
        ${diagram(review.diagram)}
      </section>
      ${review.diff ? html`<section>${diffBlock(review.diff)}<div class="row">${button('Open in diff editor', () => send('openDiff', {}), { secondary: true })}</div></section>` : nothing}
      <details class="json">
        <summary>Generated JSON (${review.json.split('\n').length} lines)</summary>
        <pre class="mono" tabindex="0">${review.json}</pre>
      </details>`
    }`;
}

export function publishStep(ctx: StepContext): TemplateResult {
  const { state, send } = ctx;
  const p = state.publish;
  switch (p.status) {
    case 'idle':
      return html`<p>Nothing published yet. ${button('Back to review', () => send('goTo', { step: 'review' }), { secondary: true })}</p>`;
    case 'publishing':
      return html`<p class="loading-line" role="status"><vscode-progress-ring aria-label="Publishing"></vscode-progress-ring> ${state.busy ?? 'Publishing...'}</p>
        <div class="row">${button('Cancel', () => send('cancelOperation', {}), { secondary: true, id: 'cancel-publish' })}</div>`;
    case 'confirmGitMode':
      return html`<section class="banner warning" role="alert">
        <h3>This factory is connected to git</h3>
        <p>${p.gitModeWarning}</p>
        <div class="row">
          ${button('Save into the repository folder instead', () => send('confirmGitMode', { choice: 'saveToRepository' }), { id: 'save-to-repository' })}
          ${button('Publish to live anyway', () => send('confirmGitMode', { choice: 'publishLive' }), { secondary: true, id: 'publish-live' })}
        </div>
      </section>`;
    case 'conflict':
      return html`<section class="banner warning" role="alert">
        <h3>The pipeline changed since your review</h3>
        <p>${p.conflict?.reason} Nothing was overwritten.</p>
        <div class="row">
          ${button('Replace with mine...', () => send('resolveConflict', { choice: 'overwrite' }), { id: 'replace-pipeline' })}
          ${button('Back to review', () => send('resolveConflict', { choice: 'backToReview' }), { secondary: true })}
          ${button('Open in diff editor', () => send('openDiff', {}), { secondary: true })}
        </div>
      </section>
      ${p.conflict?.diff ? diffBlock(p.conflict.diff) : nothing}`;
    case 'done':
      return html`<section class="banner success" role="status">
        <h3>Done</h3>
        <p>${p.result?.message}</p>
        ${p.result?.files?.length ? html`<ul class="mono">${p.result.files.map((file) => html`<li>${file}</li>`)}</ul>` : nothing}
        <div class="row">
          ${p.result?.adfStudioUrl ? button('Open in ADF Studio', () => send('openLink', { link: 'adfStudio' }), { secondary: true, id: 'open-adf-studio' }) : nothing}
          ${p.result?.portalUrl ? button('Open the factory in the Azure portal', () => send('openLink', { link: 'portal' }), { secondary: true, id: 'open-portal' }) : nothing}
          ${p.result?.canRun ? button('Run now...', () => send('goTo', { step: 'run' }), { id: 'run-now' }) : nothing}
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
      <h3 id="parameters-title">Parameters</h3>
      <table class="grid">
        <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Value</th></tr></thead>
        <tbody>${run.parameters.map(
          (p) => html`<tr>
          <th scope="row" class="mono">${p.name}</th><td>${p.type}</td>
          <td>${
            p.secure
              ? html`<span class="explanation">asked in a password box when the run starts (never kept)</span>`
              : html`<vscode-textfield data-parameter=${p.name} aria-label=${`Value of ${p.name}`} .value=${ctx.runValues[p.name] ?? p.defaultValue} placeholder=${p.required ? 'required' : ''}
                @input=${(e: Event & { target: { value: string } }) => ctx.setRunValue(p.name, e.target.value)}></vscode-textfield>`
          }</td>
        </tr>`,
        )}</tbody>
      </table>
      <div class="row">
        ${button(run.status === 'ended' ? 'Run again' : 'Start run', () => send('runNow', { values: ctx.runValues }), { disabled: active, id: 'start-run' })}
        ${active ? button(run.status === 'cancelling' ? 'Cancelling...' : 'Cancel run', () => send('cancelRun', {}), { secondary: true, disabled: run.status === 'cancelling', id: 'cancel-run' }) : nothing}
      </div>
    </section>
    ${
      run.runId
        ? html`<section aria-labelledby="monitor-title" aria-live="polite">
      <h3 id="monitor-title">Pipeline run</h3>
      <dl class="facts">
        <dt>Run ID</dt><dd class="mono">${run.runId}</dd>
        <dt>Status</dt><dd><span class=${`status ${statusClass(run.pipelineStatus)}`} data-run-status=${run.pipelineStatus ?? ''}>${run.pipelineStatus ?? 'Queued'}</span>${active ? html` <vscode-progress-ring class="inline-ring" aria-label="Running"></vscode-progress-ring>` : nothing}</dd>
        ${run.message ? html`<dt>Message</dt><dd>${run.message}</dd>` : nothing}
        ${
          run.job
            ? html`<dt>Batch job</dt><dd><span class="mono">${run.job.name}</span>: <span class=${`status ${statusClass(run.job.status)}`} data-job-status=${run.job.status ?? ''}>${run.job.status ?? 'unknown'}</span>
          ${run.job.studioUrl ? button('Open job in Azure ML Studio', () => send('openLink', { link: 'job' }), { secondary: true, id: 'open-job' }) : nothing}
          ${run.job.error ? html`<div class="problem">${run.job.error}</div>` : nothing}</dd>`
            : nothing
        }
      </dl>
      <table class="grid" aria-label="Activity runs">
        <thead><tr><th scope="col">Activity</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Runs</th><th scope="col">Duration</th></tr></thead>
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
