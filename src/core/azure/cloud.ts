// Picks the cloud the sidebar talks to from the settings' values, on top of the shared table in
// src/core/clouds.ts, and derives the ARM token scope.
import {
  CloudConfigurationError,
  customCloud,
  getCloud,
  isCloudName,
  type CloudDefinition,
  type CustomCloudSettings,
} from '../clouds';

export { CloudConfigurationError, type CloudDefinition, type CustomCloudSettings };

/**
 * The cloud named by `adfBatchEndpoints.cloud` ("Custom" reads `adfBatchEndpoints.customCloud`). Throws a
 * CloudConfigurationError naming the setting to fix when the values are unusable.
 */
export function resolveCloud(name: string | undefined, custom?: Partial<CustomCloudSettings>): CloudDefinition {
  const cloudName = name ?? 'AzureCloud';
  if (isCloudName(cloudName)) return getCloud(cloudName);
  if (cloudName !== 'Custom') {
    throw new CloudConfigurationError(
      `Unknown cloud "${cloudName}" in adfBatchEndpoints.cloud; expected AzureCloud, AzureChinaCloud, AzureUSGovernment or Custom.`,
    );
  }
  try {
    return customCloud((custom ?? {}) as CustomCloudSettings);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CloudConfigurationError(`adfBatchEndpoints.customCloud: ${message}`);
  }
}

/** The scope to ask a credential for when calling ARM in this cloud: `<ARM audience>/.default`. */
export function armScope(cloud: CloudDefinition): string {
  return `${cloud.armAudience.replace(/\/+$/, '')}/.default`;
}
