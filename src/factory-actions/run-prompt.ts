// "Run...": asks for the pipeline's parameters one by one (default shown, Enter keeps it), converted to their ADF
// type by the wizard's own rules (src/wizard/run-parameters.ts). Escape cancels the run.
import * as vscode from 'vscode';
import { runParameterValues, RunValueError } from '../wizard/run-parameters';
import type { RunParameterView } from '../wizard/protocol';

/** The parameters a pipeline declares, from its raw ARM properties. */
export function declaredParameters(properties: unknown): RunParameterView[] {
  const declared = (properties as { parameters?: unknown } | undefined)?.parameters;
  if (!declared || typeof declared !== 'object') return [];
  return Object.entries(declared as Record<string, { type?: unknown; defaultValue?: unknown }>).map(([name, spec]) => {
    const type = typeof spec?.type === 'string' ? spec.type : 'String';
    const value = spec?.defaultValue;
    return {
      name,
      type,
      defaultValue:
        value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value),
      secure: type === 'SecureString',
      required: value === undefined,
    };
  });
}

/** createRun's parameters, or undefined when the user cancelled. */
export async function promptRunParameters(
  pipelineName: string,
  parameters: readonly RunParameterView[],
): Promise<Record<string, unknown> | undefined> {
  const typed: Record<string, string> = {};
  const secure: Record<string, string> = {};
  for (const [index, p] of parameters.entries()) {
    const value = await vscode.window.showInputBox({
      title: vscode.l10n.t('Run {0} ({1}/{2})', pipelineName, index + 1, parameters.length),
      prompt: p.required
        ? vscode.l10n.t('{0} ({1}), required', p.name, p.type)
        : vscode.l10n.t('{0} ({1}), Enter keeps the default', p.name, p.type),
      value: p.secure ? '' : p.defaultValue,
      password: p.secure,
      ignoreFocusOut: true,
      validateInput: (text) => {
        try {
          runParameterValues([p], p.secure ? {} : { [p.name]: text }, p.secure ? { [p.name]: text } : {});
          return undefined;
        } catch (error) {
          return error instanceof RunValueError ? error.message : String(error);
        }
      },
    });
    if (value === undefined) return undefined;
    if (p.secure) {
      if (value !== '') secure[p.name] = value;
    } else typed[p.name] = value;
  }
  return runParameterValues(parameters, typed, secure);
}
