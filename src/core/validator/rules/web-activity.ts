import * as l10n from '@vscode/l10n';
import { booleanValue, propertyNode, propertyValue, stringValue, type JsonNode as Node } from '../../json';
import { isArmExpression } from '../arm';
import type { ValidationContext } from '../context';
import { securePolicyFix } from '../fixes';
import type { ActivityInfo, PipelineInfo } from '../pipeline-model';
import { isPlaceholder, isSecretRead, isTokenRequest, literalSecretIn } from '../secrets';
import type { ValidationRule } from './rule';

const AUTH_NEEDS_RESOURCE = new Set(['msi', 'userassignedmanagedidentity', 'serviceprincipal']);

/** ADF601-ADF606: required Web activity settings, authentication, and secrets in the open. */
export const webActivityRule: ValidationRule = {
  family: 'web',
  run(context: ValidationContext): void {
    for (const pipeline of context.pipelines) {
      for (const activity of pipeline.activities) {
        if (activity.typeLower === 'webactivity') checkWebActivity(context, activity);
      }
      checkSecretFlows(context, pipeline);
    }
  },
};

function checkWebActivity(context: ValidationContext, activity: ActivityInfo): void {
  const tp = activity.typeProperties;
  if (!tp) return; // structure reports a missing typeProperties
  const head = context.activityRange(activity);
  const name = activity.name ?? l10n.t('this Web activity');
  // Fabric pipelines call through a connection with a relative URL instead of a url.
  const viaConnection = !!propertyValue(propertyValue(activity.node, 'externalReferences'), 'connection');
  const url = propertyValue(tp, 'url');
  if (!viaConnection && (!url || (url.type === 'string' && String(url.value).trim() === ''))) {
    context.report('ADF601', url ? context.rangeOf(url) : head, l10n.t('Web activity "{0}" needs a url.', name));
  }
  const methodNode = propertyValue(tp, 'method');
  const method = stringValue(methodNode);
  if (!methodNode || method?.trim() === '') {
    context.report(
      'ADF602',
      methodNode ? context.rangeOf(methodNode) : head,
      l10n.t('Web activity "{0}" needs a method (GET, POST, PUT, DELETE or PATCH).', name),
    );
  } else if (method && /^(post|put)$/i.test(method) && !propertyNode(tp, 'body')) {
    context.report(
      'ADF603',
      context.rangeOf(methodNode),
      l10n.t(
        'Web activity "{0}" uses {1} but has no body; ADF requires a body for POST and PUT.',
        name,
        method.toUpperCase(),
      ),
    );
  }
  checkAuthentication(context, activity, propertyValue(tp, 'authentication'));
  for (const key of ['headers', 'body'] as const) {
    const node = propertyValue(tp, key);
    const secretKey = literalSecretIn(context, activity, node);
    if (node && secretKey) {
      context.report(
        'ADF605',
        context.rangeOf(node),
        l10n.t(
          'The {0} a literal "{1}" in "{2}": anyone who can read the pipeline (and its git history) sees it. Use a SecureString parameter, Key Vault or the activity\'s authentication.',
          key === 'headers' ? l10n.t('headers hold') : l10n.t('body holds'),
          secretKey,
          name,
        ),
      );
    }
  }
}

function checkAuthentication(context: ValidationContext, activity: ActivityInfo, auth: Node | undefined): void {
  if (!auth || auth.type !== 'object') return;
  const type = stringValue(propertyValue(auth, 'type'));
  if (type && AUTH_NEEDS_RESOURCE.has(type.toLowerCase())) {
    const resource = propertyValue(auth, 'resource');
    const empty = !resource || (resource.type === 'string' && String(resource.value).trim() === '');
    if (empty) {
      context.report(
        'ADF604',
        context.rangeOf(resource ?? propertyNode(auth, 'type')?.children?.[0] ?? auth),
        l10n.t(
          '{0} authentication in "{1}" needs a resource: the audience of the token, e.g. https://ml.azure.com for an Azure ML endpoint.',
          type,
          String(activity.name),
        ),
      );
    }
  }
  for (const key of ['password', 'pfx']) {
    const secret = propertyValue(auth, key);
    if (secret?.type !== 'object' || stringValue(propertyValue(secret, 'type'))?.toLowerCase() !== 'securestring')
      continue;
    const value = propertyValue(secret, 'value');
    const text = stringValue(value);
    if (
      value &&
      text !== undefined &&
      !text.startsWith('@') &&
      !isPlaceholder(text) &&
      !(activity.pipeline.inArmTemplate && isArmExpression(text))
    ) {
      context.report(
        'ADF605',
        context.rangeOf(value),
        l10n.t(
          'The authentication {0} of "{1}" is written in the pipeline; keep it in Key Vault (AzureKeyVaultSecret) instead.',
          key,
          String(activity.name),
        ),
      );
    }
  }
}

/**
 * ADF606: activities that produce a token or secret must hide their output, and activities whose input
 * carries one (a SecureString parameter, a token activity's output, a variable holding either) must hide
 * their input.
 */
function checkSecretFlows(context: ValidationContext, pipeline: PipelineInfo): void {
  const producers = new Set(pipeline.activities.filter((a) => isTokenRequest(context, a) || isSecretRead(context, a)));
  const secureParameters = new Set<string>();
  for (const [lower, declaration] of pipeline.parameters ?? []) {
    if (stringValue(propertyValue(declaration.valueNode, 'type'))?.toLowerCase() === 'securestring')
      secureParameters.add(lower);
  }
  if (producers.size === 0 && secureParameters.size === 0) return;

  const secretVariables = new Set<string>();
  const carriesSecret = new Map<ActivityInfo, string>();
  // Two passes: a variable set from a secret in the first pass taints its readers in the second.
  for (let pass = 0; pass < 2; pass++) {
    for (const activity of pipeline.activities) {
      if (carriesSecret.has(activity)) continue;
      const why = secretInput(context, activity, producers, secureParameters, secretVariables);
      if (!why) continue;
      carriesSecret.set(activity, why);
      if (activity.typeLower === 'setvariable' || activity.typeLower === 'appendvariable') {
        const variable = stringValue(propertyValue(activity.typeProperties, 'variableName'));
        if (variable) secretVariables.add(variable.toLowerCase());
      }
    }
  }

  for (const activity of pipeline.activities) {
    const missing: ('secureInput' | 'secureOutput')[] = [];
    const reasons: string[] = [];
    const policy = propertyValue(activity.node, 'policy');
    const inputWhy = carriesSecret.get(activity);
    if (inputWhy && booleanValue(propertyValue(policy, 'secureInput')) !== true) {
      missing.push('secureInput');
      reasons.push(l10n.t('its input carries {0}', inputWhy));
    }
    const makesSecret =
      producers.has(activity) || (carriesSecret.has(activity) && activity.typeLower === 'setvariable');
    if (
      makesSecret &&
      booleanValue(propertyValue(policy, 'secureOutput')) !== true &&
      activity.typeLower !== 'executepipeline'
    ) {
      missing.push('secureOutput');
      reasons.push(
        producers.has(activity)
          ? l10n.t('its output is a token or secret')
          : l10n.t('its output holds the secret it sets'),
      );
    }
    if (missing.length === 0) continue;
    context.report(
      'ADF606',
      context.activityRange(activity),
      l10n.t(
        '"{0}" shows a secret in the run history: {1}. Set policy.{2} to true.',
        String(activity.name),
        reasons.join(l10n.t(' and ')),
        missing.join(l10n.t(' and policy.')),
      ),
      {
        fix: () => securePolicyFix(context, activity, missing),
      },
    );
  }
}

function secretInput(
  context: ValidationContext,
  activity: ActivityInfo,
  producers: Set<ActivityInfo>,
  secureParameters: Set<string>,
  secretVariables: Set<string>,
): string | undefined {
  for (const s of context.activityStrings(activity)) {
    const parsed = context.parsed(s);
    if (parsed.kind === 'literal') continue;
    for (const reference of context.references(parsed)) {
      const lower = reference.name.toLowerCase();
      if (reference.kind === 'parameter' && secureParameters.has(lower))
        return l10n.t('the SecureString parameter "{0}"', reference.name);
      if (reference.kind === 'variable' && secretVariables.has(lower))
        return l10n.t('the variable "{0}" (set from a secret)', reference.name);
      // `activity('X').error` / `.status` is what went wrong or how X ended, never X's output (the token).
      if (reference.kind === 'activity' && !/^\s*\??\.\s*(error|status)\b/i.test(s.value.slice(reference.span.end))) {
        const producer = [...producers].find((p) => p.name?.toLowerCase() === lower);
        if (producer && producer !== activity)
          return l10n.t('the output of "{0}" (a token or secret)', String(producer.name));
      }
    }
  }
  return undefined;
}
