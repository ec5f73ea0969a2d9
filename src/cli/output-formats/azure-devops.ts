import { problemLocation } from '../../core/validator';
import { oneLine } from './text';
import type { FileResult } from './types';

/**
 * Azure Pipelines logging commands, one per error or warning:
 * `##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=…]message`.
 * logissue knows only error and warning, so information lines are printed as plain log text.
 * Escaping follows the agent's rules (azure-pipelines-task-lib, taskcommand.ts): `%` as `%AZP25`, CR, LF,
 * and in property values also `;` and `]`.
 */
export function formatAzureDevOps(results: readonly FileResult[]): string {
  let out = '';
  for (const result of results) {
    for (const problem of result.problems) {
      const at = problemLocation(result.lines, problem.range);
      if (problem.severity === 'info') {
        out += `${result.file}:${at.line}:${at.column}: info ${problem.code} ${oneLine(problem.message)}\n`;
        continue;
      }
      const properties = [
        `type=${problem.severity}`,
        `sourcepath=${escapeProperty(result.file)}`,
        `linenumber=${at.line}`,
        `columnnumber=${at.column}`,
        `code=${escapeProperty(problem.code)}`,
      ].join(';');
      out += `##vso[task.logissue ${properties}]${escapeData(`${problem.code} ${problem.message}`)}\n`;
    }
  }
  return out;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/;/g, '%3B').replace(/]/g, '%5D');
}
