// AppendVariable: appends a value to an Array variable.
import type { ActivityHandler } from '../activity-context';
import { ActivityFailure, ErrorCodes } from '../errors';
import { declaredVariable } from './set-variable';
import { typeProperties } from './values';

export const appendVariableActivity: ActivityHandler = async (context) => {
  const properties = typeProperties(context);
  const name = properties.variableName;
  if (typeof name !== 'string' || !name) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}' has no typeProperties.variableName.`,
      ErrorCodes.badActivity,
    );
  }
  const declared = declaredVariable(context, name);
  if (declared.type.toLowerCase() !== 'array') {
    throw new ActivityFailure(
      `Activity '${context.activity.name}': AppendVariable needs an Array variable, but '${declared.name}' is ${declared.type}.`,
      ErrorCodes.badActivity,
    );
  }
  const value = context.evaluate(properties.value, 'value');
  context.setInput({ variableName: declared.name, value });
  const current = context.run.variables[declared.name];
  context.run.variables[declared.name] = [...(Array.isArray(current) ? current : []), value];
  return undefined;
};
