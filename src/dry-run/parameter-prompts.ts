// Asks for the pipeline's parameter values, one input box each, with the declared defaults filled in.
// SecureString values are typed into password boxes and never shown again.
import * as vscode from 'vscode';
import { convertToType, type ParameterDeclaration } from '../core/engine';

/** Parameter values as text, or undefined when the user cancelled. */
export async function askForParameters(
  declared: Record<string, ParameterDeclaration> | undefined,
  given: Record<string, string> = {},
): Promise<Record<string, string> | undefined> {
  const entries = Object.entries(declared ?? {});
  const values: Record<string, string> = {};
  for (const [index, [name, declaration]] of entries.entries()) {
    const type = declaration?.type ?? 'String';
    const secure = type.toLowerCase() === 'securestring';
    const initial = given[name] ?? defaultText(declaration?.defaultValue);
    const answer = await vscode.window.showInputBox({
      title: vscode.l10n.t('Dry Run Pipeline: parameter {0} of {1}', index + 1, entries.length),
      prompt:
        declaration?.defaultValue !== undefined && !secure
          ? vscode.l10n.t('{0} ({1}) - the default is filled in', name, type)
          : `${name} (${type})`,
      value: secure ? (given[name] ?? '') : (initial ?? ''),
      password: secure,
      ignoreFocusOut: true,
      validateInput: (text) => validate(text, type, declaration?.defaultValue !== undefined),
    });
    if (answer === undefined) return undefined;
    values[name] = answer;
  }
  return values;
}

function validate(text: string, type: string, hasDefault: boolean): string | undefined {
  const lower = type.toLowerCase();
  if (text === '' && (lower === 'string' || (lower === 'securestring' && hasDefault))) return undefined;
  if (text === '' && lower === 'securestring') return vscode.l10n.t('A value is required (it has no default).');
  try {
    convertToType(text, type);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function defaultText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
