// Turns an ARM or sign-in failure into what the wizard shows: what happened, and what to do about it.
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
  const keep = ' Nothing you entered is lost.';
  if (
    info.statusCode === 401 ||
    SIGN_IN_ERRORS.has(name) ||
    /expired|AADSTS700082|AADSTS50173|interaction_required/i.test(info.message)
  ) {
    return {
      ...base,
      title: 'Your sign-in expired or was not accepted',
      action: `Sign in again (ADF Batch Endpoints: Sign In to Azure...), then retry.${keep}`,
      retryable: true,
      signIn: true,
    };
  }
  if (info.statusCode === 403) {
    if (context.operation === 'grantRole') {
      const command =
        context.principalId && context.workspaceId
          ? ` For example: ${roleGrantCliCommand(context.principalId, context.workspaceId)}`
          : '';
      return {
        ...base,
        title: 'You are not allowed to assign roles on this workspace',
        action: `Ask an Owner or User Access Administrator of the workspace to grant "AzureML Data Scientist" to the identity, then check again.${command}`,
        retryable: false,
        signIn: false,
      };
    }
    return {
      ...base,
      title: 'Permission denied',
      action: `Your account lacks permission for this (${describeOperation(context)}): ask for "Data Factory Contributor" on the factory, or sign in with another account.${keep}`,
      retryable: false,
      signIn: false,
    };
  }
  if (info.statusCode === 404) {
    const what = context.factoryName ? `Data Factory ${context.factoryName}` : 'The resource';
    return {
      ...base,
      title: `${what} was not found`,
      action: `It may have been deleted or moved: the list of factories was reloaded, pick another target or refresh.${keep}`,
      retryable: true,
      signIn: false,
    };
  }
  if (info.statusCode === 409) {
    return {
      ...base,
      title: 'Conflict',
      action: `Someone changed the same thing at the same time: reload, review the difference and try again.${keep}`,
      retryable: true,
      signIn: false,
    };
  }
  if (info.statusCode === 429) {
    return {
      ...base,
      title: 'Azure is throttling requests',
      action: `The requests were retried already: wait a minute, then retry.${keep}`,
      retryable: true,
      signIn: false,
    };
  }
  if (info.statusCode !== undefined && info.statusCode >= 500) {
    return {
      ...base,
      title: 'Azure had a problem answering',
      action: `Retry in a moment.${keep}`,
      retryable: true,
      signIn: false,
    };
  }
  return {
    ...base,
    title: `Could not ${describeOperation(context)}`,
    action: info.hint ? `${info.hint}${keep}` : `Check the message, then retry.${keep}`,
    retryable: true,
    signIn: false,
  };
}

function describeOperation(context: AdviceContext): string {
  switch (context.operation) {
    case 'loadEndpoint':
      return 'read the endpoint';
    case 'loadFactories':
      return 'list the data factories';
    case 'loadFactory':
      return `read Data Factory ${context.factoryName ?? ''}`.trim();
    case 'checkAccess':
      return 'read the role assignments';
    case 'grantRole':
      return 'grant the role';
    case 'createLinkedService':
      return `create the linked service in Data Factory ${context.factoryName ?? ''}`.trim();
    case 'enableIdentity':
      return `enable the managed identity of Data Factory ${context.factoryName ?? ''}`.trim();
    case 'review':
      return 'read the existing pipeline';
    case 'publish':
      return 'publish the pipeline';
    case 'createRun':
      return 'start the run';
    case 'monitorRun':
      return 'read the run';
    case 'cancelRun':
      return 'cancel the run';
    case 'loadDatastores':
      return 'list the datastores';
  }
}
