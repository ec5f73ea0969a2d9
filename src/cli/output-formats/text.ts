import { problemLocation } from '../../core/validator';
import type { FileResult } from './types';

/** `file:line:column: severity code message`, one line per problem (the `adf-batch` problem matcher reads these). */
export function formatText(results: readonly FileResult[]): string {
  let out = '';
  for (const result of results) {
    for (const problem of result.problems) {
      const { line, column } = problemLocation(result.lines, problem.range);
      out += `${result.file}:${line}:${column}: ${problem.severity} ${problem.code} ${oneLine(problem.message)}\n`;
    }
  }
  return out;
}

/** A message on one line (the text format and log lines keep one problem per line). */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
