// How each authentication variant gets a token for the ML audience into the Web activities.
import { CloudDefinition } from '../clouds';
import { Activity, JsonObject, expression } from './model';
import { PARAMETER } from './names';
import { adfStringLiteral } from './expressions';
import { AuthOptions } from './options';

export interface AuthPlan {
  /** `typeProperties.authentication` of the calls to the endpoint, when ADF itself gets the token. */
  authentication?: JsonObject;
  /** Extra request headers for a call whose token comes from the named token activity. */
  headersFor(tokenActivity: string): JsonObject;
  /** Token activity before the invoke (and the one renewed inside the loop), for the Authorize variant. */
  tokenActivity?(name: string): Activity;
  /** True when a token passes in the endpoint calls' input: they must hide it from run history. */
  tokenInInput: boolean;
}

export function planAuthentication(auth: AuthOptions, cloud: CloudDefinition): AuthPlan {
  const resource = cloud.mlAudience;
  const noHeaders = (): JsonObject => ({});
  switch (auth.kind) {
    case 'mi':
      return { authentication: { type: 'MSI', resource }, headersFor: noHeaders, tokenInInput: false };
    case 'uami':
      return {
        authentication: {
          type: 'UserAssignedManagedIdentity',
          resource,
          credential: { referenceName: auth.credentialName, type: 'CredentialReference' },
        },
        headersFor: noHeaders,
        tokenInInput: false,
      };
    case 'sp-keyvault':
      return {
        authentication: {
          type: 'ServicePrincipal',
          userTenant: expression(`@pipeline().parameters.${PARAMETER.tenantId}`),
          username: expression(`@pipeline().parameters.${PARAMETER.clientId}`),
          resource,
          password: {
            type: 'AzureKeyVaultSecret',
            store: { referenceName: auth.keyVaultLinkedService, type: 'LinkedServiceReference' },
            secretName: auth.secretName,
          },
        },
        headersFor: noHeaders,
        tokenInInput: false,
      };
    case 'sp-secret':
      return {
        headersFor: (tokenActivity) => ({
          Authorization: expression(`Bearer @{activity('${tokenActivity}').output.access_token}`),
        }),
        tokenActivity: (name) => clientCredentialsTokenActivity(name, cloud),
        tokenInInput: true,
      };
  }
}

/**
 * Entra ID v1 token endpoint with client credentials, as the documented template does, but with the secret a
 * SecureString parameter, every form value URL-encoded (secrets may hold `+` or `&`), and input and output
 * (secret in, token out) hidden from run history.
 */
function clientCredentialsTokenActivity(name: string, cloud: CloudDefinition): Activity {
  const p = (parameter: string): string => `encodeUriComponent(pipeline().parameters.${parameter})`;
  return {
    name,
    description: 'Gets a token for the Azure ML audience with the service principal (client credentials).',
    type: 'WebActivity',
    dependsOn: [],
    policy: { timeout: '0.00:05:00', retry: 2, retryIntervalInSeconds: 30, secureOutput: true, secureInput: true },
    userProperties: [],
    typeProperties: {
      method: 'POST',
      url: expression(
        `@concat(${adfStringLiteral(`${cloud.authorityHost}/`)}, pipeline().parameters.${PARAMETER.tenantId}, '/oauth2/token')`,
      ),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: expression(
        `@concat('grant_type=client_credentials&client_id=', ${p(PARAMETER.clientId)}, '&client_secret=', ${p(PARAMETER.clientSecret)}, '&resource=', encodeUriComponent(${adfStringLiteral(cloud.mlAudience)}))`,
      ),
    },
  };
}
