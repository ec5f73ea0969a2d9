import { batchEndpointRule } from './batch-endpoint';
import { dependsOnRule } from './depends-on';
import { expressionsRule } from './expressions';
import { duplicateKeyRule } from './json-syntax';
import { limitsRule } from './limits';
import { namesRule } from './names';
import type { ValidationRule } from './rule';
import { structureRule } from './structure';
import { typesRule } from './types';
import { webActivityRule } from './web-activity';

export type { ValidationRule } from './rule';

/** Every rule family, in the order their problems are reported. */
export const ALL_RULES: readonly ValidationRule[] = [
  duplicateKeyRule,
  structureRule,
  namesRule,
  dependsOnRule,
  limitsRule,
  expressionsRule,
  typesRule,
  webActivityRule,
  batchEndpointRule,
];
