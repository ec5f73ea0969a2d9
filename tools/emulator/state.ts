// The emulator's mutable Azure world, built from a seed. Lookups are case-insensitive like ARM.
import { randomBytes, randomUUID } from 'node:crypto';
import { findBuiltInRole } from './role-definitions';
import { UserDirectory } from './users';
import { pastJob, pastRun } from './past-records';
import type { EmulatorSeed, SeedJobBehaviour, SeedServicePrincipal, SeedWorkspace } from './seed';
import type {
  DeploymentState,
  DirectoryObject,
  EndpointState,
  FactoryState,
  IdentityState,
  JobBehaviour,
  KeyVaultState,
  ResourceGroupState,
  RoleAssignmentState,
  SubscriptionState,
  TenantState,
  WorkspaceState,
} from './world-types';

const DEFAULT_JOB_SECONDS = 10;

/** A quoted ETag shaped like the ones ADF returns. */
export function newEtag(): string {
  return `"${randomBytes(4).toString('hex')}-0000-0100-0000-${randomBytes(6).toString('hex')}"`;
}

export class World {
  readonly tenants = new Map<string, TenantState>();
  readonly servicePrincipals: SeedServicePrincipal[];
  readonly directory = new Map<string, DirectoryObject>();
  readonly subscriptions = new Map<string, SubscriptionState>();
  readonly factoriesByName = new Map<string, FactoryState>();
  readonly identities = new Map<string, IdentityState>();
  readonly keyVaults = new Map<string, KeyVaultState>();
  readonly endpointsByScoringPath = new Map<string, EndpointState>();
  readonly roleAssignments: RoleAssignmentState[] = [];
  readonly tokenLifetimeSeconds: number;
  readonly users: UserDirectory;
  /** When this world was built from its seed: seeded history is placed relative to it. */
  readonly startedAt = Date.now();

  constructor(
    readonly seed: EmulatorSeed,
    readonly url: string,
  ) {
    const created = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
    this.tokenLifetimeSeconds = seed.tokenLifetimeSeconds ?? 3600;
    for (const t of seed.tenants) {
      const id = t.id.toLowerCase();
      this.tenants.set(id, {
        id,
        displayName: t.displayName ?? `Tenant ${id.slice(0, 8)}`,
        defaultDomain: t.defaultDomain ?? `tenant${id.slice(0, 8)}.onmicrosoft.com`,
      });
    }
    this.servicePrincipals = (seed.servicePrincipals ?? []).map((sp) => ({
      ...sp,
      tenantId: sp.tenantId.toLowerCase(),
      clientId: sp.clientId.toLowerCase(),
      objectId: sp.objectId.toLowerCase(),
    }));
    for (const sp of this.servicePrincipals) {
      this.addPrincipal({
        objectId: sp.objectId,
        tenantId: sp.tenantId,
        type: 'ServicePrincipal',
        displayName: sp.displayName ?? sp.clientId,
      });
    }
    for (const p of seed.principals ?? []) {
      this.addPrincipal({
        objectId: p.objectId,
        tenantId: p.tenantId,
        type: p.type,
        displayName: p.displayName ?? p.objectId,
      });
    }
    this.users = new UserDirectory(seed.users ?? []);
    for (const u of this.users.all)
      this.addPrincipal({ objectId: u.objectId, tenantId: u.tenants[0]!, type: 'User', displayName: u.displayName });
    for (const s of seed.subscriptions) {
      const sub: SubscriptionState = {
        id: s.id.toLowerCase(),
        displayName: s.displayName,
        tenantId: s.tenantId.toLowerCase(),
        state: s.state ?? 'Enabled',
        resourceGroups: new Map(),
      };
      this.subscriptions.set(sub.id, sub);
      for (const g of s.resourceGroups ?? []) {
        const rg: ResourceGroupState = {
          subscription: sub,
          name: g.name,
          location: g.location,
          id: `/subscriptions/${sub.id}/resourceGroups/${g.name}`,
          workspaces: new Map(),
          factories: new Map(),
          identities: new Map(),
        };
        sub.resourceGroups.set(g.name.toLowerCase(), rg);
        for (const w of g.workspaces ?? []) this.addWorkspace(rg, w, created);
        for (const f of g.dataFactories ?? []) {
          const factory: FactoryState = {
            resourceGroup: rg,
            name: f.name,
            id: `${rg.id}/providers/Microsoft.DataFactory/factories/${f.name}`,
            location: f.location ?? g.location,
            createdAt: created,
            identity: f.identity
              ? {
                  principalId: f.identity.principalId.toLowerCase(),
                  tenantId: (f.identity.tenantId ?? sub.tenantId).toLowerCase(),
                }
              : null,
            repoConfiguration: f.repoConfiguration ?? null,
            etag: newEtag(),
            pipelines: new Map(),
            linkedServices: new Map(),
            credentials: new Map(),
            runs: new Map(),
          };
          rg.factories.set(f.name.toLowerCase(), factory);
          this.factoriesByName.set(f.name.toLowerCase(), factory);
          if (factory.identity)
            this.addPrincipal({
              objectId: factory.identity.principalId,
              tenantId: factory.identity.tenantId,
              type: 'ServicePrincipal',
              displayName: f.name,
            });
          // `{url}` in a seeded pipeline stands for the emulator's URL (known only at start), like in scoringUri.
          for (const p of f.pipelines ?? [])
            factory.pipelines.set(p.name.toLowerCase(), {
              name: p.name,
              properties: withEmulatorUrl(p.properties, this.url),
              etag: newEtag(),
            });
          for (const l of f.linkedServices ?? [])
            factory.linkedServices.set(l.name.toLowerCase(), {
              name: l.name,
              properties: structuredClone(l.properties),
              etag: newEtag(),
            });
          for (const c of f.credentials ?? []) {
            const properties = {
              type: 'ManagedIdentity',
              ...(c.description ? { description: c.description } : {}),
              typeProperties: { resourceId: c.resourceId },
            };
            factory.credentials.set(c.name.toLowerCase(), { name: c.name, properties, etag: newEtag() });
            this.addIdentity(c.resourceId, c.principalId, c.clientId, sub.tenantId, factory.location);
          }
          for (const r of f.runs ?? []) {
            const run = pastRun(factory, r, this.startedAt);
            factory.runs.set(run.runId, run);
          }
        }
        for (const v of g.keyVaults ?? []) {
          const baseUrl = `https://${v.name.toLowerCase()}.vault.azure.net/`;
          this.keyVaults.set(baseUrl, { name: v.name, baseUrl, secrets: new Map(Object.entries(v.secrets ?? {})) });
        }
      }
    }
    for (const ra of seed.roleAssignments ?? []) {
      this.roleAssignments.push({
        name: ra.name?.toLowerCase() ?? randomUUID(),
        scope: ra.scope,
        roleDefinitionGuid: findBuiltInRole(ra.role)!.id,
        principalId: ra.principalId.toLowerCase(),
        principalType: ra.principalType ?? this.directory.get(ra.principalId.toLowerCase())?.type ?? 'ServicePrincipal',
        createdOn: created,
        createdBy: null,
      });
    }
  }

  /**
   * Gives a factory its system-assigned managed identity (PATCH factories with `identity.type = SystemAssigned`):
   * a new service principal in the factory's tenant, as ADF creates it. A factory that has one keeps it.
   */
  enableFactoryIdentity(factory: FactoryState, tenantId: string): void {
    if (factory.identity) return;
    factory.identity = { principalId: randomUUID(), tenantId: tenantId.toLowerCase() };
    this.addPrincipal({
      objectId: factory.identity.principalId,
      tenantId: factory.identity.tenantId,
      type: 'ServicePrincipal',
      displayName: factory.name,
    });
  }

  private addPrincipal(p: DirectoryObject): void {
    this.directory.set(p.objectId.toLowerCase(), {
      ...p,
      objectId: p.objectId.toLowerCase(),
      tenantId: p.tenantId.toLowerCase(),
    });
  }

  private addIdentity(
    resourceId: string,
    principalId: string,
    clientId: string,
    tenantId: string,
    location: string,
  ): void {
    const parts = resourceId.split('/');
    const identity: IdentityState = {
      id: resourceId,
      name: parts[8]!,
      resourceGroupName: parts[4]!,
      subscriptionId: parts[2]!.toLowerCase(),
      location,
      principalId: principalId.toLowerCase(),
      clientId: clientId.toLowerCase(),
      tenantId,
    };
    this.identities.set(resourceId.toLowerCase(), identity);
    this.addPrincipal({
      objectId: identity.principalId,
      tenantId,
      type: 'ServicePrincipal',
      displayName: identity.name,
    });
  }

  private addWorkspace(rg: ResourceGroupState, seedWs: SeedWorkspace, created: string): void {
    const ws: WorkspaceState = {
      resourceGroup: rg,
      name: seedWs.name,
      id: `${rg.id}/providers/Microsoft.MachineLearningServices/workspaces/${seedWs.name}`,
      location: seedWs.location ?? rg.location,
      friendlyName: seedWs.friendlyName ?? seedWs.name,
      description: seedWs.description ?? '',
      workspaceId: randomUUID(),
      createdAt: created,
      endpoints: new Map(),
      datastores: new Map(),
      jobs: new Map(),
      existingOutputs: new Set(),
    };
    rg.workspaces.set(seedWs.name.toLowerCase(), ws);
    for (const ds of seedWs.datastores ?? []) {
      ws.datastores.set(ds.name.toLowerCase(), {
        workspace: ws,
        seed: ds,
        name: ds.name,
        id: `${ws.id}/datastores/${ds.name}`,
      });
      for (const path of ds.existingPaths ?? []) ws.existingOutputs.add(outputKey(ds.name, path));
    }
    for (const e of seedWs.batchEndpoints ?? []) {
      const id = `${ws.id}/batchEndpoints/${e.name}`;
      const scoringUri = e.scoringUri
        ? e.scoringUri.replace('{url}', this.url)
        : `${this.url}/ml/${ws.location.toLowerCase()}/${e.name.toLowerCase()}/jobs`;
      const endpoint: EndpointState = {
        workspace: ws,
        seed: e,
        name: e.name,
        id,
        location: ws.location,
        scoringUri,
        defaultDeployment: e.defaults?.deploymentName ?? null,
        deployments: new Map(),
        createdAt: created,
      };
      for (const d of e.deployments ?? [])
        endpoint.deployments.set(d.name.toLowerCase(), {
          endpoint,
          seed: d,
          name: d.name,
          id: `${id}/deployments/${d.name}`,
          createdAt: created,
        });
      ws.endpoints.set(e.name.toLowerCase(), endpoint);
      for (const j of e.jobs ?? []) {
        const job = pastJob(endpoint, j, this.startedAt);
        ws.jobs.set(job.name.toLowerCase(), job);
      }
      if (scoringUri.startsWith(`${this.url}/`))
        this.endpointsByScoringPath.set(new URL(scoringUri).pathname.replace(/\/+$/, '').toLowerCase(), endpoint);
    }
  }

  findTenant(idOrDomain: string): TenantState | undefined {
    const key = idOrDomain.toLowerCase();
    return this.tenants.get(key) ?? [...this.tenants.values()].find((t) => t.defaultDomain.toLowerCase() === key);
  }

  /** How jobs of an endpoint behave when run by one of its deployments. */
  jobBehaviour(endpoint: EndpointState, deployment: DeploymentState): JobBehaviour {
    const pick = <K extends keyof SeedJobBehaviour>(key: K): SeedJobBehaviour[K] =>
      deployment.seed[key] ?? endpoint.seed[key];
    const outcome = pick('jobOutcome') ?? 'Completed';
    return {
      outcome,
      error:
        pick('jobError') ??
        "Execution failed. User process 'python' exited with status code 1. Please check log file 'user_logs/std_log.txt' for error details.",
      seconds: pick('jobSeconds') ?? DEFAULT_JOB_SECONDS,
      polls: pick('jobPolls'),
    };
  }
}

/** A copy of seeded JSON with every `{url}` in its strings replaced by the emulator's URL. */
function withEmulatorUrl(properties: Record<string, unknown>, url: string): Record<string, unknown> {
  return JSON.parse(JSON.stringify(properties).split('{url}').join(url)) as Record<string, unknown>;
}

/** Key of an output path within a workspace: `<datastore>/<path>` in lower case, no leading or trailing slash. */
export function outputKey(datastore: string, path: string): string {
  return `${datastore}/${path.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
}
