import { problemLocation, type Severity } from '../../core/validator';
import type { FileResult } from './types';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands, one per problem: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`.
 * Escaping follows the runner's rules (actions/toolkit, command.ts): `%`, CR and LF in the message; also `:` and `,`
 * in property values.
 */
export function formatGithub(results: readonly FileResult[]): string {
  let out = '';
  for (const result of results) {
    for (const problem of result.problems) {
      const at = problemLocation(result.lines, problem.range);
      const properties = [
        `file=${escapeProperty(result.file)}`,
        `line=${at.line}`,
        `col=${at.column}`,
        `endLine=${at.endLine}`,
        `endColumn=${at.endColumn}`,
        `title=${escapeProperty(problem.code)}`,
      ].join(',');
      out += `::${COMMAND[problem.severity]} ${properties}::${escapeData(problem.message)}\n`;
    }
  }
  return out;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
