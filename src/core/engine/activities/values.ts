// Typed evaluation helpers shared by the activity handlers: each names the property in its error message.
import type { ActivityContext, ScopeFrame, ScopeResult } from '../activity-context';
import { ActivityFailure, ErrorCodes } from '../errors';
import type { ActivityDefinition } from '../types';

export function typeProperties(context: ActivityContext): Record<string, unknown> {
  const properties = context.activity.typeProperties;
  return properties && typeof properties === 'object' ? properties : {};
}

export function requireProperty(context: ActivityContext, name: string): unknown {
  const value = typeProperties(context)[name];
  if (value === undefined || value === null) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}' (${context.activity.type}) has no typeProperties.${name}.`,
      ErrorCodes.badActivity,
    );
  }
  return value;
}

export function evaluateString(context: ActivityContext, value: unknown, where: string): string {
  const result = context.evaluate(value, where);
  if (typeof result === 'string') return result;
  if (typeof result === 'number' || typeof result === 'boolean') return String(result);
  throw new ActivityFailure(
    `Activity '${context.activity.name}', ${where}: expected a string, got ${typeName(result)}.`,
    ErrorCodes.invalidTemplate,
  );
}

export function evaluateBoolean(context: ActivityContext, value: unknown, where: string, frame?: ScopeFrame): boolean {
  const result = context.evaluate(value, where, frame);
  if (typeof result === 'boolean') return result;
  throw new ActivityFailure(
    `Activity '${context.activity.name}', ${where}: the expression must evaluate to a boolean, got ${typeName(result)}${typeof result === 'string' ? ` '${result}'` : ''}.`,
    ErrorCodes.invalidTemplate,
  );
}

export function evaluateNumber(context: ActivityContext, value: unknown, where: string): number {
  const result = context.evaluate(value, where);
  const n = typeof result === 'string' && result.trim() !== '' ? Number(result) : result;
  if (typeof n === 'number' && Number.isFinite(n)) return n;
  throw new ActivityFailure(
    `Activity '${context.activity.name}', ${where}: expected a number, got ${typeName(result)}.`,
    ErrorCodes.invalidTemplate,
  );
}

export function evaluateArray(context: ActivityContext, value: unknown, where: string): unknown[] {
  const result = context.evaluate(value, where);
  if (Array.isArray(result)) return result;
  throw new ActivityFailure(
    `Activity '${context.activity.name}', ${where}: expected an array, got ${typeName(result)}.`,
    ErrorCodes.invalidTemplate,
  );
}

export function activityList(context: ActivityContext, name: string): ActivityDefinition[] {
  const value = typeProperties(context)[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}': typeProperties.${name} must be an array of activities.`,
      ErrorCodes.badActivity,
    );
  }
  return value as ActivityDefinition[];
}

/** A container's body failed: ADF's "inner activity failed" error, carrying the inner message. */
export function innerActivityFailure(result: ScopeResult): ActivityFailure {
  const failure = result.failure;
  return new ActivityFailure(
    `Activity failed because an inner activity failed; Inner activity name: ${failure?.activityName ?? 'unknown'}, Error: ${failure?.message ?? 'unknown error'}`,
    ErrorCodes.innerActivityFailed,
  );
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
