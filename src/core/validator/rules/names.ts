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
        checkName(context, pipeline.name, nameRange(context, pipeline), 'Pipeline');
      }
      for (const activity of pipeline.activities) {
        if (activity.name === undefined || !activity.nameNode) continue;
        // In an ARM template a name may be an ARM expression (known at deployment) or `[[`-escaped.
        const name = pipeline.inArmTemplate ? armNameValue(activity.name) : activity.name;
        if (name !== undefined) checkName(context, name, context.rangeOf(activity.nameNode), 'Activity');
      }
      checkDuplicateActivities(context, pipeline);
      checkDuplicateDeclarations(context, pipeline.parametersNode, 'parameter');
      checkDuplicateDeclarations(context, pipeline.variablesNode, 'variable');
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
      `${what} name "${name}" contains "${illegal[0]}"; names may not contain . + ? / < > * % & : or \\.`,
    );
  }
  if (!/^\p{L}/u.test(name)) {
    context.report('ADF202', range, `${what} name "${name}" should start with a letter.`);
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
        `Another activity is already named "${first.name}" (names are unique per pipeline, letter case ignored, nested activities included).`,
        {
          related: [{ range: context.activityRange(first), message: `First activity named "${first.name}"` }],
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
        `The ${what} "${keyNode.value}" differs from "${first.name}" only in letter case; ${what} names are case-insensitive.`,
        {
          related: [{ range: context.rangeOf(first.keyNode), message: `"${first.name}" is declared here` }],
        },
      );
    } else if (!first) {
      seen.set(lower, { name: keyNode.value, keyNode, valueNode });
    }
  }
}
