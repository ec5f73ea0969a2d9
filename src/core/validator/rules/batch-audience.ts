// ADF705: the token a batch endpoint call uses must be for the Azure ML audience of a cloud.
import * as l10n from '@vscode/l10n';
import { AZURE_CLOUDS } from '../../clouds';
import { propertyValue } from '../../json';
import type { AdfString, ValidationContext } from '../context';
import { fixedTexts } from '../dynamic-text';
import type { ActivityInfo, PipelineInfo } from '../pipeline-model';
import { isTokenRequest } from '../secrets';
import { fullText, staticText, type StaticText } from '../static-text';

const ML_AUDIENCES = new Set(Object.values(AZURE_CLOUDS).map((c) => normalizeAudience(c.mlAudience)));
const WRONG_AUDIENCES = new Set(
  [
    ...Object.values(AZURE_CLOUDS).flatMap((c) => [c.armAudience, c.resourceManagerEndpoint]),
    'https://management.core.windows.net',
    'https://management.core.chinacloudapi.cn',
    'https://management.core.usgovcloudapi.net',
    'https://storage.azure.com',
    'https://vault.azure.net',
    'https://graph.microsoft.com',
    'https://database.windows.net',
  ].map(normalizeAudience),
);

/** ADF705: the token the batch calls use must be for the ML audience. */
export function checkAudiences(context: ValidationContext, pipeline: PipelineInfo, related: Set<ActivityInfo>): void {
  const tokenActivities = new Set<string>();
  for (const activity of related) {
    const auth = propertyValue(activity.typeProperties, 'authentication');
    const resource = propertyValue(auth, 'resource');
    const s = resource ? context.valueString(activity, resource) : undefined;
    if (s) checkAudience(context, activity, staticText(context.parsed(s), s.value, pipeline), context.rangeOf(s.node));
    for (const str of context.activityStrings(activity)) {
      const parsed = context.parsed(str);
      if (parsed.kind === 'literal') continue;
      for (const ref of context.references(parsed))
        if (ref.kind === 'activity') tokenActivities.add(ref.name.toLowerCase());
    }
  }
  for (const activity of pipeline.activities) {
    if (!activity.name || !tokenActivities.has(activity.name.toLowerCase()) || !isTokenRequest(context, activity))
      continue;
    const body = context.valueString(activity, propertyValue(activity.typeProperties, 'body'));
    if (!body) continue;
    const audience = formAudience(context, body);
    if (audience !== undefined)
      checkAudience(
        context,
        activity,
        { parts: [audience], varying: false, dynamic: false, parameters: [] },
        context.rangeOf(body.node),
      );
  }
}

function checkAudience(
  context: ValidationContext,
  activity: ActivityInfo,
  text: StaticText,
  range: { start: number; end: number },
): void {
  const value = fullText(text);
  if (value === undefined) return;
  const normalized = normalizeAudience(value);
  if (ML_AUDIENCES.has(normalized)) return;
  const wrong = WRONG_AUDIENCES.has(normalized);
  context.report(
    'ADF705',
    range,
    l10n.t(
      '"{0}" gets a token for "{1}", but a batch endpoint only accepts the Azure ML audience ({2}, by cloud){3}.',
      String(activity.name),
      value,
      [...ML_AUDIENCES].join(', '),
      wrong ? '' : l10n.t(' unless this is a custom cloud'),
    ),
    { severity: wrong ? 'error' : 'warning' },
  );
}

/** The `resource=` (v1) or `scope=` (v2) value of a client-credentials form body. */
function formAudience(context: ValidationContext, body: AdfString): string | undefined {
  const texts = fixedTexts(context, body);
  for (let i = 0; i < texts.length; i++) {
    const match =
      /(?:^|&)(resource|scope)=([^&]*)$/i.exec(texts[i]) ?? /(?:^|&)(resource|scope)=([^&]*)&/i.exec(texts[i]);
    if (!match) continue;
    const raw = match[2] !== '' ? match[2] : texts[i + 1];
    if (raw === undefined) return undefined;
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

function normalizeAudience(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/\/\.default$/, '')
    .replace(/\/+$/, '');
}
