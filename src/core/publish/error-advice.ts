// Turns an ARM or sign-in failure into what the wizard shows: what happened, and what to do about it.
import * as l10n from '@vscode/l10n';
import { describeAzureError } from '../azure';
import { roleGrantCliCommand } from '../preflight';

export type WizardOperation =
  | 'loadEndpoint'
  | 'loadFactories'
  | 'loadFactory'
  | 'checkAccess'
  | 'grantRole'
  | 'createLinkedService'
  | 'enableIdentity'
  | 'review'
  | 'publish'
  | 'createRun'
  | 'monitorRun'
  | 'cancelRun'
  | 'loadDatastores';

export interface ErrorAdvice {
  title: string;
  /** The service's own message. */
  message: string;
  /** What to do. */
  action: string;
  statusCode?: number;
  code?: string;
  /** Retrying the same step may work (throttling, outages, a refreshed list). */
  retryable: boolean;
  /** Signing in again is the fix. */
  signIn: boolean;
}

export interface AdviceContext {
  operation: WizardOperation;
  factoryName?: string;
  workspaceId?: string;
  principalId?: string;
}

const SIGN_IN_ERRORS = new Set([
  'AuthenticationError',
  'AggregateAuthenticationError',
  'CredentialUnavailableError',
  'AuthenticationRequiredError',
]);

export function adviseAzureError(error: unknown, context: AdviceContext): ErrorAdvice {
  const info = describeAzureError(error);
  const name = typeof (error as { name?: unknown } | null)?.name === 'string' ? (error as { name: string }).name : '';
  const base = { message: info.message, statusCode: info.statusCode, code: info.code };
  const keep = (action: string): string => l10n.t('{0} Nothing you entered is lost.', action);
  if (
    info.statusCode === 401 ||
    SIGN_IN_ERRORS.has(name) ||
    /expired|AADSTS700082|AADSTS50173|interaction_required/i.test(info.message)
  ) {
    return {
      ...base,
      title: l10n.t('Your sign-in expired or was not accepted'),
      action: keep(l10n.t('Sign in again (ADF Batch Endpoints: Sign In to Azure...), then retry.')),
      retryable: true,
      signIn: true,
    };
  }
  if (info.statusCode === 403) {
    if (context.operation === 'grantRole') {
      const ask = l10n.t(
        'Ask an Owner or User Access Administrator of the workspace to grant "AzureML Data Scientist" to the identity, then check again.',
      );
      return {
        ...base,
        title: l10n.t('You are not allowed to assign roles on this workspace'),
        action:
          context.principalId && context.workspaceId
            ? l10n.t('{0} For example: {1}', ask, roleGrantCliCommand(context.principalId, context.workspaceId))
            : ask,
        retryable: false,
        signIn: false,
      };
    }
    return {
      ...base,
      title: l10n.t('Permission denied'),
      action: keep(
        l10n.t(
          'Your account lacks permission for this ({0}): ask for "Data Factory Contributor" on the factory, or sign in with another account.',
          describeOperation(context),
        ),
      ),
      retryable: false,
      signIn: false,
    };
  }
  if (info.statusCode === 404) {
    return {
      ...base,
      title: context.factoryName
        ? l10n.t('Data Factory {0} was not found', context.factoryName)
        : l10n.t('The resource was not found'),
      action: keep(
        l10n.t(
          'It may have been deleted or moved: the list of factories was reloaded, pick another target or refresh.',
        ),
      ),
      retryable: true,
      signIn: false,
    };
  }
  if (info.statusCode === 409) {
    return {
      ...base,
      title: l10n.t('Conflict'),
      action: keep(
        l10n.t('Someone changed the same thing at the same time: reload, review the difference and try again.'),
      ),
      retryable: true,
      signIn: false,
    };
  }
  if (info.statusCode === 429) {
    return {
      ...base,
      title: l10n.t('Azure is throttling requests'),
      action: keep(l10n.t('The requests were retried already: wait a minute, then retry.')),
      retryable: true,
      signIn: false,
    };
  }
  if (info.statusCode !== undefined && info.statusCode >= 500) {
    return {
      ...base,
      title: l10n.t('Azure had a problem answering'),
      action: keep(l10n.t('Retry in a moment.')),
      retryable: true,
      signIn: false,
    };
  }
  return {
    ...base,
    title: l10n.t('Could not {0}', describeOperation(context)),
    action: keep(info.hint ? info.hint : l10n.t('Check the message, then retry.')),
    retryable: true,
    signIn: false,
  };
}

function describeOperation(context: AdviceContext): string {
  switch (context.operation) {
    case 'loadEndpoint':
      return l10n.t('read the endpoint');
    case 'loadFactories':
      return l10n.t('list the data factories');
    case 'loadFactory':
      return l10n.t('read Data Factory {0}', context.factoryName ?? '').trim();
    case 'checkAccess':
      return l10n.t('read the role assignments');
    case 'grantRole':
      return l10n.t('grant the role');
    case 'createLinkedService':
      return l10n.t('create the linked service in Data Factory {0}', context.factoryName ?? '').trim();
    case 'enableIdentity':
      return l10n.t('enable the managed identity of Data Factory {0}', context.factoryName ?? '').trim();
    case 'review':
      return l10n.t('read the existing pipeline');
    case 'publish':
      return l10n.t('publish the pipeline');
    case 'createRun':
      return l10n.t('start the run');
    case 'monitorRun':
      return l10n.t('read the run');
    case 'cancelRun':
      return l10n.t('cancel the run');
    case 'loadDatastores':
      return l10n.t('list the datastores');
  }
}
