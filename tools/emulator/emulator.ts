// The emulator's core: the world, tokens, runs, faults and request log (no HTTP here).
import { emulatedCloud } from './clouds';
import { entraError } from './errors';
import { FaultBook } from './faults';
import { ReplyError } from './http';
import { PipelineRunStore, type PipelineRunExecutor } from './pipeline-runs';
import { RequestLog } from './request-log';
import type { EmulatorSeed } from './seed';
import { World } from './state';
import { sameAudience, TokenService, type TokenClaims } from './tokens';
import type { UserState } from './users';
import type { FactoryState } from './world-types';

/** The emulator as a custom cloud (what the extension's `customCloud` setting needs). */
export interface EmulatorCloud {
  resourceManagerEndpoint: string;
  authorityHost: string;
  armAudience: string;
  mlAudience: string;
  portalUrl: string;
  mlStudioUrl: string;
}

/** Names a factory in the emulated world. */
export interface FactoryRef {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

export interface EmulatorConfig {
  url: string;
  caCertPem: string;
  seed: EmulatorSeed;
  pageSize: number;
  timeScale: number;
  pipelineRunExecutor?: PipelineRunExecutor;
}

export const ARM_AUDIENCE = emulatedCloud('AzureCloud').armAudience;
export const ML_AUDIENCE = emulatedCloud('AzureCloud').mlAudience;

export class Emulator {
  world: World;
  seed: EmulatorSeed;
  readonly url: string;
  readonly caCertPem: string;
  readonly pageSize: number;
  readonly timeScale: number;
  readonly tokens: TokenService;
  readonly faults = new FaultBook();
  readonly log = new RequestLog();
  readonly runs: PipelineRunStore;

  constructor(config: EmulatorConfig) {
    this.url = config.url;
    this.caCertPem = config.caCertPem;
    this.pageSize = config.pageSize;
    this.timeScale = config.timeScale;
    this.seed = config.seed;
    this.world = new World(config.seed, config.url);
    this.tokens = new TokenService(config.url);
    this.runs = new PipelineRunStore(
      {
        url: config.url,
        caCertPem: config.caCertPem,
        timeScale: config.timeScale,
        issueManagedIdentityToken: (factory, resource, credential) =>
          this.managedIdentityToken(factory, resource, credential),
        getKeyVaultSecret: (baseUrl, name) => this.world.keyVaults.get(normalizeVaultUrl(baseUrl))?.secrets.get(name),
      },
      config.pipelineRunExecutor,
    );
  }

  /** The emulator as a custom cloud; the audiences are those of the seed's `cloud` (default AzureCloud). */
  get cloud(): EmulatorCloud {
    const audiences = emulatedCloud(this.seed.cloud);
    return {
      resourceManagerEndpoint: this.url,
      authorityHost: this.url,
      armAudience: audiences.armAudience,
      mlAudience: audiences.mlAudience,
      portalUrl: `${this.url}/portal`,
      mlStudioUrl: `${this.url}/studio`,
    };
  }

  /** Audiences ARM accepts: the seed's cloud's ARM ones and the emulator's own URL (the SDKs' default scope). */
  armAudiences(): string[] {
    return [...emulatedCloud(this.seed.cloud).armAudiences, `${this.url}/`];
  }

  isArmAudience(aud: string): boolean {
    return this.armAudiences().some((a) => sameAudience(a, aud));
  }

  isMlAudience(aud: string): boolean {
    return sameAudience(emulatedCloud(this.seed.cloud).mlAudience, aud);
  }

  /**
   * A token for a seeded user in a tenant (default: the home tenant), as the Microsoft account provider or
   * the Azure CLI would get one. Throws Entra ID's reply (ReplyError) when the user is not a member or the
   * tenant needs an interactive sign-in; `interactive` is that sign-in, and grants the tenant's consent.
   */
  issueUserToken(input: {
    user: string;
    tenantId?: string;
    audience: string;
    appId: string;
    interactive: boolean;
    lifetimeSeconds?: number;
  }): { token: string; claims: TokenClaims; user: UserState } {
    const user = this.world.users.find(input.user);
    if (!user)
      throw new ReplyError(
        entraError(
          400,
          'invalid_grant',
          50034,
          `The user account ${input.user} does not exist in the directory. To sign into this application, the account must be added to the directory.`,
        ),
      );
    const tenantId = (input.tenantId ?? user.tenants[0]!).toLowerCase();
    const tenant = this.world.findTenant(tenantId);
    if (!tenant)
      throw new ReplyError(
        entraError(
          400,
          'invalid_tenant',
          90002,
          `Tenant '${tenantId}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        ),
      );
    this.world.users.authorize(user, tenant.id, tenant.displayName, input.appId, input.interactive);
    const { token, claims } = this.tokens.issue({
      audience: input.audience.replace(/\/\.default$/i, ''),
      tenantId: tenant.id,
      objectId: user.objectId,
      appId: input.appId,
      version: '2.0',
      lifetimeSeconds: input.lifetimeSeconds ?? this.world.tokenLifetimeSeconds,
      user: { userPrincipalName: user.userPrincipalName, displayName: user.displayName },
    });
    return { token, claims, user };
  }

  /** Back to the seed: forgets runs, jobs, writes, faults, latency and the request log. */
  reset(): void {
    this.runs.abortAll();
    this.world = new World(this.seed, this.url);
    this.faults.clear();
    this.log.clear();
  }

  replaceSeed(seed: EmulatorSeed): void {
    this.seed = seed;
    this.reset();
  }

  findFactory(ref: FactoryRef): FactoryState | undefined {
    const rg = this.world.subscriptions
      .get(ref.subscriptionId.toLowerCase())
      ?.resourceGroups.get(ref.resourceGroup.toLowerCase());
    return rg?.factories.get(ref.name.toLowerCase());
  }

  /** A token for a factory's system-assigned identity, or for the identity behind one of its ADF credentials. */
  issueManagedIdentityToken(ref: FactoryRef, resource: string, credentialName?: string): string {
    const factory = this.findFactory(ref);
    if (!factory)
      throw new Error(
        `No data factory "${ref.name}" in resource group "${ref.resourceGroup}" of subscription "${ref.subscriptionId}".`,
      );
    return this.managedIdentityToken(factory, resource, credentialName);
  }

  private managedIdentityToken(factory: FactoryState, resource: string, credentialName?: string): string {
    const resourceAudience = resource.replace(/\/\.default$/i, '');
    const tenantId = factory.resourceGroup.subscription.tenantId;
    if (credentialName) {
      const credential = factory.credentials.get(credentialName.toLowerCase());
      if (!credential) throw new Error(`Data factory "${factory.name}" has no credential "${credentialName}".`);
      const resourceId = String(
        (credential.properties.typeProperties as Record<string, unknown> | undefined)?.resourceId ?? '',
      );
      const identity = this.world.identities.get(resourceId.toLowerCase());
      if (!identity)
        throw new Error(
          `Credential "${credentialName}" of data factory "${factory.name}" names unknown identity "${resourceId}".`,
        );
      return this.issueToken({
        audience: resourceAudience,
        tenantId: identity.tenantId,
        objectId: identity.principalId,
        appId: identity.clientId,
        version: '1.0',
        managedIdentityResourceId: identity.id,
      });
    }
    if (!factory.identity) throw new Error(`Data factory "${factory.name}" has no system-assigned managed identity.`);
    return this.issueToken({
      audience: resourceAudience,
      tenantId,
      objectId: factory.identity.principalId,
      appId: factory.identity.principalId,
      version: '1.0',
      managedIdentityResourceId: factory.id,
    });
  }

  issueToken(input: {
    audience: string;
    tenantId: string;
    objectId: string;
    appId: string;
    version: '1.0' | '2.0';
    lifetimeSeconds?: number;
    managedIdentityResourceId?: string;
  }): string {
    return this.tokens.issue({ ...input, lifetimeSeconds: input.lifetimeSeconds ?? this.world.tokenLifetimeSeconds })
      .token;
  }

  setPipelineRunExecutor(executor: PipelineRunExecutor): void {
    this.runs.setExecutor(executor);
  }

  /** The service principal behind a token, if it is one of the seeded ones. */
  servicePrincipalOf(caller: TokenClaims): (typeof this.world.servicePrincipals)[number] | undefined {
    return this.world.servicePrincipals.find((sp) => sp.objectId === caller.oid.toLowerCase());
  }
}

export function normalizeVaultUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '').toLowerCase()}/`;
}
