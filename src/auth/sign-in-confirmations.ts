// Questions asked before a sign-in does something the user may not expect: changing another extension's
// setting (microsoft-sovereign-cloud.environment), or sending credentials to a custom cloud's hosts.
import * as vscode from 'vscode';
import { CloudConfigurationError } from '../core/clouds';
import { readCloud } from '../settings';

const SOVEREIGN_SETTING = 'microsoft-sovereign-cloud.environment';

export type SovereignChoice = 'changeForAll' | 'onlyThisExtension' | 'cancel';

/**
 * Asks before changing microsoft-sovereign-cloud.environment: it is VS Code's setting, shared by every extension
 * that signs in with a Microsoft account in a sovereign cloud. The alternative affects this extension alone.
 */
export async function askToChangeSovereignSetting(
  cloudName: string,
  wanted: string | undefined,
  current: string | undefined,
): Promise<SovereignChoice> {
  const changeForAll = vscode.l10n.t('Change It for All Extensions');
  const onlyThis = vscode.l10n.t('Only for This Extension...');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Signing in to {0} with a Microsoft account needs the setting {1} set to {2} (it is {3}).',
      cloudName,
      SOVEREIGN_SETTING,
      wanted ?? vscode.l10n.t('nothing (the public cloud)'),
      current ? current : vscode.l10n.t('not set'),
    ),
    {
      modal: true,
      detail: vscode.l10n.t(
        '{0} belongs to VS Code, not to this extension: changing it switches the cloud of every extension that signs in with a Microsoft account, such as Azure Resources, Azure Functions, Azure Storage and Azure Machine Learning. "Only for this extension" leaves it alone and signs this extension in with the Azure CLI or a service principal instead.',
        SOVEREIGN_SETTING,
      ),
    },
    changeForAll,
    onlyThis,
  );
  return answer === changeForAll ? 'changeForAll' : answer === onlyThis ? 'onlyThisExtension' : 'cancel';
}

/**
 * For a custom cloud: shows where the credentials go (authority host) and where tokens go (ARM endpoint) and asks
 * to go on. True for the known clouds without asking.
 */
export async function confirmCustomCloudSignIn(what: string): Promise<boolean> {
  let cloud;
  try {
    cloud = readCloud();
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof CloudConfigurationError ? error.message : String(error));
    return false;
  }
  if (cloud.name !== 'Custom') return true;
  const signIn = vscode.l10n.t('Sign In');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Sign in to the custom cloud with {0}?', what),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Authority host (sign-in, where credentials are sent): {0}\nARM endpoint (where your tokens are sent): {1}\nBoth come from adfBatchEndpoints.customCloud in your user settings. Sign in only if you know these hosts.',
        cloud.authorityHost,
        cloud.resourceManagerEndpoint,
      ),
    },
    signIn,
  );
  return answer === signIn;
}
