// Reads the documentation the Data Factory SDK ships in its type declarations: the comment of every interface
// and property, and the values of its "Known..." enums (the SDK's mappers carry shapes, not descriptions).
// Build-time only: uses the TypeScript compiler's parser.
import * as ts from 'typescript';

export interface PropertyDoc {
  readonly description?: string;
  /** The declared type's name without `[]`, e.g. `WebActivityMethod` for `method: WebActivityMethod`. */
  readonly typeName?: string;
  /** Declared with `?` (the mappers mark only some required properties, the declarations all of them). */
  readonly optional: boolean;
}

export interface InterfaceDoc {
  readonly description?: string;
  readonly extends: readonly string[];
  readonly properties: ReadonlyMap<string, PropertyDoc>;
}

export interface ModelDocs {
  readonly interfaces: ReadonlyMap<string, InterfaceDoc>;
  /** `WebActivityMethod` -> ['GET', 'POST', ...] (from `enum KnownWebActivityMethod`). */
  readonly knownValues: ReadonlyMap<string, readonly string[]>;
}

export function readModelDocs(declarationText: string): ModelDocs {
  const source = ts.createSourceFile('model.d.ts', declarationText, ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, InterfaceDoc>();
  const knownValues = new Map<string, string[]>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      const properties = new Map<string, PropertyDoc>();
      for (const member of statement.members) {
        if (!ts.isPropertySignature(member) || !member.name) continue;
        const name =
          ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)
            ? member.name.text
            : member.name.getText(source);
        properties.set(name, {
          description: docOf(member),
          typeName: typeNameOf(member.type),
          optional: member.questionToken !== undefined,
        });
      }
      const parents = (statement.heritageClauses ?? []).flatMap((clause) =>
        clause.types.map((t) => t.expression.getText(source)),
      );
      interfaces.set(statement.name.text, { description: docOf(statement), extends: parents, properties });
    } else if (ts.isEnumDeclaration(statement) && statement.name.text.startsWith('Known')) {
      const values = statement.members
        .map((m) => (m.initializer && ts.isStringLiteral(m.initializer) ? m.initializer.text : undefined))
        .filter((v): v is string => v !== undefined);
      knownValues.set(statement.name.text.slice('Known'.length), values);
    }
  }
  return { interfaces, knownValues };
}

/** A property's doc, looked up through the `extends` chain. */
export function propertyDoc(docs: ModelDocs, interfaceName: string, property: string): PropertyDoc | undefined {
  const seen = new Set<string>();
  const queue = [interfaceName];
  while (queue.length) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const found = docs.interfaces.get(name);
    if (!found) continue;
    const doc = found.properties.get(property);
    if (doc) return doc;
    queue.push(...found.extends);
  }
  return undefined;
}

function docOf(node: ts.Node): string | undefined {
  const comment = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc)?.comment;
  const text = typeof comment === 'string' ? comment : comment ? ts.getTextOfJSDocComment(comment) : undefined;
  const cleaned = text
    ?.replace(/\{@link ([^}]+)\}/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned || undefined;
}

function typeNameOf(type: ts.TypeNode | undefined): string | undefined {
  if (!type) return undefined;
  if (ts.isArrayTypeNode(type)) return typeNameOf(type.elementType);
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) return type.typeName.text;
  return undefined;
}
