// Small builders shared by the validator tests.
import * as assert from 'node:assert/strict';
import { validate, type Fix, type Problem, type ValidateOptions } from '../../../src/core/validator';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** An activity with sensible defaults; `typeProperties` merges over a minimal valid set for the type. */
export function activity(
  name: string,
  type: string,
  typeProperties: Record<string, Json> = {},
  extra: Record<string, Json> = {},
): Record<string, Json> {
  return {
    name,
    type,
    dependsOn: [],
    userProperties: [],
    typeProperties: { ...defaults(type), ...typeProperties },
    ...extra,
  };
}

function defaults(type: string): Record<string, Json> {
  switch (type) {
    case 'Wait':
      return { waitTimeInSeconds: 1 };
    case 'WebActivity':
      return { method: 'GET', url: 'https://example.com/' };
    case 'SetVariable':
      return { variableName: 'v', value: 'x' };
    case 'ForEach':
      return { items: { value: '@createArray(1, 2)', type: 'Expression' }, activities: [] };
    case 'Until':
      return { expression: { value: '@equals(1, 1)', type: 'Expression' }, timeout: '0.01:00:00', activities: [] };
    case 'IfCondition':
      return {
        expression: { value: '@equals(1, 1)', type: 'Expression' },
        ifTrueActivities: [],
        ifFalseActivities: [],
      };
    case 'Switch':
      return { on: { value: "@string('a')", type: 'Expression' }, cases: [], defaultActivities: [] };
    default:
      return {};
  }
}

export function dependsOn(...names: string[]): Json[] {
  return names.map((activity) => ({ activity, dependencyConditions: ['Succeeded'] }));
}

export function pipeline(
  activities: Json[],
  properties: Record<string, Json> = {},
  name = 'Test pipeline',
): Record<string, Json> {
  return {
    name,
    properties: { activities, parameters: {}, variables: { v: { type: 'String' } }, annotations: [], ...properties },
  };
}

export function text(value: Json): string {
  return JSON.stringify(value, null, 2);
}

export function problemsOf(source: string | Json, options?: ValidateOptions): Problem[] {
  return validate(typeof source === 'string' ? source : text(source), options);
}

export function codesOf(source: string | Json, options?: ValidateOptions): string[] {
  return problemsOf(source, options).map((p) => p.code);
}

/** The single problem with `code`; fails the test when there is not exactly one. */
export function only(problems: Problem[], code: string): Problem {
  const matching = problems.filter((p) => p.code === code);
  assert.equal(
    matching.length,
    1,
    `expected one ${code}, got: ${JSON.stringify(
      problems.map((p) => `${p.code} ${p.message}`),
      null,
      1,
    )}`,
  );
  return matching[0];
}

export function covered(source: string, problem: Problem): string {
  return source.slice(problem.range.start, problem.range.end);
}

export function applyFix(source: string, fix: Fix | undefined): string {
  assert.ok(fix, 'expected a fix');
  let out = source;
  for (const edit of [...fix.edits].sort((a, b) => b.range.start - a.range.start)) {
    out = out.slice(0, edit.range.start) + edit.newText + out.slice(edit.range.end);
  }
  return out;
}
