// Builds the JSON schema of ADF pipeline files (git integration: {name, properties: {activities, ...}}) from
// the Data Factory SDK's serialization mappers and its documentation. The schema exists for VS Code's own
// completion and hover; our validator owns the diagnostics, so the schema stays permissive:
// - no `required`, additional properties allowed, no JSON kind on objects and arrays (they get snippets);
// - enum values are matched ignoring letter case (a character-class pattern per value, since JSON schema has
//   no case-insensitive flag) and `@` expressions pass; enums the validator already checks are offered for
//   completion only, so a bad value is reported once, by the validator.
import type { ModelDocs } from './model-docs';
import { propertyDoc } from './model-docs';

export type JsonSchema = { [key: string]: unknown };

/** The mapper shapes this builder reads (a subset of @azure/core-client's Mapper). */
interface MapperType {
  readonly name: string;
  readonly className?: string;
  readonly modelProperties?: Readonly<Record<string, Mapper>>;
  readonly polymorphicDiscriminator?: { readonly serializedName: string };
  readonly uberParent?: string;
  readonly element?: Mapper;
  readonly value?: Mapper;
  readonly allowedValues?: readonly unknown[];
}

interface Mapper {
  readonly serializedName?: string;
  readonly type: MapperType;
  /** A property with one possible value, e.g. `"type": "DatasetReference"`. */
  readonly isConstant?: boolean;
  readonly defaultValue?: unknown;
}

export interface PipelineSchemaInputs {
  /** The SDK's Mappers module: composite mappers by class name, plus `discriminators`. */
  readonly mappers: Readonly<Record<string, unknown>>;
  readonly docs: ModelDocs;
  /** `ClassName.path.to.property` of enums the validator checks itself (completion only here). */
  readonly validatedElsewhere: ReadonlySet<string>;
}

/** Properties whose JSON kind the validator checks (ADF102): the schema leaves their kind alone. */
const KIND_CHECKED_ELSEWHERE = new Set(['Activity.name', 'Activity.type']);

/** `^(?:[Gg][Ee][Tt]|...)$`: the values in any letter case. */
export function caseInsensitivePattern(values: readonly string[]): string {
  const one = (value: string): string =>
    [...value]
      .map((ch) =>
        ch.toLowerCase() !== ch.toUpperCase()
          ? `[${ch.toUpperCase()}${ch.toLowerCase()}]`
          : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
      )
      .join('');
  return `^(?:${values.map(one).join('|')})$`;
}

/** Splits a flattened serialized name such as `typeProperties.method` (a `\.` is a literal dot). */
function serializedPath(name: string): string[] {
  return name.split(/(?<!\\)\./).map((part) => part.replace(/\\\./g, '.'));
}

class SchemaBuilder {
  readonly definitions: Record<string, JsonSchema> = {};
  private readonly discriminators: Readonly<Record<string, Mapper>>;

  constructor(private readonly inputs: PipelineSchemaInputs) {
    this.discriminators = (inputs.mappers.discriminators ?? {}) as Record<string, Mapper>;
  }

  /** A `$ref` to the definition of a composite class, building it on first use. */
  ref(className: string): JsonSchema {
    if (!this.definitions[className]) {
      this.definitions[className] = {}; // placeholder: classes refer to themselves (activities in activities)
      this.definitions[className] = this.composite(className);
    }
    return { $ref: `#/definitions/${className}` };
  }

  /** The properties of a composite class, nested along flattened names, with its subtypes when polymorphic. */
  composite(className: string): JsonSchema {
    const mapper = this.mapper(className);
    const schema: JsonSchema = {};
    const description = this.inputs.docs.interfaces.get(className)?.description;
    if (description) schema.description = description;
    if (!mapper?.type.modelProperties) return schema;
    const discriminator = mapper.type.polymorphicDiscriminator?.serializedName;
    const subtypes = discriminator ? this.leafSubtypes(className) : [];
    // A subtype is reached through its base's definition, which already describes the inherited properties.
    const inherited = new Set(Object.keys(this.polymorphicRoot(className)?.type.modelProperties ?? {}));
    const properties: Record<string, JsonSchema> = {};
    for (const [clientName, property] of Object.entries(mapper.type.modelProperties)) {
      if (inherited.has(clientName)) continue;
      const path = serializedPath(property.serializedName ?? clientName);
      let target = properties;
      for (const segment of path.slice(0, -1)) {
        const holder = (target[segment] ??= { defaultSnippets: [{ body: {} }] });
        target = (holder.properties ??= {}) as Record<string, JsonSchema>;
      }
      const last = path[path.length - 1];
      if (last === discriminator && subtypes.length === 0) {
        // A subtype's own definition: the base already describes and completes the discriminator.
        continue;
      }
      const key = `${className}.${path.join('.')}`;
      target[last] =
        last === discriminator
          ? this.discriminatorSchema(key, subtypes)
          : this.property(
              key,
              property,
              propertyDoc(this.inputs.docs, className, clientName)?.description,
              propertyDoc(this.inputs.docs, className, clientName)?.typeName,
            );
    }
    schema.properties = properties;
    if (subtypes.length) {
      schema.allOf = subtypes.map(([value, subclass]) => ({
        if: {
          properties: { [discriminator as string]: { pattern: caseInsensitivePattern([value]) } },
          required: [discriminator],
        },
        then: this.ref(subclass),
      }));
    }
    return schema;
  }

  private property(
    key: string,
    mapper: Mapper,
    description: string | undefined,
    typeName: string | undefined,
  ): JsonSchema {
    const schema = this.valueSchema(key, mapper, typeName);
    if (description) schema.description = description;
    return schema;
  }

  private valueSchema(key: string, mapper: Mapper, typeName: string | undefined): JsonSchema {
    const type = mapper.type;
    if (mapper.isConstant && typeof mapper.defaultValue === 'string')
      return this.enumSchema(key, [mapper.defaultValue]);
    switch (type.name) {
      case 'Composite':
        return type.className ? { ...this.ref(type.className), defaultSnippets: [{ body: {} }] } : {};
      case 'Sequence':
        return {
          items: type.element ? this.valueSchema(key, type.element, typeName) : {},
          defaultSnippets: [{ body: [] }],
        };
      case 'Dictionary':
        return {
          additionalProperties: type.value ? this.valueSchema(key, type.value, typeName) : {},
          defaultSnippets: [{ body: {} }],
        };
      case 'Boolean':
        return KIND_CHECKED_ELSEWHERE.has(key) ? {} : { type: 'boolean' };
      case 'Number':
        return KIND_CHECKED_ELSEWHERE.has(key) ? {} : { type: 'number' };
      case 'Enum':
        return this.enumSchema(key, (type.allowedValues ?? []).map(String));
      case 'String':
      case 'Uuid':
      case 'DateTime':
      case 'Date':
      case 'TimeSpan': {
        const known = typeName ? this.inputs.docs.knownValues.get(typeName) : undefined;
        if (known?.length) return this.enumSchema(key, known);
        return KIND_CHECKED_ELSEWHERE.has(key) ? {} : { type: 'string' };
      }
      default:
        // `any` and `Object`: a value or an expression object ({"value": "@...", "type": "Expression"}).
        return {};
    }
  }

  /** Known values: validated ignoring letter case (expressions pass), or offered for completion only. */
  private enumSchema(key: string, values: readonly string[], descriptions?: readonly string[]): JsonSchema {
    const listed: JsonSchema = { enum: [...values] };
    if (descriptions) listed.enumDescriptions = [...descriptions];
    if (this.inputs.validatedElsewhere.has(key)) return { anyOf: [listed, {}] };
    return {
      anyOf: [listed, { type: 'string', pattern: caseInsensitivePattern(values) }, { type: 'string', pattern: '^@' }],
    };
  }

  private discriminatorSchema(key: string, subtypes: readonly [string, string][]): JsonSchema {
    const descriptions = subtypes.map(([, subclass]) => this.inputs.docs.interfaces.get(subclass)?.description ?? '');
    return {
      description: 'The type, which selects the other properties.',
      ...this.enumSchema(
        key,
        subtypes.map(([value]) => value),
        descriptions,
      ),
    };
  }

  /** [discriminator value, class name] of the concrete subtypes of a polymorphic class, through every level. */
  private leafSubtypes(className: string): [string, string][] {
    const found: [string, string][] = [];
    const visit = (parent: string): void => {
      for (const [key, mapper] of Object.entries(this.discriminators)) {
        if (!key.startsWith(`${parent}.`)) continue;
        const subclass = mapper.type.className;
        if (!subclass || subclass === parent) continue;
        const hasChildren = Object.keys(this.discriminators).some((k) => k.startsWith(`${subclass}.`));
        if (hasChildren) visit(subclass);
        else found.push([mapper.serializedName ?? key.slice(parent.length + 1), subclass]);
      }
    };
    visit(className);
    return found.sort((a, b) => a[0].localeCompare(b[0]));
  }

  /** The top polymorphic base of a subtype (Activity for WebActivity), or undefined for any other class. */
  private polymorphicRoot(className: string): Mapper | undefined {
    let current = this.mapper(className);
    let root: Mapper | undefined;
    for (
      let depth = 0;
      current?.type.uberParent && current.type.uberParent !== current.type.className && depth < 10;
      depth++
    ) {
      root = this.mapper(current.type.uberParent);
      current = root;
    }
    return root;
  }

  mapper(className: string): Mapper | undefined {
    const candidate = this.inputs.mappers[className] as Mapper | undefined;
    return candidate?.type?.className === className ? candidate : undefined;
  }
}

/** A snippet for a new activity, offered when completing inside an `activities` array. */
const NEW_ACTIVITY_SNIPPETS = [
  {
    label: 'New activity',
    description: 'An activity with a name, a type, dependsOn and typeProperties',
    body: { name: '${1:name}', type: '${2:WebActivity}', dependsOn: [], userProperties: [], typeProperties: {} },
  },
];

/** The schema of an ADF git-integration pipeline file. */
export function buildPipelineSchema(inputs: PipelineSchemaInputs): JsonSchema {
  const builder = new SchemaBuilder(inputs);
  if (!builder.mapper('PipelineResource')) throw new Error('the SDK mappers have no PipelineResource');
  const root = builder.composite('PipelineResource');
  const activity = builder.definitions.Activity;
  if (activity) activity.defaultSnippets = NEW_ACTIVITY_SNIPPETS;
  const properties = (root.properties ?? {}) as Record<string, JsonSchema>;
  properties.name = {
    ...properties.name,
    description: 'The pipeline name: unique in the factory, starts with a letter, none of . + ? / < > * % & : \\',
  };
  properties.type = {
    description: 'The resource type of a pipeline.',
    anyOf: [{ enum: ['Microsoft.DataFactory/factories/pipelines'] }, {}],
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Azure Data Factory pipeline',
    description:
      'An ADF pipeline as ADF git integration stores it (pipeline/<name>.json). Generated from the Data Factory SDK model.',
    ...root,
    definitions: builder.definitions,
  };
}
