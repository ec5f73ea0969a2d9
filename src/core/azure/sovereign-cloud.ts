// VS Code's Microsoft accounts reach China and US Government through the `microsoft-sovereign-cloud`
// authentication provider, chosen by the `microsoft-sovereign-cloud.environment` setting. A custom cloud (a
// private endpoint, the offline emulator) signs in like the cloud whose ARM token audience it uses.
import { AZURE_CLOUDS, CLOUD_NAMES, type CloudDefinition, type CloudName } from '../clouds';

export type VsCodeAuthProviderId = 'microsoft' | 'microsoft-sovereign-cloud';

export type VsCodeAccountSupport =
  | { provider: 'microsoft'; environment: undefined }
  | { provider: 'microsoft-sovereign-cloud'; environment: 'ChinaCloud' | 'USGovernment' }
  | { provider: undefined; reason: string };

const BY_CLOUD: Readonly<Record<CloudName, VsCodeAccountSupport>> = {
  AzureCloud: { provider: 'microsoft', environment: undefined },
  AzureChinaCloud: { provider: 'microsoft-sovereign-cloud', environment: 'ChinaCloud' },
  AzureUSGovernment: { provider: 'microsoft-sovereign-cloud', environment: 'USGovernment' },
};

/** How VS Code accounts sign in to the cloud of `adfBatchEndpoints.cloud` (and `customCloud`). */
export function vsCodeAccountSupport(cloud: CloudDefinition): VsCodeAccountSupport {
  const name = cloud.name === 'Custom' ? knownCloudOfAudience(cloud.armAudience) : cloud.name;
  if (name) return BY_CLOUD[name];
  return {
    provider: undefined,
    reason: `VS Code accounts sign in to public Azure, Azure China and Azure US Government only; this custom cloud's ARM audience (${cloud.armAudience}) is none of theirs. Use a service principal or the Azure CLI (adfBatchEndpoints.signInMethod).`,
  };
}

/** True when `microsoft-sovereign-cloud.environment` already selects what the cloud needs. */
export function sovereignSettingMatches(
  support: VsCodeAccountSupport,
  currentEnvironment: string | undefined,
): boolean {
  if (support.provider === undefined) return false;
  return (currentEnvironment || undefined) === support.environment;
}

/** The known cloud whose ARM audience this is (slash- and case-insensitive). */
function knownCloudOfAudience(audience: string): CloudName | undefined {
  const wanted = audience.replace(/\/+$/, '').toLowerCase();
  return CLOUD_NAMES.find((n) => AZURE_CLOUDS[n].armAudience.replace(/\/+$/, '').toLowerCase() === wanted);
}
