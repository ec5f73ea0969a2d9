// Holds the sign-in session for the current settings. Creating one loads the Azure backend (dist/azure.js)
// at first use, never during activation. The tree asks it for the state and the subscriptions.
import * as vscode from 'vscode';
import { CloudConfigurationError } from '../core/azure/cloud';
import { describeAzureError, formatAzureError } from '../core/azure/errors';
import type { SubscriptionRef } from '../core/azure/models';
import { readCloud, readServicePrincipal, readSignInMethod, SESSION_SETTINGS } from '../settings';
import { loadAzureBackend, type AzureBackend } from './load-backend';
import type { ServicePrincipalSecretStore } from './secret-store';
import type { AzureSession } from './session';

export type SignInState = 'unknown' | 'signedOut' | 'signedIn' | 'error';

export interface SessionStatus {
  state: SignInState;
  session?: AzureSession;
  /** Why the state is 'error' (bad settings, a failed sign-in check). */
  error?: string;
}

/** Set on the view so viewsWelcome can show the sign-in choices when signed out. */
const STATE_CONTEXT_KEY = 'adfBatchEndpoints.signInState';

export class SessionManager implements vscode.Disposable {
  private status: Promise<SessionStatus> | undefined;
  private subscriptions: Promise<SubscriptionRef[]> | undefined;
  private lastState: SignInState = 'unknown';
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires when the session was replaced (settings changed, signed in or out). */
  readonly onDidChange = this.changed.event;

  constructor(
    extensionPath: string,
    private readonly secrets: ServicePrincipalSecretStore,
    /** Resolves once start-up work the session depends on (e.g. seeding the sandbox secret) is done. */
    private readonly ready: Promise<unknown> = Promise.resolve(),
    private readonly backend: () => AzureBackend = () => loadAzureBackend(extensionPath),
  ) {
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (SESSION_SETTINGS.some((s) => e.affectsConfiguration(s))) this.reset();
    }));
    void this.setContext('unknown');
  }

  get state(): SignInState {
    return this.lastState;
  }

  /** The session for the current settings, checking (silently) whether it is signed in. */
  current(): Promise<SessionStatus> {
    this.status ??= this.resolve();
    return this.status;
  }

  /** Every subscription of the session (cached until refresh or reset). */
  async getSubscriptions(): Promise<SubscriptionRef[]> {
    const { session } = await this.current();
    if (!session) return [];
    this.subscriptions ??= session.getSubscriptions().catch((error: unknown) => {
      this.subscriptions = undefined;
      throw error;
    });
    return this.subscriptions;
  }

  /** Forgets the cached subscriptions (the "Refresh" of the whole tree). */
  refreshSubscriptions(): void {
    this.subscriptions = undefined;
  }

  /** Asks the session to sign in (prompting as its method does) and reports the result. */
  async signIn(): Promise<SessionStatus> {
    const { session, state, error } = await this.current();
    if (!session) return { state, error };
    let signedIn: boolean;
    try {
      signedIn = await session.signIn();
    } catch (e) {
      const status: SessionStatus = { state: 'error', session, error: formatAzureError(describeAzureError(e)) };
      this.status = Promise.resolve(status);
      this.subscriptions = undefined;
      await this.publish(status.state);
      return status;
    }
    const status: SessionStatus = { state: signedIn ? 'signedIn' : 'signedOut', session };
    this.status = Promise.resolve(status);
    this.subscriptions = undefined;
    await this.publish(status.state);
    return status;
  }

  /** Drops the session; the next use builds a new one from the settings. */
  reset(): void {
    void this.status?.then((s) => s.session?.dispose());
    this.status = undefined;
    this.subscriptions = undefined;
    this.changed.fire();
  }

  dispose(): void {
    void this.status?.then((s) => s.session?.dispose());
    for (const d of this.disposables) d.dispose();
  }

  private async resolve(): Promise<SessionStatus> {
    await this.ready.catch(() => undefined);
    let status: SessionStatus;
    try {
      const method = readSignInMethod();
      const principal = readServicePrincipal();
      const session = this.backend().createAzureSession({
        method,
        cloud: readCloud(),
        servicePrincipal: principal,
        servicePrincipalSecret: method === 'servicePrincipal' && principal.clientId ? await this.secrets.get(principal.clientId) : undefined,
      });
      status = { state: await session.isSignedIn() ? 'signedIn' : 'signedOut', session };
    } catch (error) {
      const message = error instanceof CloudConfigurationError ? error.message : formatAzureError(describeAzureError(error));
      status = { state: 'error', error: message };
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
