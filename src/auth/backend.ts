// The heavy half of the sidebar: everything that pulls in the Azure SDK and @azure/identity. esbuild makes
// it a bundle of its own (dist/azure.js) that load-backend.ts requires at first use, so activating the
// extension loads none of it.
import type { CloudDefinition } from '../core/azure/cloud';
import type { ResourceReader } from '../core/azure/resource-loader';
import { SdkResourceReader } from '../core/azure/sdk-reader';
import type { ServicePrincipalSettings, SignInMethod } from '../settings';
import { AzureCliSession } from './cli-session';
import { ServicePrincipalSession } from './service-principal-session';
import type { AzureSession } from './session';
import { VsCodeAccountSession } from './vscode-session';

// Other features reach their SDK code through this bundle too (never through import(), which esbuild
// inlines into dist/extension.js): e.g. the wizard's publishing stores.
export { createWizardAzure } from '../core/publish/azure-operations';

export interface SessionOptions {
  method: SignInMethod;
  cloud: CloudDefinition;
  servicePrincipal: ServicePrincipalSettings;
  servicePrincipalSecret: string | undefined;
}

export function createAzureSession(options: SessionOptions): AzureSession {
  switch (options.method) {
    case 'servicePrincipal': return new ServicePrincipalSession(options.cloud, options.servicePrincipal, options.servicePrincipalSecret);
    case 'azureCli': return new AzureCliSession(options.cloud);
    case 'vscode': return new VsCodeAccountSession(options.cloud);
  }
}

export function createResourceReader(session: AzureSession): ResourceReader {
  return new SdkResourceReader({ cloud: session.cloud, credentialForTenant: (tenantId) => session.getCredential(tenantId) });
}
