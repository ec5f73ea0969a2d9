import type { ValidationContext } from '../context';

/** One family of checks (one file under rules/), run over the whole document. */
export interface ValidationRule {
  readonly family: string;
  run(context: ValidationContext): void;
}
