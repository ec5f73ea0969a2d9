// SetVariable: sets a declared pipeline variable (type checked as ADF does), or the pipeline's return value
// (setSystemVariable with variableName pipelineReturnValue), which Execute Pipeline hands to the parent.
import type { ActivityContext, ActivityHandler } from '../activity-context';
import { ActivityFailure, ErrorCodes } from '../errors';
import { typeName, typeProperties } from './values';

export const setVariableActivity: ActivityHandler = async (context) => {
  const properties = typeProperties(context);
  const name = properties.variableName;
  if (typeof name !== 'string' || !name) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}' has no typeProperties.variableName.`,
      ErrorCodes.badActivity,
    );
  }
  if (properties.setSystemVariable === true && name === 'pipelineReturnValue')
    return setReturnValue(context, properties.value);
  const declared = declaredVariable(context, name);
  const value = context.evaluate(properties.value, 'value');
  checkVariableType(context, declared.name, declared.type, value);
  context.setInput({ variableName: declared.name, value });
  context.run.variables[declared.name] = value;
  return { name: declared.name, value };
};

export function declaredVariable(context: ActivityContext, name: string): { name: string; type: string } {
  const declarations = context.run.pipeline.properties.variables ?? {};
  const match =
    Object.keys(declarations).find((n) => n === name) ??
    Object.keys(declarations).find((n) => n.toLowerCase() === name.toLowerCase());
  if (!match) {
    throw new ActivityFailure(
      `The variable '${name}' is not declared in pipeline '${context.run.pipeline.name}'.`,
      ErrorCodes.badActivity,
    );
  }
  return { name: match, type: String(declarations[match]?.type ?? 'String') };
}

export function checkVariableType(context: ActivityContext, name: string, type: string, value: unknown): void {
  const t = type.toLowerCase();
  const ok =
    t === 'string'
      ? typeof value === 'string'
      : t === 'bool' || t === 'boolean'
        ? typeof value === 'boolean'
        : t === 'array'
          ? Array.isArray(value)
          : t === 'integer' || t === 'int'
            ? typeof value === 'number' && Number.isInteger(value)
            : true;
  if (!ok) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}': the variable '${name}' of type '${type}' cannot be set to ${typeName(value)}.`,
      ErrorCodes.invalidTemplate,
    );
  }
}

interface ReturnEntry {
  key?: unknown;
  value?: { type?: unknown; content?: unknown };
}

function setReturnValue(context: ActivityContext, raw: unknown): unknown {
  if (!Array.isArray(raw)) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}': pipelineReturnValue must be a list of {key, value} entries.`,
      ErrorCodes.badActivity,
    );
  }
  const value = returnEntries(context, raw as ReturnEntry[], '');
  context.setInput({ variableName: 'pipelineReturnValue', value });
  context.run.returnValue = value;
  return { name: 'pipelineReturnValue', value };
}

/** A key/value list (the return value itself, or an Object entry's content) as an object. */
function returnEntries(context: ActivityContext, entries: ReturnEntry[], path: string): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const entry of entries) {
    if (typeof entry?.key !== 'string')
      throw new ActivityFailure(
        `Activity '${context.activity.name}': a pipelineReturnValue entry${path ? ` in '${path}'` : ''} has no key.`,
        ErrorCodes.badActivity,
      );
    const key = path ? `${path}.${entry.key}` : entry.key;
    value[entry.key] = returnEntryValue(context, entry.value, key);
  }
  return value;
}

/**
 * One typed value, as the ADF docs describe them ("Set pipeline return value",
 * https://learn.microsoft.com/azure/data-factory/tutorial-pipeline-return-value): String, Int, Float, Boolean,
 * Null; Expression ("you can use string interpolation here to include inline expression values, such as
 * 'The value is @{guid()}'"); Array ("an array of string values", or typed items); Object (a key/value list, so
 * the parent reads `pipelineReturnValue.keyName.nextLevelKey`).
 */
function returnEntryValue(context: ActivityContext, typed: ReturnEntry['value'], key: string): unknown {
  const type = String(typed?.type ?? 'String').toLowerCase();
  const content = typed?.content;
  const where = `pipelineReturnValue '${key}'`;
  switch (type) {
    case 'null':
      return null;
    case 'expression':
      // `@...` and interpolated text (`... @{...} ...`) are evaluated as written; a bare expression gets its `@`.
      return context.evaluate(
        typeof content === 'string' && !content.startsWith('@') && !content.includes('@{') ? `@${content}` : content,
        where,
      );
    case 'array':
      if (!Array.isArray(content)) return [];
      return content.map((item, i) =>
        item !== null && typeof item === 'object' && !Array.isArray(item) && 'type' in item
          ? returnEntryValue(context, item as ReturnEntry['value'], `${key}[${i}]`)
          : context.evaluate(item, `${where} item ${i}`),
      );
    case 'object':
      if (Array.isArray(content)) return returnEntries(context, content as ReturnEntry[], key);
      return context.evaluate(content, where);
    default:
      return context.evaluate(content, where);
  }
}
