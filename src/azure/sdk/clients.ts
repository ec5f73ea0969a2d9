// Builds the official ARM SDK clients for one cloud (the only place outside the emulator that does). The SDK's default pipeline already retries 429 (with
// Retry-After), 503 and connection failures, so no retry policy is added here.
import type { TokenCredential } from '@azure/identity';
import type { CommonClientOptions } from '@azure/core-client';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { DataFactoryManagementClient } from '@azure/arm-datafactory';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { SubscriptionClient } from '@azure/arm-resources-subscriptions';
import { armScope, type CloudDefinition } from '../../core/azure';

export interface ClientFactoryOptions {
  cloud: CloudDefinition;
  credential: TokenCredential;
  /** Extra pipeline options (e.g. an httpClient trusting a private CA in tests, a user agent prefix). */
  clientOptions?: CommonClientOptions;
}

interface ArmClientOptions extends CommonClientOptions {
  endpoint: string;
  $host: string;
  credentialScopes: string[];
}

export function armClientOptions(options: ClientFactoryOptions): ArmClientOptions {
  return {
    ...options.clientOptions,
    userAgentOptions: { userAgentPrefix: 'adf-batch-endpoints', ...options.clientOptions?.userAgentOptions },
    endpoint: options.cloud.resourceManagerEndpoint,
    // The generated clients substitute {$host} in some operations: keep it on the same endpoint.
    $host: options.cloud.resourceManagerEndpoint,
    credentialScopes: [armScope(options.cloud)],
  };
}

export function createMachineLearningClient(
  options: ClientFactoryOptions,
  subscriptionId: string,
): AzureMachineLearningWorkspaces {
  return new AzureMachineLearningWorkspaces(options.credential, subscriptionId, armClientOptions(options));
}

export function createDataFactoryClient(
  options: ClientFactoryOptions,
  subscriptionId: string,
): DataFactoryManagementClient {
  return new DataFactoryManagementClient(options.credential, subscriptionId, armClientOptions(options));
}

export function createAuthorizationClient(
  options: ClientFactoryOptions,
  subscriptionId: string,
): AuthorizationManagementClient {
  return new AuthorizationManagementClient(options.credential, subscriptionId, armClientOptions(options));
}

export function createSubscriptionClient(options: ClientFactoryOptions): SubscriptionClient {
  return new SubscriptionClient(options.credential, armClientOptions(options));
}
