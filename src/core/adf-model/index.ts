import { ACTIVITY_TYPE_MODELS, SPEC_ENUMS } from './activity-types';
import type { ActivityTypeModel } from './model-types';

export type { ActivityTypeModel, CommonEnums, PropertyKind, PropertyModel } from './model-types';
export { ACTIVITY_TYPE_MODELS } from './activity-types';

/** Container activities and the typeProperties keys that hold nested activities. */
export const CONTAINER_TYPES: Readonly<Record<string, 'loop' | 'branch'>> = {
  foreach: 'loop',
  until: 'loop',
  ifcondition: 'branch',
  switch: 'branch',
};

/**
 * Values ADF accepts beyond the specification's enums. Sources: ADF Studio writes `Boolean` and `Integer`
 * variables (the 2018-06-01 specification only lists String/Bool/Array); the ADF documentation lists PATCH for
 * the Web activity; `state` and `onInactiveMarkAs` came with deactivated activities (2023) after this
 * specification copy.
 */
export const EXTRA_ENUM_VALUES = {
  variableTypes: ['Boolean', 'Integer'],
  webMethods: ['PATCH'],
  activityStates: ['Active', 'Inactive'],
  onInactiveMarkAs: ['Succeeded', 'Failed', 'Skipped'],
} as const;

export const PARAMETER_TYPES: readonly string[] = SPEC_ENUMS.parameterTypes;
export const VARIABLE_TYPES: readonly string[] = [...SPEC_ENUMS.variableTypes, ...EXTRA_ENUM_VALUES.variableTypes];
export const DEPENDENCY_CONDITIONS: readonly string[] = SPEC_ENUMS.dependencyConditions;
export const WEB_METHODS: readonly string[] = [
  ...(ACTIVITY_TYPE_MODELS.WebActivity?.typeProperties.method?.enum ?? []),
  ...EXTRA_ENUM_VALUES.webMethods,
];

const byLowerType = new Map<string, ActivityTypeModel>(
  Object.values(ACTIVITY_TYPE_MODELS).map((m) => [m.type.toLowerCase(), m]),
);

/** The model of an activity type, matched case-insensitively; undefined for unknown types. */
export function activityTypeModel(type: string): ActivityTypeModel | undefined {
  return byLowerType.get(type.toLowerCase());
}

/** Finds `value` in `values` ignoring letter case; returns the canonical spelling. */
export function matchEnum(values: readonly string[], value: string): string | undefined {
  const lower = value.toLowerCase();
  return values.find((v) => v.toLowerCase() === lower);
}
