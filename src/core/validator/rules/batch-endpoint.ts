import * as l10n from '@vscode/l10n';
import { objectEntries, propertyNode, propertyValue, stringValue, type JsonNode as Node } from '../../json';
import { JOB_INPUT_TYPES as INPUT_TYPES } from '../../pipeline';
import { bodyView, type BodyView } from '../batch-body';
import type { ValidationContext } from '../context';
import type { ActivityInfo } from '../pipeline-model';
import { fullText, knownPrefix, knownSuffix, staticText } from '../static-text';
import { checkAudiences } from './batch-audience';
import { checkLoop, isInside, pollingLoops } from './batch-polling-loop';
import type { ValidationRule } from './rule';

/** Job input types the data plane knows but that do not fit a batch endpoint called from ADF. */
const OTHER_INPUT_TYPES = ['MLTable', 'Literal', 'CustomModel', 'MLFlowModel', 'TritonModel'];
const DATASTORE_URI = /^azureml:\/\/datastores\/([^/]+)\/paths\/(.+)$/i;

/**
 * ADF701-ADF708: a Web activity that invokes an Azure ML batch endpoint (recognised by its body or by a POST
 * to a scoring URI ending in /jobs), the loop that polls its job, and the token it uses.
 */
export const batchEndpointRule: ValidationRule = {
  family: 'batchEndpoint',
  run(context: ValidationContext): void {
    for (const pipeline of context.pipelines) {
      const invokes = pipeline.activities
        .filter((a) => a.typeLower === 'webactivity')
        .map((a) => asInvoke(context, a))
        .filter((x) => x !== undefined);
      if (invokes.length === 0) continue;
      const related = new Set<ActivityInfo>();
      for (const invoke of invokes) {
        checkBody(context, invoke);
        related.add(invoke.activity);
        for (const loop of pollingLoops(context, pipeline, invoke.activity)) {
          checkLoop(context, loop);
          for (const inner of pipeline.activities)
            if (isInside(inner, loop) && inner.typeLower === 'webactivity') related.add(inner);
        }
      }
      checkAudiences(context, pipeline, related);
    }
  },
};

interface Invoke {
  readonly activity: ActivityInfo;
  readonly view?: BodyView;
}

function asInvoke(context: ValidationContext, activity: ActivityInfo): Invoke | undefined {
  const method = stringValue(propertyValue(activity.typeProperties, 'method'))?.toUpperCase();
  const body = propertyValue(activity.typeProperties, 'body');
  // Cheap look at the raw body text first: most Web activities are not batch endpoint calls.
  const mentionsJobData =
    !!body && /inputdata|outputdata/i.test(context.text.slice(body.offset, body.offset + body.length));
  if (!mentionsJobData && method !== 'POST') return undefined;
  const view = mentionsJobData ? bodyView(context, activity) : undefined;
  const properties = view ? propertyValue(view.root, 'properties') : undefined;
  if (properties && (propertyNode(properties, 'InputData') || propertyNode(properties, 'OutputData')))
    return { activity, view };
  if (method !== 'POST') return undefined;
  // A POST whose body is built by an expression (e.g. `@concat('{...')`) but names the batch job's
  // JobInputType/JobOutputType: still the batch invoke, even though its body cannot be read statically.
  if (
    mentionsJobData &&
    body &&
    /jobinputtype|joboutputtype/i.test(context.text.slice(body.offset, body.offset + body.length))
  )
    return { activity, view };
  const url = context.valueString(activity, propertyValue(activity.typeProperties, 'url'));
  const known = url ? fullText(staticText(context.parsed(url), url.value, activity.pipeline)) : undefined;
  if (known && /\/jobs\/?(\?.*)?$/i.test(known) && /\.ml\.azure\.|inference|\/ml\//i.test(known))
    return { activity, view: view ?? bodyView(context, activity) };
  return undefined;
}

function checkBody(context: ValidationContext, invoke: Invoke): void {
  const { activity, view } = invoke;
  const name = activity.name ?? l10n.t('the batch endpoint call');
  if (!view) {
    const body = propertyValue(activity.typeProperties, 'body');
    // An expression that builds the body (json(concat(...))) cannot be checked before a run.
    const bodyString = context.valueString(activity, body);
    if (bodyString && context.parsed(bodyString).kind === 'expression') return;
    context.report(
      'ADF701',
      context.activityRange(activity),
      l10n.t(
        '"{0}" posts to a batch endpoint but its body is not {"properties": {"InputData": {...}, "OutputData": {...}}}.',
        name,
      ),
    );
    return;
  }
  const properties = propertyValue(view.root, 'properties');
  if (!properties || properties.type !== 'object') {
    context.report(
      'ADF701',
      view.range(properties ?? view.root),
      l10n.t('The batch job body needs a "properties" object with InputData (and optionally OutputData).'),
    );
    return;
  }
  if (
    propertyNode(properties, 'inputs') ||
    propertyNode(properties, 'outputs') ||
    propertyNode(properties, 'jobType')
  ) {
    context.report(
      'ADF701',
      view.range(keyNodeOf(properties, 'inputs') ?? keyNodeOf(properties, 'outputs') ?? properties),
      l10n.t(
        'This is the ARM Jobs API body (properties.inputs/outputs); a batch endpoint scoring URI expects properties.InputData and properties.OutputData with JobInputType/JobOutputType and Uri.',
      ),
    );
    return;
  }
  const inputs = propertyValue(properties, 'InputData');
  if (!inputs) {
    context.report(
      'ADF701',
      view.range(keyNodeOf(view.root, 'properties') ?? properties),
      l10n.t('The batch job body has no properties.InputData.'),
    );
  } else {
    checkEntries(context, view, inputs, 'InputData', (entryName, entry) => checkInput(context, view, entryName, entry));
  }
  const outputs = propertyValue(properties, 'OutputData');
  if (outputs)
    checkEntries(context, view, outputs, 'OutputData', (entryName, entry) =>
      checkOutput(context, view, entryName, entry),
    );
}

function checkEntries(
  context: ValidationContext,
  view: BodyView,
  node: Node,
  what: string,
  check: (name: string, entry: Node) => void,
): void {
  if (node.type !== 'object' || !node.children?.length) {
    context.report(
      'ADF701',
      view.range(node),
      l10n.t(
        '{0} must be an object of named entries, e.g. {"input_data": {"JobInputType": "UriFolder", "Uri": "azureml://datastores/<name>/paths/<folder>/"}}.',
        what,
      ),
    );
    return;
  }
  for (const [entryName, keyNode, entry] of objectEntries(node)) {
    if (entry.type !== 'object') {
      context.report(
        'ADF701',
        view.range(keyNode),
        l10n.t(
          '{0}.{1} must be an object with {2} and Uri.',
          what,
          entryName,
          what === 'InputData' ? 'JobInputType' : 'JobOutputType',
        ),
      );
      continue;
    }
    check(entryName, entry);
  }
}

function checkInput(context: ValidationContext, view: BodyView, entryName: string, entry: Node): void {
  const typeNode = propertyValue(entry, 'JobInputType');
  const uriNode = propertyValue(entry, 'Uri');
  const entryRange = view.range(entry);
  if (!typeNode)
    context.report(
      'ADF701',
      entryRange,
      l10n.t('InputData.{0} has no JobInputType (UriFolder or UriFile).', entryName),
    );
  if (!uriNode) context.report('ADF701', entryRange, l10n.t('InputData.{0} has no Uri.', entryName));
  if (typeNode) {
    const type = view.text(typeNode);
    const value = type ? fullText(type) : undefined;
    if (value !== undefined && !INPUT_TYPES.some((t) => t.toLowerCase() === value.toLowerCase())) {
      const armSpelling = /^uri_(folder|file)$/i.test(value);
      const other = OTHER_INPUT_TYPES.some((t) => t.toLowerCase() === value.toLowerCase());
      context.report(
        'ADF702',
        view.range(typeNode),
        armSpelling
          ? l10n.t(
              '"{0}" is the ARM Jobs API spelling; the batch endpoint expects {1}.',
              value,
              value.toLowerCase() === 'uri_folder' ? 'UriFolder' : 'UriFile',
            )
          : l10n.t(
              'Input type "{0}" {1}; use UriFolder or UriFile.',
              value,
              other ? l10n.t('is not supported for batch endpoints called from ADF') : l10n.t('is unknown'),
            ),
        { severity: other ? 'warning' : 'error' },
      );
    }
  }
}

function checkOutput(context: ValidationContext, view: BodyView, entryName: string, entry: Node): void {
  const typeNode = propertyValue(entry, 'JobOutputType');
  const uriNode = propertyValue(entry, 'Uri');
  if (typeNode) {
    const type = view.text(typeNode);
    const value = type ? fullText(type) : undefined;
    if (value !== undefined && value.toLowerCase() !== 'urifile') {
      context.report(
        'ADF703',
        view.range(typeNode),
        l10n.t('Batch endpoint output "{0}" must be a file: JobOutputType "UriFile", not "{1}".', entryName, value),
      );
    }
  } else {
    context.report('ADF701', view.range(entry), l10n.t('OutputData.{0} has no JobOutputType (UriFile).', entryName));
  }
  if (!uriNode) {
    context.report('ADF701', view.range(entry), l10n.t('OutputData.{0} has no Uri.', entryName));
    return;
  }
  const uri = view.text(uriNode);
  if (!uri) return;
  const range = view.range(uriNode);
  const full = fullText(uri);
  const prefix = knownPrefix(uri);
  const datastorePrefix = 'azureml://datastores/';
  if (full !== undefined) {
    if (!DATASTORE_URI.test(full)) {
      context.report(
        'ADF703',
        range,
        l10n.t(
          'The output "{0}" is not on a registered datastore: use azureml://datastores/<datastore>/paths/<folder>/<file>.',
          full,
        ),
      );
      return;
    }
    if (full.endsWith('/')) {
      context.report(
        'ADF703',
        range,
        l10n.t(
          'The output "{0}" is a folder; a batch endpoint output must be a file (e.g. .../predictions.csv).',
          full,
        ),
      );
      return;
    }
  } else if (
    prefix &&
    !prefix.toLowerCase().startsWith(datastorePrefix) &&
    !datastorePrefix.startsWith(prefix.toLowerCase())
  ) {
    context.report(
      'ADF703',
      range,
      l10n.t(
        'The output starts with "{0}", which is not a registered datastore: use azureml://datastores/<datastore>/paths/<folder>/<file>.',
        prefix,
      ),
    );
    return;
  } else if (uri.parts[uri.parts.length - 1] !== null && knownSuffix(uri).endsWith('/')) {
    context.report(
      'ADF703',
      range,
      l10n.t('The output ends with "/": a batch endpoint output must be a file, not a folder.'),
    );
    return;
  }
  if (!uri.varying && full !== undefined) {
    const via = uri.parameters.length
      ? l10n.t(' (parameter {0} by default)', uri.parameters.map((p) => `"${p}"`).join(', '))
      : '';
    context.report(
      'ADF704',
      range,
      l10n.t(
        "The output path is the same on every run{0}: a rerun fails with \"the path already exists\". Build it from pipeline().RunId, e.g. @{concat('azureml://datastores/<name>/paths/<folder>/', pipeline().RunId, '/predictions.csv')}.",
        via,
      ),
    );
  }
}

function keyNodeOf(node: Node, key: string): Node | undefined {
  return propertyNode(node, key)?.children?.[0];
}

/** A Web activity recognised as a batch endpoint invoke, with the URL it calls as far as it is known before a run. */
export interface BatchInvokeInfo {
  readonly pipelineName?: string;
  readonly activityName?: string;
  /** The full URL when it is known statically (literal, or built from parameter defaults); undefined otherwise. */
  readonly url?: string;
  /** Parameters whose default values were used to build `url`. */
  readonly urlParameters: readonly string[];
}

/** Every batch endpoint invoke of the context's pipelines, recognised with the same test as ADF701-ADF707. */
export function batchInvokesOf(context: ValidationContext): BatchInvokeInfo[] {
  const found: BatchInvokeInfo[] = [];
  for (const pipeline of context.pipelines) {
    for (const activity of pipeline.activities) {
      if (activity.typeLower !== 'webactivity' || !asInvoke(context, activity)) continue;
      const url = context.valueString(activity, propertyValue(activity.typeProperties, 'url'));
      const text = url ? staticText(context.parsed(url), url.value, pipeline) : undefined;
      found.push({
        ...(pipeline.name !== undefined ? { pipelineName: pipeline.name } : {}),
        ...(activity.name !== undefined ? { activityName: activity.name } : {}),
        ...(text && fullText(text) !== undefined ? { url: fullText(text) } : {}),
        urlParameters: text?.parameters ?? [],
      });
    }
  }
  return found;
}
