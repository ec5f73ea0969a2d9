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
  radioGroup,
  selectField,
  textField,
  type FormBinding,
} from './ui';
import { jsonView } from './json-view';

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
        ? l10n.t("The endpoint's default ({0})", e.defaultDeployment)
        : l10n.t("The endpoint's default (none: choose one)"),
    },
    ...e.deployments.map((d) => ({ value: d.name, label: d.name, description: d.provisioningState ?? '' })),
  ];
  return html`
    <dl class="facts">
      <dt>${l10n.t('Batch endpoint')}</dt><dd>${e.name}</dd>
      <dt>${l10n.t('Workspace')}</dt><dd>${l10n.t('{0} (resource group {1})', e.workspaceName, e.resourceGroup)}</dd>
      <dt>${l10n.t('Scoring URI')}</dt><dd class="mono">${e.scoringUri ?? l10n.t('not available yet')}</dd>
      <dt>${l10n.t('Auth mode')}</dt><dd>${e.authMode ?? l10n.t('unknown')}</dd>
      <dt>${l10n.t('Default deployment')}</dt><dd>${e.defaultDeployment ?? html`<span class="warning-text">${l10n.t('none')}</span>`}</dd>
      <dt>${l10n.t('Deployments')}</dt><dd>${e.deploymentsLoaded ? e.deployments.map((d) => `${d.name}${d.provisioningState && d.provisioningState !== 'Succeeded' ? ` (${d.provisioningState})` : ''}`).join(', ') || l10n.t('none') : l10n.t('loading...')}</dd>
    </dl>
    ${selectField(bind, 'deployment', l10n.t('Deployment the pipeline runs'), deploymentChoices, l10n.t('Choosing one explicitly makes every run send the header azureml-model-deployment.'))}
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
      l10n.t('Where the pipeline goes'),
      f.targetKind,
      [
        {
          value: 'factory',
          label: l10n.t('A Data Factory in the subscription'),
          explanation: l10n.t('Publishes the pipeline to the factory (live mode).'),
        },
        {
          value: 'repository',
          label: l10n.t('A folder of an ADF git repository'),
          explanation: l10n.t('Writes pipeline/<name>.json into your clone; commit it and publish from ADF Studio.'),
        },
        {
          value: 'export',
          label: l10n.t('Export files only'),
          explanation: l10n.t(
            'The git JSON, an ARM template, and a template zip for ADF Studio\'s "Import from pipeline template".',
          ),
        },
      ],
      (value) => bind.set('targetKind', value),
    )}
    ${
      f.targetKind === 'factory'
        ? html`
      ${
        factories === undefined
          ? html`<p class="loading-line" role="status"><vscode-progress-ring aria-label=${l10n.t('Loading')}></vscode-progress-ring> ${l10n.t('Reading the data factories of subscription {0}...', state.endpoint.subscriptionId)}</p>`
          : selectField(bind, 'factoryId', l10n.t('Data Factory'), [
              {
                value: '',
                label: factories.length ? l10n.t('Choose a factory') : l10n.t('No data factories in this subscription'),
              },
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
        <dt>${l10n.t('Identity')}</dt><dd>${selected.identity}</dd>
        <dt>${l10n.t('Git mode')}</dt><dd>${selected.gitMode}</dd>
        <dt>${l10n.t('Location')}</dt><dd>${selected.location}</dd>
      </dl>`
          : nothing
      }
      <div class="row">${button(l10n.t('Reload factories'), () => send('reload', { what: 'factories' }), { secondary: true, disabled: state.target.factoriesLoading })}</div>`
        : nothing
    }
    ${
      f.targetKind === 'repository'
        ? html`
      ${
        state.target.repositoryFolders.length > 0
          ? selectField(bind, 'repositoryFolder', l10n.t('Repository folders found in the workspace'), [
              { value: '', label: l10n.t('Choose a folder') },
              ...[
                ...new Set([...state.target.repositoryFolders, ...(f.repositoryFolder ? [f.repositoryFolder] : [])]),
              ].map((p) => ({ value: p, label: p })),
            ])
          : html`<p>${l10n.t('No folder of the workspace holds pipeline/ or factory/ yet.')}</p>`
      }
      <div class="row">${button(l10n.t('Choose folder...'), () => send('chooseFolder', { purpose: 'repository' }), { secondary: true })} <span class="mono">${f.repositoryFolder}</span></div>`
        : nothing
    }
    ${
      f.targetKind === 'export'
        ? html`
      <div class="row">${button(l10n.t('Choose folder...'), () => send('chooseFolder', { purpose: 'export' }), { secondary: true })} <span class="mono">${f.exportFolder || l10n.t('no folder chosen')}</span></div>
      ${state.formProblems.exportFolder ? html`<p class="problem">${state.formProblems.exportFolder}</p>` : nothing}
      <fieldset class="radios"><legend>${l10n.t('Files')}</legend>
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
    ? l10n.t('Git JSON (pipeline/<name>.json)')
    : format === 'arm'
      ? l10n.t('ARM template')
      : l10n.t('Template zip for ADF Studio');
}

/** Read at each render: the labels are looked up in the display language's bundle. */
const authOptions = (): ReadonlyArray<{ value: WizardAuthKind; label: string; explanation: string }> =>
  WIZARD_AUTH_CHOICES.map(({ kind, label, explanation }) => ({ value: kind, label, explanation }));

export function authStep(ctx: StepContext): TemplateResult {
  const { state, bind, send } = ctx;
  const f = bind.form;
  const grant = state.auth.roleGrant;
  const identity = state.auth.factoryIdentity;
  const factoryTarget = f.targetKind === 'factory';
  return html`
    ${radioGroup('auth', l10n.t('How Data Factory signs in to the endpoint'), f.authKind, authOptions(), (value) => bind.set('authKind', value))}
    ${
      f.authKind === 'uami'
        ? factoryTarget && state.auth.factoryFactsLoaded
          ? selectField(
              bind,
              'credentialName',
              l10n.t('ADF credential'),
              choiceOptions(
                state.auth.credentials,
                state.auth.credentials.length
                  ? l10n.t('Choose a credential')
                  : l10n.t('The factory has no credentials'),
              ),
            )
          : textField(bind, 'credentialName', l10n.t('ADF credential name'))
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
                l10n.t('Key Vault linked service'),
                choiceOptions(
                  state.auth.keyVaultLinkedServices,
                  state.auth.keyVaultLinkedServices.length
                    ? l10n.t('Choose a linked service')
                    : l10n.t('The factory has no Key Vault linked service'),
                ),
              )
            : textField(bind, 'keyVaultLinkedService', l10n.t('Key Vault linked service name'))
      }
      ${textField(bind, 'secretName', l10n.t('Secret name'), { help: l10n.t('The NAME of the secret that holds the client secret in the vault. The wizard never asks for the secret itself.') })}`
        : nothing
    }
    ${
      f.authKind === 'sp-keyvault' || f.authKind === 'sp-secret'
        ? html`
      ${textField(bind, 'spTenantId', l10n.t('Tenant ID of the service principal'))}
      ${textField(bind, 'spClientId', l10n.t('Application (client) ID of the service principal'))}`
        : nothing
    }
    ${f.authKind === 'sp-secret' ? html`<p class="explanation">${l10n.t('The pipeline declares {0} as a SecureString parameter with no default: give it when you run the pipeline (Run now asks for it in a password box), or pass it from a calling pipeline. ADF masks SecureString values in run history.', 'client_secret')}</p>` : nothing}
    ${
      identity.status === 'notNeeded'
        ? nothing
        : html`
      <section class="grant" aria-labelledby="identity-title">
        <h3 id="identity-title">${l10n.t("Enable the factory's managed identity")}</h3>
        <p>${l10n.t('Data Factory {0} has no system-assigned managed identity. Azure can add one to this factory; its pipelines are not changed.', identity.factoryName ?? '')}</p>
        <div class="row">${button(identity.status === 'enabling' ? l10n.t('Enabling...') : l10n.t('Enable managed identity...'), () => send('enableIdentity', {}), { disabled: identity.status === 'enabling', id: 'enable-identity' })}</div>
      </section>`
    }
    ${
      grant.status === 'offer' || grant.status === 'failed' || grant.status === 'granting'
        ? html`
      <section class="grant" aria-labelledby="grant-title">
        <h3 id="grant-title">${l10n.t('Grant access to the workspace')}</h3>
        <p>${l10n.t('{0} (principal {1}) cannot run jobs on the workspace yet.', grant.who ?? '', grant.principalId ?? '')}</p>
        <p>${l10n.t('Role:')} <strong>${grant.roleName}</strong><br>${l10n.t('Scope:')} <span class="mono">${grant.scope}</span></p>
        <div class="row">${button(grant.status === 'granting' ? l10n.t('Granting...') : l10n.t('Grant {0}...', grant.roleName ?? ''), () => send('grantRole', {}), { disabled: grant.status === 'granting', id: 'grant-role' })}
          ${grant.status === 'granting' ? button(l10n.t('Cancel'), () => send('cancelOperation', {}), { secondary: true, id: 'cancel-grant' }) : nothing}</div>
      </section>`
        : nothing
    }
    ${grant.status === 'granted' ? html`<p class="success" role="status">${l10n.t('{0} was granted on the workspace.', grant.roleName)}</p>` : nothing}
    ${checkList(state.checks.auth)}
    <div class="row">${button(l10n.t('Check again'), () => send('reload', { what: 'checks' }), { secondary: true })}</div>`;
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
      ${textField(bind, 'pipelineName', l10n.t('Pipeline name'))}
      ${textField(bind, 'folder', l10n.t('Folder in ADF Studio'), { help: l10n.t('Use / to nest folders.') })}
    </div>
    ${textField(bind, 'description', l10n.t('Description (optional)'), { wide: true })}
    ${
      review === undefined
        ? html`<p role="status">${l10n.t('Generating...')}</p>`
        : html`
      <p>${l10n.t('Goes to:')} <strong>${review.destination}</strong>${review.exists ? html` <span class="warning-text">${state.form.targetKind === 'factory' ? l10n.t('(replaces the existing pipeline)') : l10n.t('(replaces the existing file)')}</span>` : nothing}</p>
      ${review.optionProblems.length > 0 ? html`<ul class="checks">${review.optionProblems.map((p) => html`<li class="check fail"><span class="check-status">${l10n.t('Problem')}</span><span class="check-body">${p}</span></li>`)}</ul>` : nothing}
      <section aria-labelledby="validation-title">
        <h3 id="validation-title">${l10n.t('Validation')}</h3>
        <p class=${review.errors > 0 ? 'problem' : 'success'} data-validation=${`${review.errors}/${review.warnings}`}>
          ${review.errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', review.errors)}, ${review.warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', review.warnings)}${review.errors > 0 ? l10n.t(': publishing needs none.') : '.'}
        </p>
        ${review.problems.length > 0 ? html`<ul class="problems">${review.problems.map((p) => html`<li class=${p.severity}>${p.line}:${p.column} ${p.severity} ${p.code}: ${p.message}</li>`)}</ul>` : nothing}
      </section>
      <section aria-labelledby="diagram-title">
        <h3 id="diagram-title">${l10n.t('Activities')}</h3>
        ${diagram(review.diagram)}
      </section>
      ${review.diff ? html`<section>${diffBlock(review.diff)}<div class="row">${button(l10n.t('Open in diff editor'), () => send('openDiff', {}), { secondary: true })}</div></section>` : nothing}
      <details class="json">
        <summary>${l10n.t('Generated JSON ({0} lines)', review.json.split('\n').length)}</summary>
        ${jsonView(review.json, l10n.t('Generated JSON'))}
      </details>`
    }`;
}
