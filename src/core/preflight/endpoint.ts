// The endpoint step: the endpoint must have a scoring URI, use Entra tokens, and either have a default
// deployment or be called with an explicitly chosen one (invoking without either fails).
import * as l10n from '@vscode/l10n';
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
        l10n.t('Scoring URI'),
        l10n.t('Batch endpoint {0} has no scoring URI yet.', endpoint.name),
        l10n.t('Wait until the endpoint is provisioned (refresh the tree), then start again.'),
      ),
    );
  } else {
    checks.push(pass('endpoint.scoringUri', l10n.t('Scoring URI'), endpoint.scoringUri));
  }
  if (endpoint.authMode && endpoint.authMode.toLowerCase() !== 'aadtoken') {
    checks.push(
      fail(
        'endpoint.authMode',
        l10n.t('Authentication mode'),
        l10n.t(
          'The endpoint uses {0}; Data Factory calls batch endpoints with a Microsoft Entra token (AADToken).',
          endpoint.authMode,
        ),
        l10n.t('Batch endpoints support AADToken only: recreate the endpoint with auth mode AADToken.'),
      ),
    );
  } else {
    checks.push(
      pass(
        'endpoint.authMode',
        l10n.t('Authentication mode'),
        l10n.t(
          '{0}: Data Factory gets a Microsoft Entra token for the Azure ML audience.',
          endpoint.authMode ?? 'AADToken',
        ),
      ),
    );
  }
  if (endpoint.provisioningState && endpoint.provisioningState !== 'Succeeded') {
    checks.push(
      warn(
        'endpoint.provisioningState',
        l10n.t('Provisioning state'),
        l10n.t('The endpoint is {0}.', endpoint.provisioningState),
        l10n.t('Jobs may fail until it is Succeeded.'),
      ),
    );
  }
  checks.push(deploymentCheck(endpoint, chosenDeployment?.trim() || undefined));
  return checks;
}

function deploymentCheck(endpoint: EndpointFacts, chosen: string | undefined): PreflightCheck {
  const id = 'endpoint.deployment';
  const title = l10n.t('Deployment');
  if (chosen) {
    const deployment = endpoint.deployments.find((d) => d.name.toLowerCase() === chosen.toLowerCase());
    if (!deployment) {
      return fail(
        id,
        title,
        l10n.t('The endpoint has no deployment named {0}.', chosen),
        l10n.t('Choose one of: {0}.', endpoint.deployments.map((d) => d.name).join(', ') || l10n.t('(none)')),
      );
    }
    if (deployment.provisioningState && deployment.provisioningState !== 'Succeeded') {
      return fail(
        id,
        title,
        l10n.t('Deployment {0} is {1}: jobs sent to it would fail.', deployment.name, deployment.provisioningState),
        l10n.t('Choose a deployment whose provisioning succeeded, or fix this one in Azure ML Studio.'),
      );
    }
    return pass(
      id,
      title,
      l10n.t(
        "Every run targets deployment {0} (header azureml-model-deployment), whatever the endpoint's default is.",
        deployment.name,
      ),
    );
  }
  if (!endpoint.defaultDeployment) {
    return fail(
      id,
      title,
      l10n.t(
        'Batch endpoint {0} has no default deployment, and invoking an endpoint without one fails.',
        endpoint.name,
      ),
      endpoint.deployments.length > 0
        ? l10n.t(
            'Choose a deployment explicitly (the pipeline then names it in the azureml-model-deployment header), or set a default deployment in Azure ML Studio and refresh.',
          )
        : l10n.t('The endpoint has no deployments at all: create a batch deployment first, then start again.'),
    );
  }
  return info(
    id,
    title,
    l10n.t("Runs use the endpoint's default deployment, {0}, whichever it is at run time.", endpoint.defaultDeployment),
  );
}
