// The batch endpoint a wizard is for: the parts of the sidebar's BatchEndpointInfo the wizard uses.

export interface WizardWorkspace {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  tenantId: string;
}

export interface WizardEndpoint {
  id: string;
  name: string;
  scoringUri?: string;
  authMode?: string;
  defaultDeployment?: string;
  provisioningState?: string;
  workspace: WizardWorkspace;
}

/** The key of the one panel per endpoint. */
export function endpointKey(endpoint: { id: string }): string {
  return endpoint.id.toLowerCase().replace(/\/+$/, '');
}
