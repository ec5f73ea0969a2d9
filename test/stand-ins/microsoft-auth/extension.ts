// A stand-in for VS Code's built-in Microsoft authentication (test-only extension; the harness disables the
// built-in one and loads this one). It registers `microsoft` and `microsoft-sovereign-cloud` and answers
// getSessions/createSession for the scopes the real provider receives (`<resource>/.default`,
// `VSCODE_TENANT:<id>`, `VSCODE_CLIENT_ID:<id>`) with tokens the emulator mints for its seeded user
// (POST /_emulator/user-token). What it models, as the real one does it through MSAL:
// - one account in several tenants: getSessions answers silently for every tenant that needs no interaction;
// - a tenant needing interactive sign-in (consent): getSessions answers [] until createSession;
// - an expiring session: tokens are refreshed silently when they are about to expire (`refreshMarginSeconds`
//   before), unless `silentRefresh` is off (refresh token expired), when the account's sessions are dropped
//   (onDidChangeSessions: removed) and the user must sign in again;
// - a user cancelling the sign-in: createSession rejects with a CancellationError.
// Like the real (MSAL) provider it fires onDidChangeSessions when an account is added or removed, not when a
// token is renewed. Extension-host tests steer it with the command `standInMicrosoftAuth.control`, UI tests
// through a control file (see StandInControl and watchControlFile).
import { readFileSync, renameSync, unwatchFile, watchFile, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  CONTROL_DIR_VARIABLE,
  type InteractiveAnswer,
  type StandInCall,
  type StandInControl,
  type StandInControlFile,
  type StandInState,
} from './control';
import { EmulatorControlClient, EmulatorControlError } from '../../../tools/emulator/control-client';

const TENANT_PREFIX = 'VSCODE_TENANT:';
const CLIENT_ID_PREFIX = 'VSCODE_CLIENT_ID:';
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export type { InteractiveAnswer, StandInCall, StandInControl, StandInState } from './control';

interface Session extends vscode.AuthenticationSession {
  tenantId: string;
  resourceScopes: string[];
  expiresOn: number;
}

const settings = {
  interactive: 'ask' as InteractiveAnswer,
  tokenLifetimeSeconds: undefined as number | undefined,
  silentRefresh: true,
  refreshMarginSeconds: 30,
};
const calls: StandInCall[] = [];

class StandInProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  /** Sessions by tenant id + resource scopes. */
  readonly sessions = new Map<string, Session>();
  /** The signed-in account (after the first interactive sign-in). */
  private account: { upn: string; objectId: string; homeTenantId: string } | undefined;
  private counter = 0;

  constructor(
    readonly id: string,
    private readonly control: () => EmulatorControlClient,
  ) {}

  async getSessions(
    scopes: readonly string[] | undefined,
    options: vscode.AuthenticationProviderSessionOptions,
  ): Promise<vscode.AuthenticationSession[]> {
    const request = parseScopes(scopes ?? []);
    if (!this.account || (options.account && options.account.label !== this.account.upn))
      return this.log('getSessions', scopes, []);
    if (!scopes || scopes.length === 0) return this.log('getSessions', scopes, [...this.sessions.values()]);
    const tenantId = request.tenantId ?? this.account.homeTenantId;
    const key = sessionKey(tenantId, request.resourceScopes);
    const cached = this.sessions.get(key);
    if (cached && cached.expiresOn > Date.now() / 1000 + settings.refreshMarginSeconds)
      return this.log('getSessions', scopes, [cached]);
    if (cached && !settings.silentRefresh) {
      // The refresh token expired too: MSAL drops the account, VS Code hears that its sessions are gone.
      this.signOut();
      return this.log('getSessions', scopes, [], 'refresh token expired: interaction required');
    }
    // Silent: MSAL's acquireTokenSilent for the cached account in this tenant (no event: the account is the same).
    try {
      const session = await this.mint(tenantId, request.resourceScopes, scopes, false, cached?.id);
      return this.log('getSessions', scopes, [session]);
    } catch (error) {
      return this.log('getSessions', scopes, [], errorText(error));
    }
  }

  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const answer = settings.interactive === 'ask' ? await this.ask() : settings.interactive;
    if (answer !== 'accept') {
      this.log('createSession', scopes, [], 'cancelled');
      throw new vscode.CancellationError();
    }
    const request = parseScopes(scopes);
    const user = this.account?.upn ?? (await this.seededUser());
    try {
      const session = await this.mint(request.tenantId, request.resourceScopes, scopes, true, undefined, user);
      this.changed.fire({ added: [session], removed: [], changed: [] });
      this.log('createSession', scopes, [session]);
      return session;
    } catch (error) {
      this.log('createSession', scopes, [], errorText(error));
      throw error;
    }
  }

  async removeSession(sessionId: string): Promise<void> {
    const removed = [...this.sessions.entries()].filter(([, s]) => s.id === sessionId);
    for (const [key] of removed) this.sessions.delete(key);
    if (this.sessions.size === 0) this.account = undefined;
    this.log(
      'removeSession',
      [],
      removed.map(([, s]) => s),
    );
    if (removed.length) this.changed.fire({ added: [], removed: removed.map(([, s]) => s), changed: [] });
  }

  signOut(): void {
    const removed = [...this.sessions.values()];
    this.sessions.clear();
    this.account = undefined;
    if (removed.length) this.changed.fire({ added: [], removed, changed: [] });
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async mint(
    tenantId: string | undefined,
    resourceScopes: string[],
    scopes: readonly string[],
    interactive: boolean,
    reuseId?: string,
    user?: string,
  ): Promise<Session> {
    const upn = user ?? this.account!.upn;
    const scope = resourceScopes[0] ?? 'https://management.core.windows.net//.default';
    const answer = await this.control().userToken({
      user: upn,
      tenantId,
      scope,
      interactive,
      lifetimeSeconds: settings.tokenLifetimeSeconds,
    });
    this.account ??= {
      upn: answer.account.userPrincipalName,
      objectId: answer.account.objectId,
      homeTenantId: answer.account.homeTenantId,
    };
    const session: Session = {
      id: reuseId ?? `stand-in-${this.id}-${++this.counter}`,
      accessToken: answer.accessToken,
      account: {
        id: `${answer.account.objectId}.${answer.account.homeTenantId}`,
        label: answer.account.userPrincipalName,
      },
      scopes: [...scopes],
      tenantId: answer.tenantId,
      resourceScopes,
      expiresOn: answer.expiresOn,
    };
    this.sessions.set(sessionKey(answer.tenantId, resourceScopes), session);
    if (!tenantId) this.sessions.set(sessionKey(undefined, resourceScopes), session);
    return session;
  }

  private async ask(): Promise<InteractiveAnswer> {
    const user = this.account?.upn ?? (await this.seededUser());
    const pick = await vscode.window.showInformationMessage(
      `Stand-in Microsoft sign-in (${this.id}): continue as ${user}?`,
      { modal: true },
      'Continue',
    );
    return pick === 'Continue' ? 'accept' : 'cancel';
  }

  private async seededUser(): Promise<string> {
    const seed = await this.control().getSeed();
    const user = seed.users?.[0]?.userPrincipalName;
    if (!user)
      throw new Error('The emulator seed has no users: the stand-in Microsoft account needs one (seed "users").');
    return user;
  }

  private log(
    method: StandInCall['method'],
    scopes: readonly string[] | undefined,
    sessions: vscode.AuthenticationSession[],
    note?: string,
  ): vscode.AuthenticationSession[] {
    calls.push({
      provider: this.id,
      method,
      scopes: [...(scopes ?? [])],
      outcome: note ?? `${sessions.length} session(s)`,
    });
    return sessions;
  }
}

function parseScopes(scopes: readonly string[]): { tenantId: string | undefined; resourceScopes: string[] } {
  const tenant = scopes.find((s) => s.startsWith(TENANT_PREFIX))?.slice(TENANT_PREFIX.length);
  const resourceScopes = scopes
    .filter((s) => !s.startsWith(TENANT_PREFIX) && !s.startsWith(CLIENT_ID_PREFIX) && !OIDC_SCOPES.has(s))
    .sort();
  return { tenantId: tenant && tenant !== 'organizations' && tenant !== 'common' ? tenant : undefined, resourceScopes };
}

function sessionKey(tenantId: string | undefined, resourceScopes: string[]): string {
  return `${tenantId?.toLowerCase() ?? 'home'} ${resourceScopes.join(' ')}`;
}

function errorText(error: unknown): string {
  if (error instanceof EmulatorControlError)
    return (error.body as { error_description?: string } | undefined)?.error_description ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

export function activate(context: vscode.ExtensionContext): void {
  const url = process.env.ADF_BATCH_EMULATOR_URL;
  const control = (): EmulatorControlClient => {
    if (!url)
      throw new Error('The stand-in Microsoft authentication needs ADF_BATCH_EMULATOR_URL (set by the test harness).');
    return new EmulatorControlClient(url);
  };
  const providers = ['microsoft', 'microsoft-sovereign-cloud'].map((id) => new StandInProvider(id, control));
  for (const provider of providers) {
    context.subscriptions.push(
      provider,
      vscode.authentication.registerAuthenticationProvider(
        provider.id,
        provider.id === 'microsoft' ? 'Microsoft' : 'Microsoft Sovereign Cloud',
        provider,
        { supportsMultipleAccounts: true },
      ),
    );
  }
  const apply = (change: StandInControl = {}): StandInState => {
    if (change.signOut) for (const provider of providers) provider.signOut();
    if (change.interactive) settings.interactive = change.interactive;
    if (change.tokenLifetimeSeconds !== undefined)
      settings.tokenLifetimeSeconds = change.tokenLifetimeSeconds ?? undefined;
    if (change.silentRefresh !== undefined) settings.silentRefresh = change.silentRefresh;
    if (change.refreshMarginSeconds !== undefined) settings.refreshMarginSeconds = change.refreshMarginSeconds;
    if (change.clearLog) calls.length = 0;
    return {
      calls: [...calls],
      sessions: providers.flatMap((p) =>
        [...new Set(p.sessions.values())].map((s) => ({
          provider: p.id,
          tenantId: s.tenantId,
          scopes: s.scopes,
          expiresOn: s.expiresOn,
          tokenId: tokenIdOf(s.accessToken),
        })),
      ),
    };
  };
  context.subscriptions.push(vscode.commands.registerCommand('standInMicrosoftAuth.control', apply));
  const controlDir = process.env[CONTROL_DIR_VARIABLE];
  if (controlDir) context.subscriptions.push(watchControlFile(controlDir, apply));
}

/**
 * UI tests cannot run commands in the extension host: they write control.json ({seq, change}); the stand-in
 * applies each new seq once and answers in state.json ({seq, ...StandInState}).
 */
function watchControlFile(dir: string, apply: (change: StandInControl) => StandInState): vscode.Disposable {
  const controlFile = join(dir, 'control.json');
  let applied = 0;
  const check = (): void => {
    let control: StandInControlFile;
    try {
      control = JSON.parse(readFileSync(controlFile, 'utf8')) as StandInControlFile;
    } catch {
      return; // not written yet, or half written: the next poll reads it
    }
    if (control.seq <= applied) return;
    applied = control.seq;
    // Written whole, then renamed: the test never reads half a file.
    writeFileSync(join(dir, 'state.json.tmp'), JSON.stringify({ seq: control.seq, ...apply(control.change) }));
    renameSync(join(dir, 'state.json.tmp'), join(dir, 'state.json'));
  };
  watchFile(controlFile, { interval: 200 }, check);
  check();
  return { dispose: (): void => unwatchFile(controlFile) };
}

function tokenIdOf(accessToken: string): string {
  try {
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      uti?: string;
    };
    return claims.uti ?? '';
  } catch {
    return '';
  }
}
