import * as l10n from '@vscode/l10n';
import type { JsonNode as Node } from '../../json';
import { armLiteral, isArmExpression } from '../arm';
import type { ValidationContext } from '../context';
import type { OffsetRange } from '../types';
import type { DeclarationInfo, PipelineInfo } from '../pipeline-model';
import type { ValidationRule } from './rule';

const ILLEGAL = /[.+?/<>*%&:\\]/;

/** ADF201-ADF204: characters and first letter of names, duplicates (case-insensitive, nested included). */
export const namesRule: ValidationRule = {
  family: 'names',
  run(context: ValidationContext): void {
    for (const pipeline of context.pipelines) {
      if (pipeline.name !== undefined && pipeline.nameNode) {
        checkName(context, pipeline.name, nameRange(context, pipeline), l10n.t('Pipeline'));
      }
      for (const activity of pipeline.activities) {
        if (activity.name === undefined || !activity.nameNode) continue;
        // In an ARM template a name may be an ARM expression (known at deployment) or `[[`-escaped.
        const name = pipeline.inArmTemplate ? armNameValue(activity.name) : activity.name;
        if (name !== undefined) checkName(context, name, context.rangeOf(activity.nameNode), l10n.t('Activity'));
      }
      checkDuplicateActivities(context, pipeline);
      checkDuplicateDeclarations(context, pipeline.parametersNode, l10n.t('parameter'));
      checkDuplicateDeclarations(context, pipeline.variablesNode, l10n.t('variable'));
    }
  },
};

function armNameValue(raw: string): string | undefined {
  return isArmExpression(raw) ? undefined : armLiteral(raw).value;
}

function checkName(context: ValidationContext, name: string, range: OffsetRange, what: string): void {
  const illegal = ILLEGAL.exec(name);
  if (illegal) {
    context.report(
      'ADF201',
      range,
      l10n.t('{0} name "{1}" contains "{2}"; names may not contain . + ? / < > * % & : or \\.', what, name, illegal[0]),
    );
  }
  if (!/^\p{L}/u.test(name)) {
    context.report('ADF202', range, l10n.t('{0} name "{1}" should start with a letter.', what, name));
  }
}

/** For an ARM resource name only the pipeline part is reported when it can be located. */
function nameRange(context: ValidationContext, pipeline: PipelineInfo): OffsetRange {
  const node = pipeline.nameNode as Node;
  return context.rangeOf(node);
}

function checkDuplicateActivities(context: ValidationContext, pipeline: PipelineInfo): void {
  for (const [lower, activities] of pipeline.allByName) {
    if (activities.length < 2 || (pipeline.inArmTemplate && isArmExpression(lower))) continue;
    const first = activities[0];
    for (const duplicate of activities.slice(1)) {
      context.report(
        'ADF203',
        context.activityRange(duplicate),
        l10n.t(
          'Another activity is already named "{0}" (names are unique per pipeline, letter case ignored, nested activities included).',
          String(first.name),
        ),
        {
          related: [
            { range: context.activityRange(first), message: l10n.t('First activity named "{0}"', String(first.name)) },
          ],
        },
      );
    }
  }
}

function checkDuplicateDeclarations(context: ValidationContext, node: Node | undefined, what: string): void {
  if (node?.type !== 'object') return;
  const seen = new Map<string, DeclarationInfo>();
  for (const prop of node.children ?? []) {
    const keyNode = prop.children?.[0];
    const valueNode = prop.children?.[1];
    if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
    const lower = keyNode.value.toLowerCase();
    const first = seen.get(lower);
    // Exact duplicates are JSON duplicate keys (ADF003); here only names that differ in letter case.
    if (first && first.name !== keyNode.value) {
      context.report(
        'ADF204',
        context.rangeOf(keyNode),
        l10n.t(
          'The {0} "{1}" differs from "{2}" only in letter case; {3} names are case-insensitive.',
          what,
          keyNode.value,
          first.name,
          what,
        ),
        {
          related: [{ range: context.rangeOf(first.keyNode), message: l10n.t('"{0}" is declared here', first.name) }],
        },
      );
    } else if (!first) {
      seen.set(lower, { name: keyNode.value, keyNode, valueNode });
    }
  }
}
