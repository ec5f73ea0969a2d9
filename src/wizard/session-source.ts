// The sign-in the wizard uses: a session built from the same settings and secret store as the sidebar's (through
// the sidebar's public backend functions), and the wizard's SDK-backed stores per subscription, loaded lazily so
// that activating the extension loads no Azure SDK.
import * as vscode from 'vscode';
import { loadAzureBackend } from '../auth/load-backend';
import { ServicePrincipalSecretStore } from '../auth/secret-store';
import type { AzureSession } from '../auth/session';
import type { CloudDefinition } from '../core/clouds';
import type { WizardAzure } from '../core/publish/azure-operations';
import { readCloud, readServicePrincipal, readSignInMethod, SESSION_SETTINGS } from '../settings';

export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in to Azure: sign in first (ADF Batch Endpoints: Sign In to Azure...).');
    this.name = 'AuthenticationRequiredError';
  }
}

export class WizardSessionSource implements vscode.Disposable {
  private session: Promise<AzureSession> | undefined;
  private readonly stores = new Map<string, WizardAzure>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (SESSION_SETTINGS.some((s) => e.affectsConfiguration(s))) this.reset();
    });
  }

  /** The signed-in session for the current settings; throws NotSignedInError when there is none. */
  current(): Promise<AzureSession> {
    this.session ??= this.create().catch((error: unknown) => {
      this.session = undefined;
      throw error;
    });
    return this.session;
  }

  /** The cloud of the settings (no sign-in needed). */
  cloud(): CloudDefinition {
    return readCloud();
  }

  /** SDK-backed stores for one subscription, signed in to its tenant. */
  async azure(subscriptionId: string, tenantId: string): Promise<WizardAzure> {
    const key = `${tenantId}/${subscriptionId}`.toLowerCase();
    const cached = this.stores.get(key);
    if (cached) return cached;
    const session = await this.current();
    // VS Code accounts hand out credentials per tenant once their subscriptions were listed.
    if (session.method === 'vscode') await session.getSubscriptions();
    const credential = session.getCredential(tenantId);
    // Through dist/azure.js, loaded on first use: an import() here would be inlined into the activation bundle.
    const store = loadAzureBackend(this.context.extensionPath).createWizardAzure({ cloud: session.cloud, credential }, subscriptionId);
    this.stores.set(key, store);
    return store;
  }

  reset(): void {
    void this.session?.then((s) => s.dispose(), () => undefined);
    this.session = undefined;
    this.stores.clear();
  }

  dispose(): void {
    this.reset();
    this.subscription.dispose();
  }

  private async create(): Promise<AzureSession> {
    const secrets = new ServicePrincipalSecretStore(this.context.secrets);
    const method = readSignInMethod();
    const principal = readServicePrincipal();
    if (method === 'servicePrincipal') await secrets.seedFromEnvironment(principal.clientId);
    const session = loadAzureBackend(this.context.extensionPath).createAzureSession({
      method,
      cloud: readCloud(),
      servicePrincipal: principal,
      servicePrincipalSecret: method === 'servicePrincipal' && principal.clientId ? await secrets.get(principal.clientId) : undefined,
    });
    if (!(await session.isSignedIn())) {
      session.dispose();
      throw new NotSignedInError();
    }
    return session;
  }
}
