// User accounts of the seed: one person in several tenants, with per-tenant consent. Tokens for users are
// minted through the control API (POST /_emulator/user-token), standing in for the interactive sign-in and
// the token cache of VS Code's Microsoft account provider and of the Azure CLI.
import { entraError } from './errors';
import { ReplyError } from './http';
import type { SeedUser } from './seed';

/** Client ids the real tools sign users in with (first-party applications, present in every tenant). */
export const VS_CODE_CLIENT_ID = 'aebc6443-996d-45c2-90f0-388ff96faa56';
export const AZURE_CLI_CLIENT_ID = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

export interface UserState {
  objectId: string;
  userPrincipalName: string;
  displayName: string;
  /** Tenant ids in the seed's order; the first is the home tenant. */
  tenants: string[];
  /** Tenants where a silent token needs an interactive sign-in first (consent, MFA). */
  interactionRequired: Set<string>;
}

export class UserDirectory {
  private readonly byKey = new Map<string, UserState>();
  readonly all: UserState[];

  constructor(users: readonly SeedUser[]) {
    this.all = users.map((u) => ({
      objectId: u.objectId.toLowerCase(),
      userPrincipalName: u.userPrincipalName,
      displayName: u.displayName ?? u.userPrincipalName,
      tenants: u.tenants.map((t) => t.tenantId.toLowerCase()),
      interactionRequired: new Set(u.tenants.filter((t) => t.interactionRequired).map((t) => t.tenantId.toLowerCase())),
    }));
    for (const user of this.all) {
      this.byKey.set(user.objectId, user);
      this.byKey.set(user.userPrincipalName.toLowerCase(), user);
    }
  }

  /** By object id or user principal name (case-insensitive). */
  find(key: string): UserState | undefined {
    return this.byKey.get(key.toLowerCase());
  }

  /**
   * Checks that `user` may get a token in `tenantId`. An interactive sign-in grants the tenant's consent for
   * the rest of the emulator's life (until reset), as signing in through the browser does.
   */
  authorize(user: UserState, tenantId: string, tenantName: string, appId: string, interactive: boolean): void {
    const tenant = tenantId.toLowerCase();
    if (!user.tenants.includes(tenant)) {
      throw new ReplyError(
        entraError(
          400,
          'invalid_grant',
          50020,
          `User account '${user.userPrincipalName}' from identity provider 'live.com' does not exist in tenant '${tenantName}' and cannot access the application '${appId}' in that tenant. The account needs to be added as an external user in the tenant first.`,
        ),
      );
    }
    if (!user.interactionRequired.has(tenant)) return;
    if (interactive) {
      user.interactionRequired.delete(tenant);
      return;
    }
    const reply = entraError(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${appId}'. Send an interactive authorization request for this user and resource.`,
    );
    (reply.body as Record<string, unknown>).suberror = 'consent_required';
    throw new ReplyError(reply);
  }
}
