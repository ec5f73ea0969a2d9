// VS Code's Microsoft accounts reach China and US Government through the `microsoft-sovereign-cloud`
// authentication provider, chosen by the `microsoft-sovereign-cloud.environment` setting.

export type VsCodeAccountSupport =
  | { provider: 'microsoft'; environment: undefined }
  | { provider: 'microsoft-sovereign-cloud'; environment: 'ChinaCloud' | 'USGovernment' }
  | { provider: undefined; reason: string };

/** How VS Code accounts sign in to the given cloud (`adfBatchEndpoints.cloud`). */
export function vsCodeAccountSupport(cloudName: string): VsCodeAccountSupport {
  switch (cloudName) {
    case 'AzureCloud':
      return { provider: 'microsoft', environment: undefined };
    case 'AzureChinaCloud':
      return { provider: 'microsoft-sovereign-cloud', environment: 'ChinaCloud' };
    case 'AzureUSGovernment':
      return { provider: 'microsoft-sovereign-cloud', environment: 'USGovernment' };
    default:
      return {
        provider: undefined,
        reason:
          'VS Code accounts cannot sign in to a custom cloud from this extension: use a service principal or the Azure CLI (adfBatchEndpoints.signInMethod).',
      };
  }
}

/** True when `microsoft-sovereign-cloud.environment` already selects what the cloud needs. */
export function sovereignSettingMatches(cloudName: string, currentEnvironment: string | undefined): boolean {
  const support = vsCodeAccountSupport(cloudName);
  if (support.provider === undefined) return false;
  return (currentEnvironment || undefined) === support.environment;
}
