// Typed reads of the extension's settings (see `contributes.configuration` in package.json).
import * as vscode from 'vscode';
import { resolveCloud, type CloudDefinition, type CustomCloudSettings } from './core/azure';

export const SETTINGS_SECTION = 'adfBatchEndpoints';

export type SignInMethod = 'vscode' | 'azureCli' | 'servicePrincipal';

export const SIGN_IN_METHODS: readonly SignInMethod[] = ['vscode', 'azureCli', 'servicePrincipal'];

export interface ServicePrincipalSettings {
  tenantId: string;
  clientId: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

/** Settings whose change means a new sign-in session. */
export const SESSION_SETTINGS = ['cloud', 'customCloud', 'signInMethod', 'servicePrincipal'].map(
  (s) => `${SETTINGS_SECTION}.${s}`,
);
/** Settings whose change means a new loader (and a reload of the tree). */
export const LOADER_SETTINGS = ['pageSize', 'concurrency'].map((s) => `${SETTINGS_SECTION}.${s}`);

/**
 * Settings that decide where credentials and tokens go. A cloned repository must not set them: package.json gives
 * them `"scope": "application"` (user settings only) and lists them in `restrictedConfigurations`, and they are read
 * here from the user's settings alone, so a workspace or folder value is never used, even by a VS Code that would.
 */
export const CREDENTIAL_SETTINGS = ['cloud', 'customCloud', 'signInMethod', 'servicePrincipal'] as const;
type CredentialSetting = (typeof CREDENTIAL_SETTINGS)[number];

/** Full names of the credential settings a workspace tried to set, each warned about once per session. */
const warnedWorkspaceSettings = new Set<string>();
/** The warnings shown about them, in order (the extension API gives them to tests). */
const shownWarnings: string[] = [];

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION);
}

/** The user's (or the default) value of a credential setting; a workspace or folder value is ignored, with a warning. */
function userValue<T>(key: CredentialSetting): T | undefined {
  const inspected = config().inspect<T>(key);
  if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined)
    warnIgnoredWorkspaceValue(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

function warnIgnoredWorkspaceValue(key: CredentialSetting): void {
  warnIgnoredWorkspaceSetting(`${SETTINGS_SECTION}.${key}`);
}

/** Warns once per session that a workspace's value of credential setting `name` (full name) is ignored. */
export function warnIgnoredWorkspaceSetting(name: string): void {
  if (warnedWorkspaceSettings.has(name)) return;
  warnedWorkspaceSettings.add(name);
  const message = vscode.l10n.t(
    "This workspace's settings set {0}, which decides where your Azure credentials and tokens are sent. A workspace cannot choose that: the value is ignored and your user settings are used. Remove it from the workspace's .vscode/settings.json (or .code-workspace file), and set it in your user settings if you meant it.",
    name,
  );
  shownWarnings.push(message);
  void vscode.window.showWarningMessage(message);
}

/** Every warning shown this session about an ignored workspace value of a credential setting. */
export function ignoredWorkspaceSettingWarnings(): string[] {
  return [...shownWarnings];
}

/** The credential settings a workspace tried to set and that were ignored (and warned about) this session. */
export function ignoredWorkspaceSettings(): string[] {
  return [...warnedWorkspaceSettings];
}

export function readCloudName(): string {
  return userValue<string>('cloud') ?? 'AzureCloud';
}

/** The raw `customCloud` setting, from user settings only. */
export function readCustomCloudSettings(): Partial<CustomCloudSettings> | undefined {
  return userValue<Partial<CustomCloudSettings>>('customCloud');
}

/** The configured cloud; throws a CloudConfigurationError naming the setting to fix. */
export function readCloud(): CloudDefinition {
  return resolveCloud(readCloudName(), userValue<Partial<CustomCloudSettings>>('customCloud'));
}

export function readSignInMethod(): SignInMethod {
  const value = userValue<string>('signInMethod');
  return SIGN_IN_METHODS.includes(value as SignInMethod) ? (value as SignInMethod) : 'vscode';
}

export function readServicePrincipal(): ServicePrincipalSettings {
  const value = userValue<Partial<ServicePrincipalSettings>>('servicePrincipal') ?? {};
  return { tenantId: (value.tenantId ?? '').trim(), clientId: (value.clientId ?? '').trim() };
}

export function readPageSize(): number {
  return clampInteger(config().get<number>('pageSize'), 1, 1000, DEFAULT_PAGE_SIZE);
}

/** How long one Azure request may go unanswered before it is retried (then reported), in milliseconds. */
export function readRequestTimeoutMs(): number {
  return clampInteger(config().get<number>('requestTimeoutSeconds'), 1, 600, DEFAULT_REQUEST_TIMEOUT_SECONDS) * 1000;
}

export function readConcurrency(): number {
  return clampInteger(config().get<number>('concurrency'), 1, 32, DEFAULT_CONCURRENCY);
}

/** `azureResourceGroups.selectedSubscriptions` of the Azure Resources extension ("tenantId/subscriptionId"). */
export function readAzureResourcesSelection(): string[] | undefined {
  const value = vscode.workspace.getConfiguration('azureResourceGroups').get<unknown>('selectedSubscriptions');
  return Array.isArray(value) && value.length > 0 ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

export async function writeSignInMethod(method: SignInMethod): Promise<void> {
  await config().update('signInMethod', method, vscode.ConfigurationTarget.Global);
}

export async function writeServicePrincipal(value: ServicePrincipalSettings): Promise<void> {
  await config().update('servicePrincipal', value, vscode.ConfigurationTarget.Global);
}

function clampInteger(value: number | undefined, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}
