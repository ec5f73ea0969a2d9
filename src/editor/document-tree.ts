// The JSON tree of an open document, parsed once per version (hover and completion ask for it often).
import { parseTree, type Node } from 'jsonc-parser';
import type * as vscode from 'vscode';

const trees = new WeakMap<vscode.TextDocument, { version: number; root: Node | undefined }>();

export function documentTree(document: vscode.TextDocument): Node | undefined {
  const cached = trees.get(document);
  if (cached && cached.version === document.version) return cached.root;
  const text = document.getText();
  // Tolerant parse: completion runs on half-typed text. A byte-order mark becomes a space (same offsets).
  const root = parseTree(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text, [], { allowTrailingComma: true });
  trees.set(document, { version: document.version, root });
  return root;
}
