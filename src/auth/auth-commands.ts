// Sign-in commands: the three sign-in methods (from the welcome view or "Sign In to Azure..."), the
// service principal's secret, another tenant, and the subscription filter.
import * as vscode from 'vscode';
import { selectionEntry, filterSubscriptions, sovereignSettingMatches, vsCodeAccountSupport } from '../core/azure';
import {
  readCloud,
  readServicePrincipal,
  writeServicePrincipal,
  writeSignInMethod,
  type SignInMethod,
} from '../settings';
import type { AzureAccess, SignInState } from '../azure/access';
import type { AzureSession } from '../azure/sessions/session';
import { registerCommand } from '../commands/register-command';
import { whenTrusted } from '../workspace-trust';
import { askToChangeSovereignSetting, confirmCustomCloudSignIn } from './sign-in-confirmations';
import type { SubscriptionSelection } from './subscription-selection';

export const AUTH_COMMANDS = {
  signIn: 'adfBatchEndpoints.signIn',
  signInWithVsCode: 'adfBatchEndpoints.signInWithVsCode',
  signInWithAzureCli: 'adfBatchEndpoints.signInWithAzureCli',
  signInWithServicePrincipal: 'adfBatchEndpoints.signInWithServicePrincipal',
  setServicePrincipalSecret: 'adfBatchEndpoints.setServicePrincipalSecret',
  signInToTenant: 'adfBatchEndpoints.signInToTenant',
  selectSubscriptions: 'adfBatchEndpoints.selectSubscriptions',
} as const;

export interface AuthCommandDeps {
  access: AzureAccess;
  selection: SubscriptionSelection;
  /** Redraws the tree after the selection changed. */
  refreshTree(): void;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i;

export function registerAuthCommands(deps: AuthCommandDeps): vscode.Disposable[] {
  const register = <A extends unknown[]>(id: string, run: (...args: A) => Promise<unknown>): vscode.Disposable =>
    registerCommand(id, whenTrusted(vscode.l10n.t('Signing in to Azure'), run));
  return [
    register(AUTH_COMMANDS.signIn, () => chooseSignInMethod()),
    register(AUTH_COMMANDS.signInWithVsCode, () => signInWithVsCode(deps)),
    register(AUTH_COMMANDS.signInWithAzureCli, () => signInWithAzureCli(deps)),
    register(AUTH_COMMANDS.signInWithServicePrincipal, () => signInWithServicePrincipal(deps)),
    register(AUTH_COMMANDS.setServicePrincipalSecret, () => setServicePrincipalSecret(deps)),
    register(AUTH_COMMANDS.signInToTenant, (tenantId?: string) =>
      signInToAnotherTenant(deps, typeof tenantId === 'string' ? tenantId : undefined),
    ),
    register(AUTH_COMMANDS.selectSubscriptions, () => selectSubscriptions(deps)),
  ];
}

async function chooseSignInMethod(): Promise<void> {
  const choices: Array<vscode.QuickPickItem & { command: string; method: SignInMethod }> = [
    {
      label: `$(account) ${vscode.l10n.t('Microsoft account in VS Code')}`,
      detail: vscode.l10n.t('Recommended. Several tenants; Azure China and US Government too.'),
      command: AUTH_COMMANDS.signInWithVsCode,
      method: 'vscode',
    },
    {
      label: `$(terminal) ${vscode.l10n.t('Azure CLI login')}`,
      detail: vscode.l10n.t('Use the account of "az login".'),
      command: AUTH_COMMANDS.signInWithAzureCli,
      method: 'azureCli',
    },
    {
      label: `$(key) ${vscode.l10n.t('Service principal')}`,
      detail: vscode.l10n.t("Client id and tenant in settings, the secret kept in VS Code's secret storage."),
      command: AUTH_COMMANDS.signInWithServicePrincipal,
      method: 'servicePrincipal',
    },
  ];
  const pick = await vscode.window.showQuickPick(choices, {
    title: vscode.l10n.t('Sign in to Azure'),
    placeHolder: vscode.l10n.t('How do you want to sign in?'),
  });
  if (pick) await vscode.commands.executeCommand(pick.command);
}

async function useMethod(deps: AuthCommandDeps, method: SignInMethod): Promise<void> {
  await writeSignInMethod(method);
  deps.access.reset();
}

/** What a sign-in command ended with (for the callers' tests): the state and the message it showed, if any. */
export interface SignInOutcome {
  state: SignInState;
  message?: string;
}

async function signInWithVsCode(deps: AuthCommandDeps): Promise<SignInOutcome | undefined> {
  let cloud;
  try {
    cloud = readCloud();
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
  const support = vsCodeAccountSupport(cloud);
  if (support.provider === undefined) return failed(support.reason);
  const sovereign = vscode.workspace.getConfiguration('microsoft-sovereign-cloud');
  const current = sovereign.get<string>('environment');
  if (!sovereignSettingMatches(support, current)) {
    const cloudName = cloud.name === 'Custom' ? vscode.l10n.t('the custom cloud ({0})', cloud.armAudience) : cloud.name;
    const choice = await askToChangeSovereignSetting(cloudName, support.environment, current);
    if (choice === 'cancel') return undefined;
    if (choice === 'onlyThisExtension') {
      const other = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('Use the Azure CLI login'), command: AUTH_COMMANDS.signInWithAzureCli },
          { label: vscode.l10n.t('Use a service principal'), command: AUTH_COMMANDS.signInWithServicePrincipal },
        ],
        { title: vscode.l10n.t('Sign in to {0} for this extension only', cloudName) },
      );
      if (other) await vscode.commands.executeCommand(other.command);
      return undefined;
    }
    await sovereign.update('environment', support.environment, vscode.ConfigurationTarget.Global);
  }
  if (!(await confirmCustomCloudSignIn(vscode.l10n.t('your Microsoft account')))) return undefined;
  await useMethod(deps, 'vscode');
  // A cancelled prompt ends signed out: the view keeps its welcome content, no error.
  const status = await deps.access.signIn();
  if (status.state === 'error') return failed(vscode.l10n.t('Sign-in failed: {0}', status.error ?? ''));
  return { state: status.state };
}

async function signInWithAzureCli(deps: AuthCommandDeps): Promise<SignInOutcome | undefined> {
  if (!(await confirmCustomCloudSignIn(vscode.l10n.t('your Azure CLI login')))) return undefined;
  await useMethod(deps, 'azureCli');
  const status = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the Azure CLI login...') },
    () => deps.access.signIn(),
  );
  if (status.state === 'signedIn') return { state: status.state };
  const message = vscode.l10n.t(
    'The Azure CLI is not signed in (or not installed). Run "az login" in a terminal, then refresh the view.',
  );
  void vscode.window.showWarningMessage(message, vscode.l10n.t('Open Terminal')).then((open) => {
    if (open) runInTerminal('az login');
  });
  return { state: status.state, message };
}

async function signInWithServicePrincipal(deps: AuthCommandDeps): Promise<void> {
  const current = readServicePrincipal();
  const tenantId = await vscode.window.showInputBox({
    title: vscode.l10n.t('Service principal (1/3): tenant'),
    prompt: vscode.l10n.t('Tenant ID or domain of the service principal'),
    value: current.tenantId,
    ignoreFocusOut: true,
    validateInput: (v) =>
      TENANT.test(v.trim())
        ? undefined
        : vscode.l10n.t('Enter a tenant ID (GUID) or a domain like contoso.onmicrosoft.com.'),
  });
  if (tenantId === undefined) return;
  const clientId = await vscode.window.showInputBox({
    title: vscode.l10n.t('Service principal (2/3): client id'),
    prompt: vscode.l10n.t('Application (client) ID'),
    value: current.clientId,
    ignoreFocusOut: true,
    validateInput: (v) =>
      GUID.test(v.trim()) ? undefined : vscode.l10n.t('Enter the application (client) ID, a GUID.'),
  });
  if (clientId === undefined) return;
  const principal = { tenantId: tenantId.trim(), clientId: clientId.trim() };
  const stored = await deps.access.secrets.get(principal.clientId);
  const secret = await vscode.window.showInputBox({
    title: vscode.l10n.t('Service principal (3/3): secret'),
    prompt: stored
      ? vscode.l10n.t("Client secret (leave empty to keep the stored one). Kept in VS Code's secret storage only.")
      : vscode.l10n.t("Client secret. Kept in VS Code's secret storage only."),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v || stored ? undefined : vscode.l10n.t('Enter the client secret.')),
  });
  if (secret === undefined) return;
  if (!(await confirmCustomCloudSignIn(vscode.l10n.t('service principal {0} and its secret', principal.clientId))))
    return;
  await writeServicePrincipal(principal);
  if (secret) await deps.access.secrets.store(principal.clientId, secret);
  await useMethod(deps, 'servicePrincipal');
  await deps.access.signIn();
}

async function setServicePrincipalSecret(deps: AuthCommandDeps): Promise<void> {
  const { clientId } = readServicePrincipal();
  if (!clientId) {
    await vscode.commands.executeCommand(AUTH_COMMANDS.signInWithServicePrincipal);
    return;
  }
  const secret = await vscode.window.showInputBox({
    title: vscode.l10n.t('Secret of service principal {0}', clientId),
    prompt: vscode.l10n.t("Kept in VS Code's secret storage only."),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v ? undefined : vscode.l10n.t('Enter the client secret.')),
  });
  if (!secret) return;
  await deps.access.secrets.store(clientId, secret);
  deps.access.reset();
}

/** Shows the error (not awaited: a notification stays until dismissed) and returns it as the outcome. */
function failed(message: string): SignInOutcome {
  void vscode.window.showErrorMessage(message);
  return { state: 'error', message };
}

/** From the view's menu (pick a tenant) or a "Sign in to tenant X" row (`tenantId` given). */
async function signInToAnotherTenant(deps: AuthCommandDeps, givenTenantId?: string): Promise<void> {
  const { session, state } = await deps.access.current();
  if (!session || state !== 'signedIn') {
    await vscode.commands.executeCommand(AUTH_COMMANDS.signIn);
    return;
  }
  if (session.method === 'servicePrincipal') {
    const open = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'A service principal signs in to the tenant in adfBatchEndpoints.servicePrincipal. Change it there, or sign in with a Microsoft account.',
      ),
      vscode.l10n.t('Open Settings'),
    );
    if (open)
      await vscode.commands.executeCommand('workbench.action.openSettings', 'adfBatchEndpoints.servicePrincipal');
    return;
  }
  const tenantId = givenTenantId ?? (await pickTenant(session));
  if (!tenantId) return;
  if (await session.signInToTenant(tenantId)) {
    deps.access.refreshSubscriptions();
    deps.refreshTree();
    return;
  }
  // A Microsoft account's cancelled prompt: nothing changed, nothing to say.
  if (session.method === 'azureCli') {
    const open = await vscode.window.showInformationMessage(
      vscode.l10n.t('Sign the Azure CLI in to this tenant: {0}', `az login --tenant ${tenantId}`),
      vscode.l10n.t('Open Terminal'),
    );
    if (open) runInTerminal(`az login --tenant ${tenantId}`);
  }
}

async function pickTenant(session: AzureSession): Promise<string | undefined> {
  const tenants = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing tenants...') },
    () => session.getTenants(),
  );
  const other = `$(edit) ${vscode.l10n.t('Enter a tenant ID...')}`;
  const items: vscode.QuickPickItem[] = [
    ...tenants.filter((t) => !t.signedIn).map((t) => ({ label: t.displayName ?? t.tenantId, description: t.tenantId })),
    { label: other, alwaysShow: true },
  ];
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Sign in to another tenant'),
    placeHolder: vscode.l10n.t('Tenants of your account without a session yet'),
  });
  if (!pick) return undefined;
  return pick.label === other
    ? (
        await vscode.window.showInputBox({
          prompt: vscode.l10n.t('Tenant ID or domain'),
          validateInput: (v) => (TENANT.test(v.trim()) ? undefined : vscode.l10n.t('Enter a tenant ID or domain.')),
        })
      )?.trim()
    : pick.description;
}

async function selectSubscriptions(deps: AuthCommandDeps): Promise<void> {
  const { state } = await deps.access.current();
  if (state !== 'signedIn') {
    await vscode.commands.executeCommand(AUTH_COMMANDS.signIn);
    return;
  }
  const all = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Listing subscriptions...') },
    () => deps.access.getSubscriptions(),
  );
  const shown = new Set(filterSubscriptions(all, deps.selection.current()).map(selectionEntry));
  const items = all.map((s) => ({
    label: s.name,
    description: s.subscriptionId,
    picked: shown.has(selectionEntry(s)),
    entry: selectionEntry(s),
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select Subscriptions'),
    canPickMany: true,
    placeHolder: vscode.l10n.t('Subscriptions to show in the Batch Endpoints view'),
  });
  if (!picked) return;
  await deps.selection.set(picked.map((p) => p.entry));
  deps.refreshTree();
}

function runInTerminal(command: string): void {
  const terminal = vscode.window.createTerminal(vscode.l10n.t('Azure CLI sign-in'));
  terminal.show();
  terminal.sendText(command);
}
