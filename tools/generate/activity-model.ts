// Builds the validator's activity model (src/core/adf-model/activity-types.ts) from the Data Factory SDK in
// node_modules/@azure/arm-datafactory: its serialization mappers give the activity types, their typeProperties,
// JSON kinds and required flags; its type declarations give the values of string enums ("Known..." enums), which
// the mappers type as plain strings. The JSON schema is built from the same SDK (pipeline-schema.ts).
import type { ActivityTypeModel, CommonEnums, PropertyModel } from '../../src/core/adf-model';
import type { ModelDocs } from './model-docs';
import { propertyDoc } from './model-docs';

/** The mapper shapes read here (a subset of @azure/core-client's Mapper). */
interface MapperType {
  readonly name: string;
  readonly className?: string;
  readonly modelProperties?: Readonly<Record<string, Mapper>>;
  readonly polymorphicDiscriminator?: unknown;
  readonly uberParent?: string;
  readonly allowedValues?: readonly unknown[];
}

interface Mapper {
  readonly serializedName?: string;
  readonly required?: boolean;
  readonly isConstant?: boolean;
  readonly defaultValue?: unknown;
  readonly type: MapperType;
}

export interface ActivityModelSource {
  /** The SDK's Mappers module: composite mappers by class name, plus `discriminators`. */
  readonly mappers: Readonly<Record<string, unknown>>;
  readonly docs: ModelDocs;
}

export interface ActivityModel {
  readonly activities: Record<string, ActivityTypeModel>;
  readonly enums: CommonEnums;
}

/** Objects are modelled two levels deep inside typeProperties (deeper ones are left to the schema). */
const MAX_DEPTH = 1;

const TYPE_PROPERTIES = 'typeProperties.';

export function buildActivityModel(source: ActivityModelSource): ActivityModel {
  const composite = (className: string): Mapper | undefined => source.mappers[className] as Mapper | undefined;
  const discriminators = (source.mappers.discriminators ?? {}) as Record<string, Mapper>;
  const activities: Record<string, ActivityTypeModel> = {};
  for (const [key, mapper] of Object.entries(discriminators).sort(([a], [b]) => a.localeCompare(b))) {
    const [parent, type] = key.split('.');
    if (!type || !['Activity', 'ExecutionActivity', 'ControlActivity'].includes(parent ?? '')) continue;
    if (type === 'Container' || type === 'Execution') continue; // the two abstract bases
    const className = mapper.type.className ?? type;
    const typeProperties: Record<string, PropertyModel> = {};
    for (const [property, inner] of Object.entries(mapper.type.modelProperties ?? {})) {
      const name = inner.serializedName;
      if (!name?.startsWith(TYPE_PROPERTIES) || name.slice(TYPE_PROPERTIES.length).includes('.')) continue;
      typeProperties[name.slice(TYPE_PROPERTIES.length)] = propertyModel(inner, className, property, 0);
    }
    activities[type] = {
      type,
      definition: className,
      base: parent === 'ExecutionActivity' ? 'execution' : 'control',
      // The SDK flattens typeProperties into the activity, dropping its own required flag; ADF's specification
      // requires typeProperties on every activity type.
      typePropertiesRequired: true,
      typeProperties,
    };
  }
  return {
    activities,
    enums: {
      parameterTypes: knownValues('ParameterSpecification', 'type'),
      variableTypes: knownValues('VariableSpecification', 'type'),
      dependencyConditions: knownValues('ActivityDependency', 'dependencyConditions'),
    },
  };

  function knownValues(interfaceName: string, property: string): readonly string[] {
    const typeName = propertyDoc(source.docs, interfaceName, property)?.typeName;
    const values = typeName ? source.docs.knownValues.get(typeName) : undefined;
    if (!values) throw new Error(`The SDK declares no known values for ${interfaceName}.${property}.`);
    return values;
  }

  function propertyModel(mapper: Mapper, owner: string, property: string, depth: number): PropertyModel {
    const model: { -readonly [K in keyof PropertyModel]: PropertyModel[K] } = { kind: 'any' };
    const type = mapper.type;
    switch (type.name) {
      case 'String':
      case 'Enum': {
        model.kind = 'string';
        const typeName = propertyDoc(source.docs, owner, property)?.typeName;
        const values =
          (type.allowedValues as string[] | undefined) ??
          (mapper.isConstant ? [String(mapper.defaultValue)] : undefined) ??
          (typeName ? source.docs.knownValues.get(typeName) : undefined);
        if (values) model.enum = values;
        break;
      }
      case 'Boolean':
        model.kind = 'boolean';
        break;
      case 'Number':
        model.kind = 'number';
        break;
      case 'Sequence':
        model.kind = 'array';
        break;
      case 'Composite': {
        model.kind = 'object';
        const target = type.className ? composite(type.className) : undefined;
        if (target?.type.polymorphicDiscriminator) {
          model.polymorphic = true;
          break;
        }
        if (target && depth < MAX_DEPTH) {
          const properties: Record<string, PropertyModel> = {};
          for (const [key, inner] of Object.entries(target.type.modelProperties ?? {})) {
            const name = inner.serializedName;
            if (!name) continue;
            const [head, rest] = name.split(/(?<!\\)\.(.*)/s) as [string, string | undefined];
            if (rest === undefined) {
              properties[name] = propertyModel(inner, type.className as string, key, depth + 1);
            } else {
              // A flattened group (e.g. `typeProperties.logPath`): an object, required when a member is.
              const member = propertyModel(inner, type.className as string, key, depth + 1);
              const required = properties[head]?.required || member.required;
              properties[head] = { kind: 'object', ...(required ? { required: true } : {}) };
            }
          }
          if (Object.keys(properties).length) model.properties = properties;
        }
        break;
      }
      case 'Dictionary': // a free-form object, or an expression
      default:
        model.kind = 'any'; // `any`: a value or an expression
    }
    if (mapper.required || propertyDoc(source.docs, owner, property)?.optional === false) model.required = true;
    return model;
  }
}

/** The text of src/core/adf-model/activity-types.ts. */
export function activityTypesSource(model: ActivityModel, sdkVersion: string): string {
  return `// Generated by \`npm run generate\` (tools/generate/generate.ts) from @azure/arm-datafactory ${sdkVersion}
// (its serialization mappers and the enums of its type declarations). Do not edit by hand: re-run it instead.
import type { ActivityTypeModel, CommonEnums } from './model-types';

export const ACTIVITY_TYPE_MODELS: Readonly<Record<string, ActivityTypeModel>> = ${JSON.stringify(model.activities, null, 2)};

export const SPEC_ENUMS: CommonEnums = ${JSON.stringify(model.enums, null, 2)};
`;
}
