import * as l10n from '@vscode/l10n';
import type { ValidationContext } from '../context';
import type { ValidationRule } from './rule';

/** ADF003 duplicate keys (found while parsing). Syntax errors (ADF001) are reported by `validate` itself. */
export const duplicateKeyRule: ValidationRule = {
  family: 'json',
  run(context: ValidationContext): void {
    for (const { key, first } of context.document.duplicateKeys) {
      context.report(
        'ADF003',
        context.rangeOf(key),
        l10n.t('Duplicate property "{0}": only this last one is used.', String(key.value)),
        {
          related: [{ range: context.rangeOf(first), message: l10n.t('First occurrence') }],
        },
      );
    }
  },
};

/** ADF001 for every syntax error jsonc-parser found. */
export function reportSyntaxErrors(context: ValidationContext): void {
  for (const error of context.document.errors) {
    const end = error.offset + Math.max(error.length, error.offset < context.text.length ? 1 : 0);
    context.report('ADF001', { start: error.offset, end }, error.message);
  }
}
