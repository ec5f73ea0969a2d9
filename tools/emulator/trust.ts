// In-process trust of the emulator's CA for the Azure SDKs and @azure/identity.
// Node 20 reads NODE_EXTRA_CA_CERTS only at process start, and the SDKs' node HTTP client makes its own
// https.Agent (so https.globalAgent options do not apply). A per-call pipeline policy that sets
// `request.tlsSettings` works for every SDK client and for the credentials' token requests alike.
import { rootCertificates } from 'node:tls';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

export interface EmulatorEndpoint {
  url: string;
  caCertPem: string;
}

/** A policy making requests trust the public roots plus the emulator CA. */
export function trustEmulatorCaPolicy(caCertPem: string): PipelinePolicy {
  // One settings object: the SDK caches its https.Agent per tlsSettings object.
  const tlsSettings = { ca: [...rootCertificates, caCertPem] };
  return {
    name: 'trustEmulatorCa',
    sendRequest(request, next) {
      request.tlsSettings = tlsSettings;
      return next(request);
    },
  };
}

/** Options for an ARM SDK client (MachineLearning, DataFactory, Authorization, Subscription) pointed at the emulator. */
export function emulatorArmClientOptions(emulator: EmulatorEndpoint): {
  endpoint: string;
  credentialScopes: string[];
  additionalPolicies: Array<{ policy: PipelinePolicy; position: 'perCall' }>;
} {
  return {
    endpoint: emulator.url,
    credentialScopes: ['https://management.azure.com/.default'],
    additionalPolicies: [{ policy: trustEmulatorCaPolicy(emulator.caCertPem), position: 'perCall' }],
  };
}

/** Options for an @azure/identity credential (e.g. ClientSecretCredential) against the emulator's Entra ID. */
export function emulatorCredentialOptions(emulator: EmulatorEndpoint): {
  authorityHost: string;
  disableInstanceDiscovery: boolean;
  additionalPolicies: Array<{ policy: PipelinePolicy; position: 'perCall' }>;
} {
  return {
    authorityHost: emulator.url,
    disableInstanceDiscovery: true,
    additionalPolicies: [{ policy: trustEmulatorCaPolicy(emulator.caCertPem), position: 'perCall' }],
  };
}
