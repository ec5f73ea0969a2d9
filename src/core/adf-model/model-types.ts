/** Shapes of the activity metadata generated from the Data Factory SDK (`npm run generate`). */

export type PropertyKind = 'any' | 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'number';

export interface PropertyModel {
  readonly kind: PropertyKind;
  readonly required?: boolean;
  /** Known values; ADF accepts them in any letter case. */
  readonly enum?: readonly string[];
  /** A polymorphic object (its own `type` selects the shape): nested properties are not modelled. */
  readonly polymorphic?: boolean;
  readonly properties?: Readonly<Record<string, PropertyModel>>;
}

export interface ActivityTypeModel {
  /** The `type` value written in pipeline JSON, e.g. `WebActivity`. */
  readonly type: string;
  /** The SDK model class, e.g. `WebActivity`. */
  readonly definition: string;
  readonly base: 'execution' | 'control';
  readonly typePropertiesRequired: boolean;
  readonly typeProperties: Readonly<Record<string, PropertyModel>>;
}

export interface CommonEnums {
  readonly parameterTypes: readonly string[];
  readonly variableTypes: readonly string[];
  readonly dependencyConditions: readonly string[];
}
