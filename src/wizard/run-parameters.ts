// The parameters "Run now" asks for (defaults filled in), and the values createRun gets.
import * as l10n from '@vscode/l10n';
import type { PipelineDocument } from '../core/pipeline';
import type { RunParameterView } from './protocol';

export function runParametersOf(document: PipelineDocument): RunParameterView[] {
  return Object.entries(document.properties.parameters).map(([name, spec]) => ({
    name,
    type: spec.type,
    defaultValue:
      spec.defaultValue === undefined || spec.defaultValue === null
        ? ''
        : typeof spec.defaultValue === 'string'
          ? spec.defaultValue
          : JSON.stringify(spec.defaultValue),
    secure: spec.type === 'SecureString',
    required: spec.defaultValue === undefined,
  }));
}

export class RunValueError extends Error {}

/**
 * createRun's parameters: values typed by the user (converted to the parameter's type), nothing for the ones left
 * at their default (ADF applies it), and the secure values given separately (never kept).
 */
export function runParameterValues(
  parameters: readonly RunParameterView[],
  typed: Record<string, string>,
  secure: Record<string, string>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const p of parameters) {
    if (p.secure) {
      if (secure[p.name] !== undefined) values[p.name] = secure[p.name];
      else if (p.required) throw new RunValueError(l10n.t('{0} needs a value.', p.name));
      continue;
    }
    const raw = typed[p.name];
    if (raw === undefined || raw.trim() === '' || raw === p.defaultValue) {
      if (p.required) throw new RunValueError(l10n.t('{0} needs a value (it has no default).', p.name));
      continue;
    }
    values[p.name] = convert(p, raw.trim());
  }
  return values;
}

function convert(p: RunParameterView, raw: string): unknown {
  switch (p.type) {
    case 'Int': {
      if (!/^-?\d+$/.test(raw)) throw new RunValueError(l10n.t('{0} must be a whole number.', p.name));
      return Number(raw);
    }
    case 'Float': {
      const n = Number(raw);
      if (!Number.isFinite(n)) throw new RunValueError(l10n.t('{0} must be a number.', p.name));
      return n;
    }
    case 'Bool':
      if (!/^(true|false)$/i.test(raw)) throw new RunValueError(l10n.t('{0} must be true or false.', p.name));
      return raw.toLowerCase() === 'true';
    case 'Array':
    case 'Object':
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        throw new RunValueError(l10n.t('{0} must be JSON ({1}).', p.name, p.type === 'Array' ? '[...]' : '{...}'));
      }
    default:
      return raw;
  }
}
