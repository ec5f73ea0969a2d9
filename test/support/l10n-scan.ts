// Finds the user-visible strings of the extension's code that do not go through l10n.t: literal text handed to
// VS Code's message, quick pick, input box, progress and tree APIs, and literal text in the webviews' lit templates.
// Used by the l10n unit test; the raw-string scan leaves src/core and src/cli out (the CLI's messages stay English;
// the core's strings that the wizard shows go through l10n.t from @vscode/l10n, which stays English without a bundle).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

export interface RawString {
  file: string;
  line: number;
  text: string;
}

/** Properties whose string value VS Code or a webview shows to the user. */
const VISIBLE_PROPERTIES = new Set([
  'title',
  'placeHolder',
  'prompt',
  'label',
  'description',
  'detail',
  'tooltip',
  'message',
  'loadingText',
  'validationMessage',
]);

/** Calls whose string arguments the user reads. */
const VISIBLE_CALLS = new Set([
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'TreeItem',
  'MarkdownString',
  'setStatusBarMessage',
  'MessageNode',
  // ValidationContext.report(code, range, message): the validator's diagnostics.
  'report',
]);

/** Every source file `npm run l10n` exports l10n.t messages from (all of src, core included). */
export function exportedSourceFiles(root = 'src'): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, f))
    .sort();
}

/** The wizard's check builders (src/core/preflight): their title, message and action are shown in the wizard. */
const CHECK_BUILDERS = new Set(['pass', 'info', 'warn', 'fail']);

/**
 * Folders of src whose user-visible strings must be localised: all but the CLI and the core, except the core's checks
 * and the validator (its diagnostics and quick-fix titles).
 */
export function localisedSourceFiles(root = 'src'): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && (!/^(core|cli)[\\/]/.test(f) || /^core[\\/](preflight|validator)[\\/]/.test(f)))
    .map((f) => join(root, f))
    .sort();
}

/** Text a person reads: has a letter, and is not an id, a codicon, a URL or a file name alone. */
function isWords(text: string): boolean {
  const t = text
    .replace(/\$\([\w~-]+\)/g, ' ')
    .replace(/\$\{\}/g, ' ')
    .trim();
  if (!/[A-Za-z]/.test(t)) return false;
  // One token without spaces is an id, a key or a path, unless it is a capitalised word ("Retry").
  if (!/\s/.test(t) && !/^[A-Z][a-z]+[.!?]*$/.test(t)) return false;
  return true;
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((s) => `\${}${s.literal.text}`).join('');
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [literalText(node.left), literalText(node.right)].filter((x) => x !== undefined).join('') || undefined;
  return undefined;
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return undefined;
}

/** The words between tags of a lit html`` template (attributes and ${} holes left out). */
function templateWords(node: ts.TaggedTemplateExpression): string[] {
  const t = node.template;
  const parts = ts.isNoSubstitutionTemplateLiteral(t)
    ? [t.text]
    : [t.head.text, ...t.templateSpans.map((s) => s.literal.text)];
  const words: string[] = [];
  for (const part of parts) {
    const withoutTags = part.replace(/<[^>]*>?/g, '\n').replace(/^[^<]*>/, '');
    for (const piece of withoutTags.split('\n'))
      if (/[A-Za-z]{2,}/.test(piece) && !/[=]/.test(piece)) words.push(piece.trim());
  }
  return words;
}

export function rawStrings(file: string): RawString[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: RawString[] = [];
  const add = (node: ts.Node, text: string): void => {
    if (!isWords(text)) return;
    found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  const visit = (node: ts.Node): void => {
    const checkBuilder =
      ts.isCallExpression(node) && ts.isIdentifier(node.expression) && CHECK_BUILDERS.has(node.expression.text);
    if (
      checkBuilder ||
      ((ts.isCallExpression(node) || ts.isNewExpression(node)) && VISIBLE_CALLS.has(calleeName(node) ?? ''))
    ) {
      for (const arg of node.arguments ?? []) {
        const text = literalText(arg);
        if (text !== undefined) add(arg, text);
      }
    }
    if (ts.isPropertyAssignment(node) && VISIBLE_PROPERTIES.has(node.name.getText(source))) {
      const text = literalText(node.initializer);
      if (text !== undefined) add(node.initializer, text);
    }
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
      for (const words of templateWords(node)) add(node, words);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
