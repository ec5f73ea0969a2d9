// Structural and referential checks of a seed, collecting every problem with its JSON path.
import { TERMINAL_JOB_STATUSES } from '../../src/core/pipeline';
import { EMULATED_CLOUD_NAMES } from './clouds';
import { findBuiltInRole } from './role-definitions';
import { pastJobProblems, pastRunProblems } from './seed-history';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDENTITY_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;
const SCOPE =
  /^\/(subscriptions\/[^/]+(\/resourceGroups\/[^/]+(\/providers\/[^/]+\/[^/]+\/[^/]+(\/[^/]+\/[^/]+)*)?)?)?$/i;

type Json = Record<string, unknown>;

/** Collects problems while walking the seed. */
class Checker {
  readonly problems: string[] = [];

  fail(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  object(value: unknown, path: string): Json | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.fail(path, `expected an object, got ${describe(value)}`);
    return undefined;
  }

  array(value: unknown, path: string, required: boolean): unknown[] {
    if (value === undefined && !required) return [];
    if (Array.isArray(value)) return value;
    this.fail(path, `expected an array, got ${describe(value)}`);
    return [];
  }

  string(obj: Json, key: string, path: string, required = true): string | undefined {
    const value = obj[key];
    if (value === undefined && !required) return undefined;
    if (typeof value === 'string' && value.length > 0) return value;
    this.fail(`${path}.${key}`, `expected a non-empty string, got ${describe(value)}`);
    return undefined;
  }

  guid(obj: Json, key: string, path: string, required = true): string | undefined {
    const value = this.string(obj, key, path, required);
    if (value !== undefined && !GUID.test(value)) this.fail(`${path}.${key}`, `expected a GUID, got "${value}"`);
    return value;
  }

  oneOf(obj: Json, key: string, path: string, allowed: readonly string[], required = false): string | undefined {
    const value = obj[key];
    if (value === undefined && !required) return undefined;
    if (typeof value === 'string' && allowed.includes(value)) return value;
    this.fail(`${path}.${key}`, `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${describe(value)}`);
    return undefined;
  }

  number(obj: Json, key: string, path: string, options: { min: number; integer?: boolean }): number | undefined {
    const value = obj[key];
    if (value === undefined) return undefined;
    if (
      typeof value === 'number' &&
      Number.isFinite(value) &&
      value >= options.min &&
      (!options.integer || Number.isInteger(value))
    )
      return value;
    this.fail(
      `${path}.${key}`,
      `expected ${options.integer ? 'an integer' : 'a number'} >= ${options.min}, got ${describe(value)}`,
    );
    return undefined;
  }

  boolean(obj: Json, key: string, path: string): void {
    const value = obj[key];
    if (value !== undefined && typeof value !== 'boolean')
      this.fail(`${path}.${key}`, `expected true or false, got ${describe(value)}`);
  }

  /** Reports fields the format does not know (typos); `description` and `$…`/`_…` keys are always allowed. */
  known(obj: Json, path: string, keys: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (keys.includes(key) || key === 'description' || key.startsWith('$') || key.startsWith('_')) continue;
      this.fail(`${path}.${key}`, `unknown field (known here: ${keys.join(', ')})`);
    }
  }

  /** Reports a duplicate (case-insensitive) key within one collection. */
  unique(seen: Set<string>, key: string | undefined, path: string, what: string): void {
    if (key === undefined) return;
    const lower = key.toLowerCase();
    if (seen.has(lower)) this.fail(path, `duplicate ${what} "${key}"`);
    seen.add(lower);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value}"`;
  return typeof value === 'object' ? 'an object' : String(value);
}

/** Returns the problems of a seed (empty when it is valid). */
export function validateSeed(value: unknown): string[] {
  const c = new Checker();
  const root = c.object(value, 'seed');
  if (!root) return c.problems;
  c.known(root, 'seed', [
    'cloud',
    'tenants',
    'servicePrincipals',
    'principals',
    'users',
    'subscriptions',
    'roleAssignments',
    'tokenLifetimeSeconds',
    'dataPlaneRbac',
  ]);
  c.oneOf(root, 'cloud', 'seed', EMULATED_CLOUD_NAMES);

  const tenantIds = new Set<string>();
  c.array(root.tenants, 'tenants', true).forEach((t, i) => {
    const path = `tenants[${i}]`;
    const tenant = c.object(t, path);
    if (!tenant) return;
    c.known(tenant, path, ['id', 'displayName', 'defaultDomain']);
    c.unique(tenantIds, c.guid(tenant, 'id', path), path, 'tenant id');
    c.string(tenant, 'displayName', path, false);
    c.string(tenant, 'defaultDomain', path, false);
  });
  if (tenantIds.size === 0 && Array.isArray(root.tenants)) c.fail('tenants', 'at least one tenant is needed');
  const knownTenant = (obj: Json, key: string, path: string): void => {
    const id = c.guid(obj, key, path, key === 'tenantId');
    if (id && !tenantIds.has(id.toLowerCase())) c.fail(`${path}.${key}`, `tenant "${id}" is not in "tenants"`);
  };

  const principals = new Set<string>();
  const spKeys = new Set<string>();
  c.array(root.servicePrincipals, 'servicePrincipals', false).forEach((s, i) => {
    const path = `servicePrincipals[${i}]`;
    const sp = c.object(s, path);
    if (!sp) return;
    c.known(sp, path, ['tenantId', 'clientId', 'objectId', 'secret', 'displayName', 'canAssignRoles']);
    knownTenant(sp, 'tenantId', path);
    const clientId = c.guid(sp, 'clientId', path);
    c.unique(spKeys, clientId && `${String(sp.tenantId)}/${clientId}`, path, 'service principal (tenant, clientId)');
    c.unique(principals, c.guid(sp, 'objectId', path), path, 'principal objectId');
    c.string(sp, 'secret', path);
    c.string(sp, 'displayName', path, false);
    c.boolean(sp, 'canAssignRoles', path);
  });
  c.array(root.principals, 'principals', false).forEach((p, i) => {
    const path = `principals[${i}]`;
    const principal = c.object(p, path);
    if (!principal) return;
    c.known(principal, path, ['objectId', 'tenantId', 'type', 'displayName']);
    knownTenant(principal, 'tenantId', path);
    c.unique(principals, c.guid(principal, 'objectId', path), path, 'principal objectId');
    c.oneOf(principal, 'type', path, ['User', 'Group', 'ServicePrincipal'], true);
  });
  checkUsers(c, root, principals, knownTenant);
  c.number(root, 'tokenLifetimeSeconds', 'seed', { min: 1, integer: true });
  c.boolean(root, 'dataPlaneRbac', 'seed');

  const subscriptionIds = new Set<string>();
  const scoringKeys = new Set<string>();
  const factoryNames = new Set<string>();
  c.array(root.subscriptions, 'subscriptions', true).forEach((s, i) => {
    const path = `subscriptions[${i}]`;
    const sub = c.object(s, path);
    if (!sub) return;
    c.known(sub, path, ['id', 'displayName', 'tenantId', 'state', 'resourceGroups']);
    c.unique(subscriptionIds, c.guid(sub, 'id', path), path, 'subscription id');
    c.string(sub, 'displayName', path);
    knownTenant(sub, 'tenantId', path);
    c.oneOf(sub, 'state', path, ['Enabled', 'Disabled', 'Warned', 'PastDue', 'Deleted']);
    const groupNames = new Set<string>();
    c.array(sub.resourceGroups, `${path}.resourceGroups`, false).forEach((g, j) => {
      const groupPath = `${path}.resourceGroups[${j}]`;
      const group = c.object(g, groupPath);
      if (!group) return;
      c.known(group, groupPath, ['name', 'location', 'workspaces', 'dataFactories', 'keyVaults']);
      c.unique(groupNames, c.string(group, 'name', groupPath), groupPath, 'resource group');
      const location = c.string(group, 'location', groupPath) ?? 'eastus';
      checkWorkspaces(c, group, groupPath, location, scoringKeys);
      checkFactories(c, group, groupPath, factoryNames, principals);
      const vaultNames = new Set<string>();
      c.array(group.keyVaults, `${groupPath}.keyVaults`, false).forEach((v, k) => {
        const vaultPath = `${groupPath}.keyVaults[${k}]`;
        const vault = c.object(v, vaultPath);
        if (!vault) return;
        c.known(vault, vaultPath, ['name', 'secrets']);
        c.unique(vaultNames, c.string(vault, 'name', vaultPath), vaultPath, 'key vault');
        if (vault.secrets !== undefined) {
          const secrets = c.object(vault.secrets, `${vaultPath}.secrets`);
          for (const [name, secret] of Object.entries(secrets ?? {})) {
            if (typeof secret !== 'string')
              c.fail(`${vaultPath}.secrets.${name}`, `expected a string, got ${describe(secret)}`);
          }
        }
      });
    });
  });

  const assignmentNames = new Set<string>();
  c.array(root.roleAssignments, 'roleAssignments', false).forEach((r, i) => {
    const path = `roleAssignments[${i}]`;
    const ra = c.object(r, path);
    if (!ra) return;
    c.known(ra, path, ['name', 'scope', 'principalId', 'role', 'principalType']);
    c.unique(assignmentNames, c.guid(ra, 'name', path, false), path, 'role assignment name');
    const scope = c.string(ra, 'scope', path);
    if (scope && !SCOPE.test(scope))
      c.fail(
        `${path}.scope`,
        `expected "/" or "/subscriptions/<id>[/resourceGroups/<name>[/providers/<ns>/<type>/<name>]]", got "${scope}"`,
      );
    const subId = scope?.split('/')[2];
    if (subId && !subscriptionIds.has(subId.toLowerCase()))
      c.fail(`${path}.scope`, `subscription "${subId}" is not in "subscriptions"`);
    const principalId = c.guid(ra, 'principalId', path);
    if (principalId && !principals.has(principalId.toLowerCase())) {
      c.fail(
        `${path}.principalId`,
        `principal "${principalId}" is not a service principal, factory identity, credential identity or entry of "principals"`,
      );
    }
    const role = c.string(ra, 'role', path);
    if (role && !findBuiltInRole(role))
      c.fail(
        `${path}.role`,
        `unknown role "${role}" (use a built-in role name such as "AzureML Data Scientist" or its GUID)`,
      );
    c.oneOf(ra, 'principalType', path, ['ServicePrincipal', 'User', 'Group', 'ForeignGroup', 'Device']);
  });
  return c.problems;
}

const JOB_KEYS = ['jobOutcome', 'jobError', 'jobSeconds', 'jobPolls'];

function checkJobBehaviour(c: Checker, obj: Json, path: string): void {
  c.oneOf(obj, 'jobOutcome', path, TERMINAL_JOB_STATUSES);
  c.string(obj, 'jobError', path, false);
  c.number(obj, 'jobSeconds', path, { min: 0 });
  c.number(obj, 'jobPolls', path, { min: 1, integer: true });
}

const PROVISIONING_STATES = ['Succeeded', 'Failed', 'Creating', 'Updating', 'Deleting', 'Canceled'];

function checkWorkspaces(
  c: Checker,
  group: Json,
  groupPath: string,
  groupLocation: string,
  scoringKeys: Set<string>,
): void {
  const names = new Set<string>();
  c.array(group.workspaces, `${groupPath}.workspaces`, false).forEach((w, i) => {
    const path = `${groupPath}.workspaces[${i}]`;
    const ws = c.object(w, path);
    if (!ws) return;
    c.known(ws, path, ['name', 'location', 'friendlyName', 'batchEndpoints', 'datastores']);
    c.unique(names, c.string(ws, 'name', path), path, 'workspace');
    const location = c.string(ws, 'location', path, false) ?? groupLocation;
    c.string(ws, 'friendlyName', path, false);
    c.string(ws, 'description', path, false);
    const endpointNames = new Set<string>();
    c.array(ws.batchEndpoints, `${path}.batchEndpoints`, false).forEach((e, j) => {
      const endpointPath = `${path}.batchEndpoints[${j}]`;
      const endpoint = c.object(e, endpointPath);
      if (!endpoint) return;
      c.known(endpoint, endpointPath, [
        'name',
        'authMode',
        'scoringUri',
        'defaults',
        'provisioningState',
        'deployments',
        'jobs',
        ...JOB_KEYS,
      ]);
      const name = c.string(endpoint, 'name', endpointPath);
      c.unique(endpointNames, name, endpointPath, 'batch endpoint');
      // Endpoint names are unique per region, like the service's <endpoint>.<region> host names.
      if (endpoint.scoringUri === undefined)
        c.unique(scoringKeys, name && `${location}/${name}`, endpointPath, 'batch endpoint name in region');
      c.string(endpoint, 'scoringUri', endpointPath, false);
      c.string(endpoint, 'description', endpointPath, false);
      c.oneOf(endpoint, 'authMode', endpointPath, ['AADToken', 'Key', 'AMLToken']);
      c.oneOf(endpoint, 'provisioningState', endpointPath, PROVISIONING_STATES);
      checkJobBehaviour(c, endpoint, endpointPath);
      const deploymentNames = new Set<string>();
      c.array(endpoint.deployments, `${endpointPath}.deployments`, false).forEach((d, k) => {
        const deploymentPath = `${endpointPath}.deployments[${k}]`;
        const deployment = c.object(d, deploymentPath);
        if (!deployment) return;
        c.known(deployment, deploymentPath, ['name', 'model', 'compute', 'provisioningState', ...JOB_KEYS]);
        c.unique(deploymentNames, c.string(deployment, 'name', deploymentPath), deploymentPath, 'deployment');
        c.string(deployment, 'model', deploymentPath);
        c.string(deployment, 'compute', deploymentPath, false);
        c.oneOf(deployment, 'provisioningState', deploymentPath, PROVISIONING_STATES);
        checkJobBehaviour(c, deployment, deploymentPath);
      });
      c.problems.push(...pastJobProblems(endpoint.jobs, `${endpointPath}.jobs`, deploymentNames));
      if (endpoint.defaults !== undefined) {
        const defaults = c.object(endpoint.defaults, `${endpointPath}.defaults`);
        if (defaults) c.known(defaults, `${endpointPath}.defaults`, ['deploymentName']);
        const deploymentName = defaults?.deploymentName;
        if (deploymentName !== undefined && deploymentName !== null) {
          if (typeof deploymentName !== 'string')
            c.fail(
              `${endpointPath}.defaults.deploymentName`,
              `expected a string or null, got ${describe(deploymentName)}`,
            );
          else if (!deploymentNames.has(deploymentName.toLowerCase())) {
            c.fail(
              `${endpointPath}.defaults.deploymentName`,
              `deployment "${deploymentName}" is not among the endpoint's deployments (${[...deploymentNames].join(', ') || 'none'})`,
            );
          }
        }
      }
    });
    const datastoreNames = new Set<string>();
    c.array(ws.datastores, `${path}.datastores`, false).forEach((d, j) => {
      const dsPath = `${path}.datastores[${j}]`;
      const ds = c.object(d, dsPath);
      if (!ds) return;
      c.known(ds, dsPath, ['name', 'type', 'accountName', 'containerName', 'filesystem', 'isDefault', 'existingPaths']);
      c.unique(datastoreNames, c.string(ds, 'name', dsPath), dsPath, 'datastore');
      const type = c.oneOf(ds, 'type', dsPath, ['AzureBlob', 'AzureDataLakeGen2'], true);
      c.string(ds, 'accountName', dsPath);
      if (type === 'AzureBlob') c.string(ds, 'containerName', dsPath);
      if (type === 'AzureDataLakeGen2') c.string(ds, 'filesystem', dsPath);
      c.boolean(ds, 'isDefault', dsPath);
      c.array(ds.existingPaths, `${dsPath}.existingPaths`, false).forEach((p, k) => {
        if (typeof p !== 'string') c.fail(`${dsPath}.existingPaths[${k}]`, `expected a string, got ${describe(p)}`);
      });
    });
  });
}

function checkFactories(
  c: Checker,
  group: Json,
  groupPath: string,
  factoryNames: Set<string>,
  principals: Set<string>,
): void {
  c.array(group.dataFactories, `${groupPath}.dataFactories`, false).forEach((f, i) => {
    const path = `${groupPath}.dataFactories[${i}]`;
    const factory = c.object(f, path);
    if (!factory) return;
    c.known(factory, path, [
      'name',
      'location',
      'identity',
      'repoConfiguration',
      'pipelines',
      'linkedServices',
      'credentials',
      'runs',
    ]);
    // Data factory names are globally unique in Azure.
    c.unique(factoryNames, c.string(factory, 'name', path), path, 'data factory name');
    c.string(factory, 'location', path, false);
    if (factory.identity !== undefined && factory.identity !== null) {
      const identity = c.object(factory.identity, `${path}.identity`);
      if (identity) {
        c.known(identity, `${path}.identity`, ['principalId', 'tenantId']);
        c.unique(
          principals,
          c.guid(identity, 'principalId', `${path}.identity`),
          `${path}.identity`,
          'principal objectId',
        );
        c.guid(identity, 'tenantId', `${path}.identity`, false);
      }
    }
    if (factory.repoConfiguration !== undefined && factory.repoConfiguration !== null) {
      const repoPath = `${path}.repoConfiguration`;
      const repo = c.object(factory.repoConfiguration, repoPath);
      if (repo) {
        c.known(repo, repoPath, [
          'type',
          'accountName',
          'repositoryName',
          'collaborationBranch',
          'rootFolder',
          'projectName',
          'hostName',
          'lastCommitId',
          'disablePublish',
        ]);
        const type = c.oneOf(repo, 'type', repoPath, ['FactoryGitHubConfiguration', 'FactoryVSTSConfiguration'], true);
        for (const key of ['accountName', 'repositoryName', 'collaborationBranch', 'rootFolder'])
          c.string(repo, key, repoPath);
        if (type === 'FactoryVSTSConfiguration') c.string(repo, 'projectName', repoPath);
      }
    }
    const pipelineNames = new Set<string>();
    for (const kind of ['pipelines', 'linkedServices'] as const) {
      const names = kind === 'pipelines' ? pipelineNames : new Set<string>();
      c.array(factory[kind], `${path}.${kind}`, false).forEach((e, j) => {
        const entityPath = `${path}.${kind}[${j}]`;
        const entity = c.object(e, entityPath);
        if (!entity) return;
        c.known(entity, entityPath, ['name', 'properties']);
        c.unique(
          names,
          c.string(entity, 'name', entityPath),
          entityPath,
          kind === 'pipelines' ? 'pipeline' : 'linked service',
        );
        const properties = c.object(entity.properties, `${entityPath}.properties`);
        if (properties && kind === 'linkedServices') c.string(properties, 'type', `${entityPath}.properties`);
      });
    }
    c.problems.push(...pastRunProblems(factory.runs, `${path}.runs`, pipelineNames));
    const credentialNames = new Set<string>();
    c.array(factory.credentials, `${path}.credentials`, false).forEach((k, j) => {
      const credPath = `${path}.credentials[${j}]`;
      const cred = c.object(k, credPath);
      if (!cred) return;
      c.known(cred, credPath, ['name', 'resourceId', 'principalId', 'clientId']);
      c.unique(credentialNames, c.string(cred, 'name', credPath), credPath, 'credential');
      const resourceId = c.string(cred, 'resourceId', credPath);
      if (resourceId && !IDENTITY_ID.test(resourceId)) {
        c.fail(
          `${credPath}.resourceId`,
          `expected /subscriptions/<s>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>, got "${resourceId}"`,
        );
      }
      // One identity may back credentials of several factories: only add, never flag as duplicate.
      const principalId = c.guid(cred, 'principalId', credPath);
      if (principalId) principals.add(principalId.toLowerCase());
      c.guid(cred, 'clientId', credPath);
    });
  });
}

function checkUsers(
  c: Checker,
  root: Json,
  principals: Set<string>,
  knownTenant: (obj: Json, key: string, path: string) => void,
): void {
  const names = new Set<string>();
  c.array(root.users, 'users', false).forEach((u, i) => {
    const path = `users[${i}]`;
    const user = c.object(u, path);
    if (!user) return;
    c.known(user, path, ['objectId', 'userPrincipalName', 'displayName', 'tenants']);
    c.unique(principals, c.guid(user, 'objectId', path), path, 'principal objectId');
    c.unique(names, c.string(user, 'userPrincipalName', path), path, 'userPrincipalName');
    c.string(user, 'displayName', path, false);
    const tenants = new Set<string>();
    const memberships = c.array(user.tenants, `${path}.tenants`, true);
    if (Array.isArray(user.tenants) && memberships.length === 0)
      c.fail(`${path}.tenants`, 'a user needs at least one tenant (the first is the home tenant)');
    memberships.forEach((m, j) => {
      const mPath = `${path}.tenants[${j}]`;
      const membership = c.object(m, mPath);
      if (!membership) return;
      c.known(membership, mPath, ['tenantId', 'interactionRequired']);
      knownTenant(membership, 'tenantId', mPath);
      c.unique(tenants, typeof membership.tenantId === 'string' ? membership.tenantId : undefined, mPath, 'tenant');
      c.boolean(membership, 'interactionRequired', mPath);
    });
  });
}
