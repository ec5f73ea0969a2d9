// The JSON shape of an ADF pipeline as ADF Studio writes it to git (`{name, properties}`), typed just enough
// for the generator. Activity settings stay raw under `typeProperties` (see the SDK pitfall in the reference).

/** A value ADF evaluates: `{"value": "@...", "type": "Expression"}`, what ADF Studio writes for dynamic content. */
export type Expression = {
  value: string;
  type: 'Expression';
};

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };
export type JsonObject = { [key: string]: JsonValue | undefined };

export type DependencyCondition = 'Succeeded' | 'Failed' | 'Skipped' | 'Completed';

export type ActivityDependency = {
  activity: string;
  dependencyConditions: DependencyCondition[];
};

export type ActivityPolicy = {
  timeout?: string;
  retry?: number;
  retryIntervalInSeconds?: number;
  secureOutput: boolean;
  secureInput: boolean;
};

export type Activity = {
  name: string;
  description?: string;
  type: string;
  dependsOn: ActivityDependency[];
  policy?: ActivityPolicy;
  userProperties: JsonValue[];
  typeProperties: JsonObject;
};

export type ParameterType = 'String' | 'Int' | 'Float' | 'Bool' | 'Array' | 'Object' | 'SecureString';

export type PipelineParameter = {
  type: ParameterType;
  defaultValue?: JsonValue;
};

export type PipelineVariable = {
  type: 'String' | 'Bool' | 'Array';
  defaultValue?: JsonValue;
};

export type PipelineProperties = {
  description?: string;
  activities: Activity[];
  parameters: Record<string, PipelineParameter>;
  variables: Record<string, PipelineVariable>;
  folder?: { name: string };
  annotations: JsonValue[];
};

/** One pipeline as an ADF git-integration file holds it. */
export type PipelineDocument = {
  name: string;
  properties: PipelineProperties;
};

export function expression(value: string): Expression {
  return { value, type: 'Expression' };
}
