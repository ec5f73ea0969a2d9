// The one Azure access service, created once in extension.ts and handed to the sidebar, the wizard and the dry run:
// the sign-in session for the current settings, its cloud and credentials, the SDK clients (through the lazily loaded
// dist/azure.js) and a token source for the engine. Activation loads no Azure SDK: the first session does.
import * as vscode from 'vscode';
import type { TokenCredential } from '@azure/identity';
import {
  CloudConfigurationError,
  type CloudDefinition,
  describeAzureError,
  formatAzureError,
  type SubscriptionRef,
  SubscriptionListing,
  type ResourceReader,
} from '../core/azure';
import type { FactoryReader } from '../core/factory';
import type { Log } from '../log';
import { readCloud, readRequestTimeoutMs, readServicePrincipal, readSignInMethod, SESSION_SETTINGS } from '../settings';
import { logRequest } from './request-log';
import type { SessionSdk } from './sdk/bundle';
import type { RequestPolicyOptions } from './sdk/policies';
import { isAzureSdkLoaded, loadAzureSdk, type AzureSdkBundle } from './sdk/load';
import type { WizardAzure } from './sdk/wizard-azure';
import { ServicePrincipalSecretStore } from './secret-store';
import { NotSignedInError, type AzureSession } from './sessions/session';
import { isWorkspaceTrusted } from '../workspace-trust';

/** Thrown instead of signing in or sending a request while the workspace is in Restricted Mode. */
export class WorkspaceNotTrustedError extends Error {
  constructor() {
    super(
      vscode.l10n.t(
        'Azure is not reached from a workspace in Restricted Mode: trust the workspace to sign in and send requests.',
      ),
    );
    this.name = 'WorkspaceNotTrustedError';
  }
}

export type SignInState = 'unknown' | 'signedOut' | 'signedIn' | 'error';

export interface SessionStatus {
  state: SignInState;
  session?: AzureSession;
  /** Why the state is 'error' (bad settings, a failed sign-in check). */
  error?: string;
}

/** Set on the view so viewsWelcome can show the sign-in choices when signed out. */
const STATE_CONTEXT_KEY = 'adfBatchEndpoints.signInState';

export class AzureAccess implements vscode.Disposable {
  /** The service principal's secret: the only store of it (VS Code SecretStorage). */
  readonly secrets: ServicePrincipalSecretStore;
  private status: Promise<SessionStatus> | undefined;
  /** The session's subscriptions as their pages arrive: one listing until refresh or reset. */
  private subscriptions: SubscriptionListing | undefined;
  private sdks = new WeakMap<AzureSession, SessionSdk>();
  private lastState: SignInState = 'unknown';
  /** The silent re-check after VS Code's account sessions changed (one at a time). */
  private accountCheck: Promise<void> | undefined;
  private accountCheckAgain = false;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Start-up work the session depends on (seeding the sandbox secret). */
  private readonly ready: Promise<unknown>;
  /** The timeout (from the settings, read per request) and the debug line of every Azure request. */
  private readonly requests: RequestPolicyOptions;

  /** Fires when the session was replaced (settings changed, signed in or out). */
  readonly onDidChange = this.changed.event;

  constructor(
    secretStorage: vscode.SecretStorage,
    extensionPath: string,
    private readonly log: Log,
    private readonly bundle: () => AzureSdkBundle = () => loadAzureSdk(extensionPath),
  ) {
    this.secrets = new ServicePrincipalSecretStore(secretStorage);
    this.requests = { timeoutMs: readRequestTimeoutMs, onRequest: (entry) => logRequest(log, entry) };
    // Automated runs (tests, the sandbox) hand the emulator's secret over through the environment.
    this.ready = this.secrets.seedFromEnvironment(readServicePrincipal().clientId).catch(() => false);
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (SESSION_SETTINGS.some((s) => e.affectsConfiguration(s))) this.reset();
      }),
      // VS Code removed the account (signed out in the Accounts menu, or a session it could not renew) or added
      // one: the view follows by itself (back to its welcome view, or to the subscriptions).
      vscode.authentication.onDidChangeSessions((e) => this.accountSessionsChanged(e.provider.id)),
    );
    void this.setContext('unknown');
  }

  get state(): SignInState {
    return this.lastState;
  }

  /** The cloud of the settings (no sign-in needed); throws a CloudConfigurationError naming the setting to fix. */
  cloud(): CloudDefinition {
    return readCloud();
  }

  /** The session for the current settings, checking (silently) whether it is signed in. */
  current(): Promise<SessionStatus> {
    this.status ??= this.resolve();
    return this.status;
  }

  /**
   * The signed-in session; throws NotSignedInError when there is none. Every Azure call of the extension goes
   * through here, so in Restricted Mode none of them signs in or sends anything (WorkspaceNotTrustedError).
   */
  async signedInSession(): Promise<AzureSession> {
    if (!isWorkspaceTrusted()) throw new WorkspaceNotTrustedError();
    const { session, state, error } = await this.current();
    if (state === 'error') throw new Error(error ?? 'Sign-in failed.');
    if (!session || state !== 'signedIn') throw new NotSignedInError();
    return session;
  }

  /** Every subscription of the session (cached until refresh or reset; a failed listing is listed again). */
  async getSubscriptions(): Promise<SubscriptionRef[]> {
    let listing = await this.subscriptionListing();
    if (listing.hasFailed) {
      this.subscriptions = undefined;
      listing = await this.subscriptionListing();
    }
    return listing.all();
  }

  /**
   * The listing of the session's subscriptions (cached until refresh or reset): the tree paints its first page while
   * the rest is read. A failed listing stays too, so the tree's re-render shows its error until Refresh or Retry
   * rather than listing again by itself.
   */
  async subscriptionListing(): Promise<SubscriptionListing> {
    if (!isWorkspaceTrusted()) throw new WorkspaceNotTrustedError();
    const { session } = await this.current();
    if (!session) return SubscriptionListing.of([]);
    this.subscriptions ??= new SubscriptionListing((onPage) => session.getSubscriptions(onPage));
    return this.subscriptions;
  }

  /**
   * Forgets the cached subscriptions (the "Refresh" of the whole tree), and a sign-in check that found no
   * session, so that Refresh after `az login` in a terminal signs in.
   */
  refreshSubscriptions(): void {
    this.subscriptions = undefined;
    if (this.lastState === 'signedOut' || this.lastState === 'error') {
      void this.status?.then((s) => s.session?.dispose());
      this.status = undefined;
    }
  }

  /** A credential for the tenant, from the signed-in session. */
  async credential(tenantId: string): Promise<TokenCredential> {
    const session = await this.signedInSession();
    return session.getCredential(tenantId);
  }

  /** The tree's reader for a session (loads the Azure SDK on first use). */
  readerFor(session: AzureSession): ResourceReader {
    return this.sdkFor(session).reader;
  }

  /** The Data Factory reader of a session (factories, pipelines, runs, batch jobs; loads the Azure SDK on first use). */
  factoryReaderFor(session: AzureSession): FactoryReader {
    return this.sdkFor(session).factories;
  }

  /** The wizard's SDK-backed stores for one subscription of the signed-in session. */
  async wizardAzure(subscriptionId: string, tenantId: string): Promise<WizardAzure> {
    const session = await this.signedInSession();
    return this.sdkFor(session).wizardAzure(tenantId, subscriptionId);
  }

  /** Asks the session to sign in (prompting as its method does) and reports the result. */
  async signIn(): Promise<SessionStatus> {
    const { session, state, error } = await this.current();
    if (!session) return { state, error };
    let status: SessionStatus;
    try {
      status = { state: (await session.signIn()) ? 'signedIn' : 'signedOut', session };
    } catch (e) {
      status = { state: 'error', session, error: formatAzureError(describeAzureError(e)) };
    }
    this.status = Promise.resolve(status);
    this.subscriptions = undefined;
    await this.publish(status.state);
    return status;
  }

  /** Stores the service principal's secret and starts a new session. */
  async setServicePrincipalSecret(clientId: string, secret: string): Promise<void> {
    await this.secrets.store(clientId, secret);
    this.reset();
  }

  /** Drops the session; the next use builds a new one from the settings. */
  reset(): void {
    void this.status?.then((s) => s.session?.dispose());
    this.status = undefined;
    this.subscriptions = undefined;
    this.sdks = new WeakMap();
    this.changed.fire();
  }

  /** Whether dist/azure.js (the Azure SDK) has been loaded in this extension host. */
  isSdkLoaded(): boolean {
    return isAzureSdkLoaded();
  }

  dispose(): void {
    void this.status?.then((s) => s.session?.dispose());
    for (const d of this.disposables) d.dispose();
  }

  /** Events that arrive while a check runs are answered by one more check afterwards, not one each. */
  private accountSessionsChanged(providerId: string): void {
    if (this.accountCheck) {
      this.accountCheckAgain = true;
      return;
    }
    this.accountCheck = this.recheckAccount(providerId)
      .catch((error: unknown) => this.log.warn(`sign-in: checking the account after a change failed: ${String(error)}`))
      .finally(() => {
        this.accountCheck = undefined;
        if (this.accountCheckAgain) {
          this.accountCheckAgain = false;
          this.accountSessionsChanged(providerId);
        }
      });
  }

  /** Asks the provider silently whether the session still signs in; publishes the new state when it changed. */
  private async recheckAccount(providerId: string): Promise<void> {
    const pending = this.status;
    if (!pending) return;
    const before = await pending;
    if (!before.session || before.session.providerId !== providerId || before.state === 'error') return;
    const signedIn = await before.session.isSignedIn();
    const state: SignInState = signedIn ? 'signedIn' : 'signedOut';
    // A new session (settings, sign-in) replaced this one meanwhile, or nothing changed.
    if (this.status !== pending || state === before.state) return;
    this.log.info(
      `sign-in: the ${providerId} account ${signedIn ? 'has a session again' : 'has no session any more (signed out, or it could not be renewed)'}: ${state}`,
    );
    this.status = Promise.resolve({ state, session: before.session });
    this.subscriptions = undefined;
    await this.publish(state);
  }

  private sdkFor(session: AzureSession): SessionSdk {
    let sdk = this.sdks.get(session);
    if (!sdk) {
      sdk = this.bundle().createSessionSdk(session, this.requests);
      this.sdks.set(session, sdk);
    }
    return sdk;
  }

  private async resolve(): Promise<SessionStatus> {
    await this.ready;
    let status: SessionStatus;
    try {
      const method = readSignInMethod();
      const principal = readServicePrincipal();
      if (method === 'servicePrincipal') await this.secrets.seedFromEnvironment(principal.clientId);
      const session = this.bundle().createAzureSession({
        method,
        cloud: readCloud(),
        servicePrincipal: principal,
        servicePrincipalSecret:
          method === 'servicePrincipal' && principal.clientId ? await this.secrets.get(principal.clientId) : undefined,
        requests: this.requests,
      });
      status = { state: (await session.isSignedIn()) ? 'signedIn' : 'signedOut', session };
      this.log.info(`sign-in: ${method} on ${session.cloud.name}: ${status.state}`);
    } catch (error) {
      const message =
        error instanceof CloudConfigurationError ? error.message : formatAzureError(describeAzureError(error));
      status = { state: 'error', error: message };
      this.log.warn(`sign-in: ${message}`);
    }
    await this.publish(status.state);
    return status;
  }

  private async publish(state: SignInState): Promise<void> {
    if (state === this.lastState) return;
    this.lastState = state;
    await this.setContext(state);
    this.changed.fire();
  }

  private async setContext(state: SignInState): Promise<void> {
    await vscode.commands.executeCommand('setContext', STATE_CONTEXT_KEY, state);
  }
}
