// Typed reads of the extension's settings (see `contributes.configuration` in package.json).
import * as vscode from 'vscode';
import { resolveCloud, type CloudDefinition, type CustomCloudSettings } from './core/azure/cloud';

export const SETTINGS_SECTION = 'adfBatchEndpoints';

export type SignInMethod = 'vscode' | 'azureCli' | 'servicePrincipal';

export const SIGN_IN_METHODS: readonly SignInMethod[] = ['vscode', 'azureCli', 'servicePrincipal'];

export interface ServicePrincipalSettings {
  tenantId: string;
  clientId: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const DEFAULT_CONCURRENCY = 4;

/** Settings whose change means a new sign-in session. */
export const SESSION_SETTINGS = ['cloud', 'customCloud', 'signInMethod', 'servicePrincipal'].map((s) => `${SETTINGS_SECTION}.${s}`);
/** Settings whose change means a new loader (and a reload of the tree). */
export const LOADER_SETTINGS = ['pageSize', 'concurrency'].map((s) => `${SETTINGS_SECTION}.${s}`);

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION);
}

export function readCloudName(): string {
  return config().get<string>('cloud') ?? 'AzureCloud';
}

/** The configured cloud; throws a CloudConfigurationError naming the setting to fix. */
export function readCloud(): CloudDefinition {
  return resolveCloud(readCloudName(), config().get<Partial<CustomCloudSettings>>('customCloud'));
}

export function readSignInMethod(): SignInMethod {
  const value = config().get<string>('signInMethod');
  return SIGN_IN_METHODS.includes(value as SignInMethod) ? value as SignInMethod : 'vscode';
}

export function readServicePrincipal(): ServicePrincipalSettings {
  const value = config().get<Partial<ServicePrincipalSettings>>('servicePrincipal') ?? {};
  return { tenantId: (value.tenantId ?? '').trim(), clientId: (value.clientId ?? '').trim() };
}

export function readPageSize(): number {
  return clampInteger(config().get<number>('pageSize'), 1, 1000, DEFAULT_PAGE_SIZE);
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
