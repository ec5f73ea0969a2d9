// The endpoint step: the endpoint must have a scoring URI, use Entra tokens, and either have a default
// deployment or be called with an explicitly chosen one (invoking without either fails).
import { fail, info, pass, warn, type PreflightCheck } from './types';

export interface EndpointFacts {
  name: string;
  scoringUri?: string;
  authMode?: string;
  provisioningState?: string;
  defaultDeployment?: string;
  deployments: ReadonlyArray<{ name: string; provisioningState?: string }>;
}

/** `chosenDeployment` empty or undefined means "the endpoint's default". */
export function checkEndpoint(endpoint: EndpointFacts, chosenDeployment?: string): PreflightCheck[] {
  const checks: PreflightCheck[] = [];
  if (!endpoint.scoringUri) {
    checks.push(
      fail(
        'endpoint.scoringUri',
        'Scoring URI',
        `Batch endpoint ${endpoint.name} has no scoring URI yet.`,
        'Wait until the endpoint is provisioned (refresh the tree), then start again.',
      ),
    );
  } else {
    checks.push(pass('endpoint.scoringUri', 'Scoring URI', endpoint.scoringUri));
  }
  if (endpoint.authMode && endpoint.authMode.toLowerCase() !== 'aadtoken') {
    checks.push(
      fail(
        'endpoint.authMode',
        'Authentication mode',
        `The endpoint uses ${endpoint.authMode}; Data Factory calls batch endpoints with a Microsoft Entra token (AADToken).`,
        'Batch endpoints support AADToken only: recreate the endpoint with auth mode AADToken.',
      ),
    );
  } else {
    checks.push(
      pass(
        'endpoint.authMode',
        'Authentication mode',
        `${endpoint.authMode ?? 'AADToken'}: Data Factory gets a Microsoft Entra token for the Azure ML audience.`,
      ),
    );
  }
  if (endpoint.provisioningState && endpoint.provisioningState !== 'Succeeded') {
    checks.push(
      warn(
        'endpoint.provisioningState',
        'Provisioning state',
        `The endpoint is ${endpoint.provisioningState}.`,
        'Jobs may fail until it is Succeeded.',
      ),
    );
  }
  checks.push(deploymentCheck(endpoint, chosenDeployment?.trim() || undefined));
  return checks;
}

function deploymentCheck(endpoint: EndpointFacts, chosen: string | undefined): PreflightCheck {
  const id = 'endpoint.deployment';
  const title = 'Deployment';
  if (chosen) {
    const deployment = endpoint.deployments.find((d) => d.name.toLowerCase() === chosen.toLowerCase());
    if (!deployment) {
      return fail(
        id,
        title,
        `The endpoint has no deployment named ${chosen}.`,
        `Choose one of: ${endpoint.deployments.map((d) => d.name).join(', ') || '(none)'}.`,
      );
    }
    if (deployment.provisioningState && deployment.provisioningState !== 'Succeeded') {
      return fail(
        id,
        title,
        `Deployment ${deployment.name} is ${deployment.provisioningState}: jobs sent to it would fail.`,
        'Choose a deployment whose provisioning succeeded, or fix this one in Azure ML Studio.',
      );
    }
    return pass(
      id,
      title,
      `Every run targets deployment ${deployment.name} (header azureml-model-deployment), whatever the endpoint's default is.`,
    );
  }
  if (!endpoint.defaultDeployment) {
    return fail(
      id,
      title,
      `Batch endpoint ${endpoint.name} has no default deployment, and invoking an endpoint without one fails.`,
      endpoint.deployments.length > 0
        ? 'Choose a deployment explicitly (the pipeline then names it in the azureml-model-deployment header), or set a default deployment in Azure ML Studio and refresh.'
        : 'The endpoint has no deployments at all: create a batch deployment first, then start again.',
    );
  }
  return info(
    id,
    title,
    `Runs use the endpoint's default deployment, ${endpoint.defaultDeployment}, whichever it is at run time.`,
  );
}
