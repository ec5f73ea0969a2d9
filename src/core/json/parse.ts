import * as l10n from '@vscode/l10n';
import { type Node, type ParseError, printParseErrorCode, visit } from 'jsonc-parser';

export type { Node as JsonNode } from 'jsonc-parser';

export interface JsonSyntaxError {
  readonly offset: number;
  readonly length: number;
  /** jsonc-parser's error name, e.g. `CommaExpected`. */
  readonly kind: string;
  readonly message: string;
}

/** A property key that repeats an earlier key of the same object (JSON parsers keep the last one). */
export interface DuplicateKey {
  readonly key: Node;
  readonly first: Node;
}

export interface JsonDocument {
  readonly text: string;
  readonly root: Node | undefined;
  readonly errors: readonly JsonSyntaxError[];
  readonly duplicateKeys: readonly DuplicateKey[];
}

/** The message of a jsonc-parser error kind; a function so that l10n.t runs after the host configured the bundle. */
function syntaxErrorMessage(kind: string): string {
  switch (kind) {
    case 'InvalidSymbol':
      return l10n.t('Invalid symbol');
    case 'InvalidNumberFormat':
      return l10n.t('Invalid number format');
    case 'PropertyNameExpected':
      return l10n.t('Property name expected');
    case 'ValueExpected':
      return l10n.t('Value expected');
    case 'ColonExpected':
      return l10n.t('Colon expected');
    case 'CommaExpected':
      return l10n.t('Comma expected');
    case 'CloseBraceExpected':
      return l10n.t('Closing brace `}` expected');
    case 'CloseBracketExpected':
      return l10n.t('Closing bracket `]` expected');
    case 'EndOfFileExpected':
      return l10n.t('End of file expected');
    case 'InvalidCommentToken':
      return l10n.t('Comments are not allowed in JSON');
    case 'UnexpectedEndOfComment':
      return l10n.t('Unexpected end of comment');
    case 'UnexpectedEndOfString':
      return l10n.t('Unterminated string');
    case 'UnexpectedEndOfNumber':
      return l10n.t('Unexpected end of number');
    case 'InvalidUnicode':
      return l10n.t('Invalid unicode escape sequence');
    case 'InvalidEscapeCharacter':
      return l10n.t('Invalid escape character in string');
    case 'InvalidCharacter':
      return l10n.t('Invalid character in string (control characters must be escaped)');
    default:
      return kind;
  }
}

type MutableNode = {
  type: Node['type'];
  offset: number;
  length: number;
  parent?: MutableNode;
  children?: MutableNode[];
  value?: unknown;
  colonOffset?: number;
};

/**
 * Parses strict JSON (no comments, no trailing commas) into jsonc-parser's tree with offsets, keeping every
 * syntax error and noting duplicate keys on the way (one pass instead of a second walk over the tree).
 * A leading byte-order mark is treated as whitespace so offsets still index the given text.
 */
export function parseJsonDocument(text: string): JsonDocument {
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const raw: ParseError[] = [];
  const duplicateKeys: DuplicateKey[] = [];
  // Same construction as jsonc-parser's parseTree, on its visitor.
  const artificialRoot: MutableNode = { type: 'array', offset: -1, length: -1, children: [], parent: undefined };
  let current = artificialRoot;
  const complete = (end: number): void => {
    if (current.type === 'property') {
      current.length = end - current.offset;
      current = current.parent as MutableNode;
    }
  };
  const add = (node: MutableNode): MutableNode => {
    (current.children as MutableNode[]).push(node);
    return node;
  };
  visit(
    source,
    {
      onObjectBegin: (offset) => {
        current = add({ type: 'object', offset, length: -1, parent: current, children: [] });
      },
      onObjectProperty: (name, offset, length) => {
        const object = current;
        // Every field is set at creation so all nodes of a kind share one hidden class.
        const key: MutableNode = { type: 'string', offset, length, parent: undefined, value: name };
        const properties = object.children as MutableNode[];
        for (let i = 0; i < properties.length; i++) {
          const first = properties[i].children?.[0];
          if (first && first.value === name) {
            duplicateKeys.push({ key: key as Node, first: first as Node });
            break;
          }
        }
        current = add({
          type: 'property',
          offset,
          length: -1,
          parent: object,
          children: [key],
          colonOffset: undefined,
        });
        key.parent = current;
      },
      onObjectEnd: (offset, length) => {
        complete(offset + length);
        current.length = offset + length - current.offset;
        current = current.parent as MutableNode;
        complete(offset + length);
      },
      onArrayBegin: (offset) => {
        current = add({ type: 'array', offset, length: -1, parent: current, children: [] });
      },
      onArrayEnd: (offset, length) => {
        current.length = offset + length - current.offset;
        current = current.parent as MutableNode;
        complete(offset + length);
      },
      onLiteralValue: (value, offset, length) => {
        const type =
          value === null
            ? 'null'
            : typeof value === 'string'
              ? 'string'
              : typeof value === 'number'
                ? 'number'
                : 'boolean';
        add({ type, offset, length, parent: current, value });
        complete(offset + length);
      },
      onSeparator: (separator, offset) => {
        if (current.type === 'property') {
          if (separator === ':') current.colonOffset = offset;
          else if (separator === ',') complete(offset);
        }
      },
      onError: (error, offset, length) => {
        raw.push({ error, offset, length });
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  const root = artificialRoot.children?.[0];
  if (root) root.parent = undefined;
  const errors = raw.map((e): JsonSyntaxError => {
    const kind = printParseErrorCode(e.error);
    return { offset: e.offset, length: e.length, kind, message: syntaxErrorMessage(kind) };
  });
  return { text, root: root as Node | undefined, errors, duplicateKeys };
}
