import type { Severity } from './types';

export interface RuleDescriptor {
  readonly code: string;
  /** Short kebab-case name, used as the SARIF rule name. */
  readonly name: string;
  /** Rule family (one file under rules/). */
  readonly family: 'json' | 'structure' | 'names' | 'dependsOn' | 'limits' | 'expressions' | 'web' | 'batchEndpoint';
  readonly severity: Severity;
  readonly summary: string;
}

function rule(
  code: string,
  name: string,
  family: RuleDescriptor['family'],
  severity: Severity,
  summary: string,
): RuleDescriptor {
  return { code, name, family, severity, summary };
}

/** Every problem code the validator emits. docs/rules.md has one section per code. */
export const RULES: readonly RuleDescriptor[] = [
  rule('ADF001', 'json-syntax', 'json', 'error', 'The file is not valid JSON.'),
  rule('ADF002', 'no-pipeline', 'json', 'warning', 'No ADF pipeline was found in the document.'),
  rule(
    'ADF003',
    'duplicate-key',
    'json',
    'warning',
    'A JSON object has the same property twice; only the last one counts.',
  ),
  rule(
    'ADF004',
    'too-deeply-nested',
    'json',
    'error',
    'The JSON is nested deeper than 512 levels; the file was not checked further.',
  ),
  rule(
    'ADF009',
    'internal-error',
    'json',
    'info',
    'A validator rule failed on this input (a bug in the validator, not in the file).',
  ),

  rule('ADF101', 'missing-property', 'structure', 'error', 'A property required by the ADF REST model is missing.'),
  rule(
    'ADF102',
    'wrong-value-kind',
    'structure',
    'error',
    'A value has the wrong JSON kind (e.g. activities that are not an array).',
  ),
  rule('ADF103', 'unknown-activity-type', 'structure', 'warning', 'The activity type is not in the ADF REST model.'),
  rule(
    'ADF104',
    'unknown-enum-value',
    'structure',
    'warning',
    'The value is not one of the known values (letter case is ignored).',
  ),

  rule(
    'ADF201',
    'name-illegal-character',
    'names',
    'error',
    'A pipeline or activity name contains . + ? / < > * % & : or \\.',
  ),
  rule('ADF202', 'name-start', 'names', 'warning', 'A pipeline or activity name does not start with a letter.'),
  rule(
    'ADF203',
    'duplicate-activity-name',
    'names',
    'error',
    'Two activities of a pipeline share a name (letter case ignored, nested ones included).',
  ),
  rule(
    'ADF204',
    'duplicate-declaration',
    'names',
    'error',
    'Two parameters or two variables differ only in letter case.',
  ),

  rule('ADF301', 'unknown-dependency', 'dependsOn', 'error', 'dependsOn names an activity that does not exist.'),
  rule('ADF302', 'self-dependency', 'dependsOn', 'error', 'An activity depends on itself.'),
  rule('ADF303', 'dependency-cycle', 'dependsOn', 'error', 'Activities depend on each other in a cycle.'),
  rule(
    'ADF304',
    'cross-container-dependency',
    'dependsOn',
    'error',
    'dependsOn names an activity in another container (or level).',
  ),
  rule(
    'ADF305',
    'invalid-dependency-condition',
    'dependsOn',
    'error',
    'A dependency condition is not Succeeded, Failed, Skipped or Completed.',
  ),
  rule('ADF306', 'duplicate-dependency', 'dependsOn', 'warning', 'An activity lists the same dependency twice.'),

  rule(
    'ADF401',
    'too-many-activities',
    'limits',
    'error',
    'The pipeline has more activities (nested ones included) than the limit.',
  ),
  rule('ADF402', 'too-many-parameters', 'limits', 'error', 'The pipeline declares more parameters than the limit.'),
  rule('ADF403', 'expression-too-long', 'limits', 'error', 'An expression is longer than the limit.'),
  rule('ADF404', 'branch-in-branch', 'limits', 'error', 'If Condition or Switch inside If Condition or Switch.'),
  rule('ADF405', 'loop-in-loop', 'limits', 'error', 'ForEach or Until inside ForEach or Until.'),
  rule('ADF406', 'validation-in-container', 'limits', 'error', 'A Validation activity inside a container activity.'),
  rule('ADF407', 'pipeline-too-large', 'limits', 'warning', 'The pipeline JSON is larger than the size limit.'),
  rule(
    'ADF408',
    'duration-over-maximum',
    'limits',
    'error',
    'A Wait, an Until timeout or a policy.timeout is longer than 7 days.',
  ),

  rule('ADF501', 'expression-syntax', 'expressions', 'error', 'The expression does not parse.'),
  rule('ADF502', 'unknown-function', 'expressions', 'error', 'The expression calls a function ADF does not have.'),
  rule('ADF503', 'too-few-arguments', 'expressions', 'warning', 'A function gets fewer arguments than documented.'),
  rule('ADF504', 'too-many-arguments', 'expressions', 'error', 'A function gets more arguments than it accepts.'),
  rule(
    'ADF505',
    'undeclared-parameter',
    'expressions',
    'error',
    'pipeline().parameters.X names a parameter the pipeline does not declare.',
  ),
  rule(
    'ADF506',
    'undeclared-variable',
    'expressions',
    'error',
    'A variable is used or set that the pipeline does not declare.',
  ),
  rule(
    'ADF507',
    'unknown-activity-reference',
    'expressions',
    'error',
    "activity('X') names an activity that does not exist.",
  ),
  rule(
    'ADF508',
    'activity-not-upstream',
    'expressions',
    'error',
    "activity('X') names an activity that does not run before this one.",
  ),
  rule('ADF509', 'item-outside-foreach', 'expressions', 'error', 'item() is used outside a ForEach.'),
  rule(
    'ADF510',
    'argument-type',
    'expressions',
    'error',
    'A function gets an argument whose type it does not accept (known statically).',
  ),
  rule(
    'ADF511',
    'value-type',
    'expressions',
    'error',
    'An expression result (or a variable) has the wrong type for where it goes: If/Until/Filter conditions, ForEach items, Switch on, Wait time, Set/Append Variable.',
  ),

  rule('ADF601', 'web-url-missing', 'web', 'error', 'A Web activity has no url.'),
  rule('ADF602', 'web-method-missing', 'web', 'error', 'A Web activity has no method.'),
  rule('ADF603', 'web-body-missing', 'web', 'error', 'A POST or PUT Web activity has no body.'),
  rule(
    'ADF604',
    'msi-without-resource',
    'web',
    'error',
    'Managed identity authentication without a resource (token audience).',
  ),
  rule('ADF605', 'literal-secret', 'web', 'warning', 'A secret is written literally in a body or header.'),
  rule(
    'ADF606',
    'unsecured-secret-flow',
    'web',
    'warning',
    'A secret or token passes through an activity without secureInput/secureOutput.',
  ),

  rule(
    'ADF701',
    'batch-body-shape',
    'batchEndpoint',
    'error',
    'The batch endpoint invocation body does not have the InputData/OutputData shape.',
  ),
  rule(
    'ADF702',
    'batch-input-type',
    'batchEndpoint',
    'error',
    'A batch endpoint input type is not UriFolder or UriFile.',
  ),
  rule(
    'ADF703',
    'batch-output-location',
    'batchEndpoint',
    'error',
    'The batch output is not a file on a registered datastore.',
  ),
  rule(
    'ADF704',
    'batch-fixed-output',
    'batchEndpoint',
    'warning',
    'The batch output path is the same on every run, so reruns fail.',
  ),
  rule(
    'ADF705',
    'batch-token-audience',
    'batchEndpoint',
    'error',
    'The token for the batch endpoint is requested for the wrong audience.',
  ),
  rule(
    'ADF706',
    'batch-poll-exit',
    'batchEndpoint',
    'warning',
    'The polling loop does not stop on Failed and Canceled.',
  ),
  rule(
    'ADF707',
    'loop-timeout',
    'batchEndpoint',
    'info',
    'The polling loop has no timeout (ADF waits 7 days by default).',
  ),
  rule(
    'ADF708',
    'batch-status-check-no-failure-path',
    'batchEndpoint',
    'warning',
    'The status check in the polling loop has no failure path, so a failing check polls until the timeout.',
  ),
];

const byCode = new Map(RULES.map((r) => [r.code, r]));

export function ruleDescriptor(code: string): RuleDescriptor | undefined {
  return byCode.get(code);
}
