// The heavy half of Azure access: everything that pulls in the Azure SDK and @azure/identity. esbuild makes it a
// bundle of its own (dist/azure.js) that load.ts requires at first use, so activating the extension loads none of
// it. AzureAccess (../access.ts) is its only caller.
import {
  CloudConfigurationError,
  vsCodeAccountSupport,
  type CloudDefinition,
  type ResourceReader,
} from '../../core/azure';
import type { FactoryReader } from '../../core/factory';
import type { ServicePrincipalSettings, SignInMethod } from '../../settings';
import { AzureCliSession } from '../sessions/cli-session';
import { ServicePrincipalSession } from '../sessions/service-principal-session';
import type { AzureSession } from '../sessions/session';
import { VsCodeAccountSession } from '../sessions/vscode-session';
import { AzureClientPool } from './client-pool';
import { SdkFactoryReader } from './factory-reader';
import { requestPolicyOptions, type RequestPolicyOptions } from './policies';
import { SdkResourceReader } from './resource-reader';
import { createWizardAzure, type WizardAzure } from './wizard-azure';

export interface SessionOptions {
  method: SignInMethod;
  cloud: CloudDefinition;
  servicePrincipal: ServicePrincipalSettings;
  servicePrincipalSecret: string | undefined;
  /** Timeout and request log of every request the session and its clients send. */
  requests: RequestPolicyOptions;
}

export function createAzureSession(options: SessionOptions): AzureSession {
  const clientOptions = requestPolicyOptions(options.requests);
  switch (options.method) {
    case 'servicePrincipal':
      return new ServicePrincipalSession(
        options.cloud,
        options.servicePrincipal,
        options.servicePrincipalSecret,
        clientOptions,
      );
    case 'azureCli':
      return new AzureCliSession(options.cloud, clientOptions);
    case 'vscode': {
      const support = vsCodeAccountSupport(options.cloud);
      if (support.provider === undefined) throw new CloudConfigurationError(support.reason);
      return new VsCodeAccountSession(options.cloud, support.provider, options.requests.timeoutMs, clientOptions);
    }
  }
}

/** What the tree and the wizard read and write with, for one session: one pool of clients behind both. */
export interface SessionSdk {
  reader: ResourceReader;
  /** Factories, pipelines, runs and batch jobs (the Data Factory side of the sidebar). */
  factories: FactoryReader;
  wizardAzure(tenantId: string, subscriptionId: string): WizardAzure;
}

export function createSessionSdk(session: AzureSession, requests: RequestPolicyOptions): SessionSdk {
  const pool = new AzureClientPool({
    cloud: session.cloud,
    credentialForTenant: (tenantId) => session.getCredential(tenantId),
    clientOptions: requestPolicyOptions(requests),
  });
  const stores = new Map<string, WizardAzure>();
  return {
    reader: new SdkResourceReader(pool),
    factories: new SdkFactoryReader(pool),
    wizardAzure(tenantId: string, subscriptionId: string): WizardAzure {
      const key = `${tenantId}/${subscriptionId}`.toLowerCase();
      let store = stores.get(key);
      if (!store) {
        store = createWizardAzure(pool, tenantId, subscriptionId);
        stores.set(key, store);
      }
      return store;
    },
  };
}
