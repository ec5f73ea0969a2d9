// The checks each step shows, computed from the form and the facts read from Azure so far.
import * as l10n from '@vscode/l10n';
import type {
  CredentialFacts,
  DatastoreFacts,
  LinkedServiceFacts,
  PreflightCheck,
  RoleAssignmentFacts,
} from '../core/preflight';
import {
  checkEndpoint,
  checkFactoryIdentity,
  checkGitMode,
  checkKeyVaultSecret,
  checkUserAssignedCredential,
  checkWorkspaceRole,
  describeGitMode,
  describeRepository,
  explainSecureStringParameter,
  fail,
  info,
  inputTypeHint,
  pass,
  secretNameProblem,
  warn,
} from '../core/preflight';
import type { DeploymentFacts, FactoryInfo } from '../core/publish';
import type { CheckView, WizardForm } from './protocol';
import type { WizardEndpoint } from './endpoint';
import { inputUriOf } from './form';

export interface WizardFacts {
  deployments?: DeploymentFacts[];
  factories?: FactoryInfo[];
  /** Linked services and credentials of the chosen factory. */
  factoryFacts?: { factoryId: string; linkedServices: LinkedServiceFacts[]; credentials: CredentialFacts[] };
  datastores?: DatastoreFacts[];
  /** Role assignments of the identity in use, read for this principal. */
  access?: { principalId: string; assignments: RoleAssignmentFacts[] };
  /** The repository folder holds pipeline/ or factory/. */
  repositoryLooksRight?: boolean;
}

export function chosenFactory(form: WizardForm, facts: WizardFacts): FactoryInfo | undefined {
  return form.targetKind === 'factory'
    ? facts.factories?.find((f) => f.id.toLowerCase() === form.factoryId.toLowerCase())
    : undefined;
}

/** The identity whose role on the workspace matters, when the wizard can know it. */
export function principalInUse(form: WizardForm, facts: WizardFacts): { principalId: string; who: string } | undefined {
  const factory = chosenFactory(form, facts);
  if (!factory) return undefined;
  if (form.authKind === 'mi' && factory.identityPrincipalId)
    return {
      principalId: factory.identityPrincipalId,
      who: l10n.t('The managed identity of Data Factory {0}', factory.name),
    };
  if (form.authKind === 'uami' && facts.factoryFacts?.factoryId === factory.id) {
    const credential = facts.factoryFacts.credentials.find(
      (c) => c.name.toLowerCase() === form.credentialName.trim().toLowerCase(),
    );
    if (credential?.principalId)
      return { principalId: credential.principalId, who: l10n.t('The identity of credential {0}', credential.name) };
  }
  return undefined;
}

export function endpointChecks(endpoint: WizardEndpoint, facts: WizardFacts, form: WizardForm): PreflightCheck[] {
  if (!facts.deployments)
    return [info('endpoint.loading', l10n.t('Deployments'), l10n.t('Reading the deployments of the endpoint...'))];
  return checkEndpoint({ ...endpoint, deployments: facts.deployments }, form.deployment);
}

export function targetChecks(form: WizardForm, facts: WizardFacts): PreflightCheck[] {
  switch (form.targetKind) {
    case 'factory': {
      if (!form.factoryId) return [];
      if (!facts.factories)
        return [
          info('target.loading', l10n.t('Data Factory'), l10n.t('Reading the data factories of the subscription...')),
        ];
      const factory = chosenFactory(form, facts);
      if (!factory)
        return [
          fail(
            'target.factory',
            l10n.t('Data Factory'),
            l10n.t('The chosen Data Factory no longer exists in the subscription (deleted or moved).'),
            l10n.t('Pick another factory; the list was reloaded.'),
          ),
        ];
      return [
        pass(
          'target.factory',
          l10n.t('Data Factory'),
          l10n.t(
            '{0} in resource group {1} ({2}); identity: {3}.',
            factory.name,
            factory.resourceGroup,
            factory.location,
            factory.identityPrincipalId ? l10n.t('system-assigned') : l10n.t('none'),
          ),
        ),
        checkGitMode(factory.name, factory.repoConfiguration),
      ];
    }
    case 'repository':
      if (!form.repositoryFolder) return [];
      return [
        facts.repositoryLooksRight === false
          ? warn(
              'target.repository',
              l10n.t('Repository folder'),
              l10n.t(
                '{0} holds no pipeline/ or factory/ folder: is it the root folder of your ADF git integration?',
                form.repositoryFolder,
              ),
              l10n.t('Pick the folder set as "root folder" in the factory\'s git configuration.'),
            )
          : info(
              'target.repository',
              l10n.t('Repository folder'),
              l10n.t(
                'Writes pipeline/{0}.json in {1}; commit it and publish from ADF Studio.',
                form.pipelineName,
                form.repositoryFolder,
              ),
            ),
      ];
    case 'export':
      return form.exportFolder
        ? [
            info(
              'target.export',
              l10n.t('Files'),
              l10n.t('Writes {0} into {1}.', form.exportFormats.map(exportLabel).join(', '), form.exportFolder),
            ),
          ]
        : [];
  }
}

function exportLabel(format: string): string {
  return format === 'git'
    ? l10n.t('the git JSON')
    : format === 'arm'
      ? l10n.t('an ARM template')
      : l10n.t('a template zip for ADF Studio');
}

export function authChecks(form: WizardForm, facts: WizardFacts, endpoint: WizardEndpoint): PreflightCheck[] {
  const factory = chosenFactory(form, facts);
  const workspace = { id: endpoint.workspace.id, name: endpoint.workspace.name };
  const checks: PreflightCheck[] = [];
  const roleCheck = (): void => {
    const principal = principalInUse(form, facts);
    if (!principal) return;
    if (facts.access?.principalId !== principal.principalId)
      checks.push(
        info('auth.workspaceRole', l10n.t('Access to the workspace'), l10n.t('Reading the role assignments...')),
      );
    else checks.push(checkWorkspaceRole(principal.who, principal.principalId, facts.access.assignments, workspace));
  };
  const elsewhere = (what: string): PreflightCheck =>
    info(
      'auth.elsewhere',
      l10n.t('Checked when published'),
      form.targetKind === 'repository'
        ? l10n.t('The factory is not known yet (saved to a repository): {0}', what)
        : l10n.t('The factory is not known yet (exported files): {0}', what),
    );
  const factoryFactsLoaded = factory !== undefined && facts.factoryFacts?.factoryId === factory.id;
  switch (form.authKind) {
    case 'mi':
      if (form.targetKind !== 'factory')
        checks.push(
          elsewhere(
            l10n.t(
              'the factory that runs it needs a system-assigned identity with AzureML Data Scientist on workspace {0}.',
              workspace.name,
            ),
          ),
        );
      else if (factory) {
        checks.push(checkFactoryIdentity(factory));
        roleCheck();
      }
      break;
    case 'uami':
      if (form.targetKind !== 'factory' || !factory)
        checks.push(
          elsewhere(
            l10n.t(
              'the factory needs an ADF credential named {0} whose identity has AzureML Data Scientist on workspace {1}.',
              form.credentialName || l10n.t('<credential>'),
              workspace.name,
            ),
          ),
        );
      else if (!factoryFactsLoaded)
        checks.push(info('auth.credential', l10n.t('ADF credential'), l10n.t("Reading the factory's credentials...")));
      else {
        const check = checkUserAssignedCredential(form.credentialName, facts.factoryFacts!.credentials, factory.name);
        checks.push(check);
        if (check.status === 'pass') roleCheck();
      }
      break;
    case 'sp-keyvault':
      if (form.targetKind === 'factory' && factory && factoryFactsLoaded)
        checks.push(
          ...checkKeyVaultSecret(
            form.keyVaultLinkedService,
            form.secretName,
            facts.factoryFacts!.linkedServices,
            factory.name,
          ),
        );
      else if (form.targetKind === 'factory' && factory)
        checks.push(
          info('auth.keyVault', l10n.t('Key Vault linked service'), l10n.t("Reading the factory's linked services...")),
        );
      else {
        const problem = secretNameProblem(form.secretName);
        if (problem)
          checks.push(
            fail(
              'auth.secretName',
              l10n.t('Secret name'),
              problem,
              l10n.t('Enter the name of the secret in the vault.'),
            ),
          );
        checks.push(
          elsewhere(
            l10n.t(
              'the factory needs an Azure Key Vault linked service named {0}, and its identity "get" permission on the vault\'s secrets.',
              form.keyVaultLinkedService || l10n.t('<linked service>'),
            ),
          ),
        );
      }
      checks.push(servicePrincipalRole(workspace.name));
      break;
    case 'sp-secret':
      checks.push(explainSecureStringParameter(), servicePrincipalRole(workspace.name));
      break;
  }
  return checks;
}

function servicePrincipalRole(workspaceName: string): PreflightCheck {
  return info(
    'auth.servicePrincipalRole',
    l10n.t('Access to the workspace'),
    l10n.t(
      "The service principal needs AzureML Data Scientist (or Contributor) on workspace {0}. The wizard cannot check it: that needs the principal's object id from Microsoft Graph.",
      workspaceName,
    ),
  );
}

export function dataChecks(form: WizardForm): PreflightCheck[] {
  const checks: PreflightCheck[] = [];
  const hint = inputTypeHint(inputUriOf(form) || form.inputPath, form.inputType);
  if (hint) checks.push(warn('data.inputType', l10n.t('Input type'), hint));
  checks.push(
    form.outputMode === 'perRun'
      ? pass(
          'data.output',
          l10n.t('Output'),
          l10n.t(
            'Each run writes its own file (named by the run id), so reruns never fail with "the path already exists".',
          ),
        )
      : warn(
          'data.output',
          l10n.t('Output'),
          l10n.t(
            'A fixed output file makes every rerun fail with "the path already exists" once the first run wrote it.',
          ),
          l10n.t('Prefer a per-run output path, or change the output_uri parameter on every run.'),
        ),
  );
  return checks;
}

export function toCheckViews(checks: readonly PreflightCheck[]): CheckView[] {
  return checks.map((c) => ({
    id: c.id,
    status: c.status,
    title: c.title,
    message: c.message,
    ...(c.action ? { action: c.action } : {}),
    blocking: c.blocking,
  }));
}

export function factoryIdentityText(factory: FactoryInfo): string {
  return factory.identityPrincipalId
    ? l10n.t('system-assigned (principal {0})', factory.identityPrincipalId)
    : l10n.t('none');
}

export { describeGitMode, describeRepository };
