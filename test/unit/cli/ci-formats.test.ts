// The CI output formats of `adf-batch validate`: GitHub Actions annotations and Azure Pipelines issues.
import * as assert from 'node:assert/strict';
import { LineIndex, validate } from '../../../src/core/validator';
import { formatAzureDevOps, formatGithub, type FileResult } from '../../../src/cli/output-formats';

/** A pipeline with an error (ADF201, a name with `:`), a warning (ADF202) and an unknown dependency (ADF301). */
const TEXT = `{
  "name": "Bad:Name",
  "properties": {"activities": [
    {"name": "1st", "type": "Wait", "typeProperties": {"waitTimeInSeconds": 1}},
    {"name": "W", "type": "Wait", "dependsOn": [{"activity": "Nope", "dependencyConditions": ["Succeeded"]}], "typeProperties": {"waitTimeInSeconds": 1}}
  ]}
}`;

function result(file: string): FileResult {
  return { file, lines: new LineIndex(TEXT), problems: validate(TEXT) };
}

describe('adf-batch validate CI formats', () => {
  it('github: one workflow command per problem, with the position, code and escaped values', () => {
    const lines = formatGithub([result('pipeline/a,b:c.json')])
      .trimEnd()
      .split('\n');
    const problems = result('x').problems;
    assert.equal(lines.length, problems.length);
    const error = lines.find((l) => l.includes('title=ADF201'));
    assert.ok(error, lines.join('\n'));
    // `,` and `:` in a property value are escaped, so the runner does not split the file name.
    assert.match(
      error,
      /^::error file=pipeline\/a%2Cb%3Ac\.json,line=2,col=\d+,endLine=2,endColumn=\d+,title=ADF201::Pipeline name "Bad:Name" contains ":"/,
    );
    assert.ok(lines.some((l) => l.startsWith('::warning ') && l.includes('title=ADF202')));
    assert.ok(lines.some((l) => l.startsWith('::error ') && l.includes('title=ADF301')));
  });

  it('github: a message with a line break or % stays one command', () => {
    const file = result('p.json');
    const problem = { ...file.problems[0], message: '50% done\nnext line' };
    const out = formatGithub([{ ...file, problems: [problem] }]);
    assert.equal(out.trimEnd().split('\n').length, 1);
    assert.match(out, /::50%25 done%0Anext line\n$/);
  });

  it('azure-devops: task.logissue per error and warning, escaped with the agent rules', () => {
    const file = result('pipeline/x;y].json');
    const out = formatAzureDevOps([file]);
    const lines = out.trimEnd().split('\n');
    assert.equal(lines.length, file.problems.length);
    const error = lines.find((l) => l.includes('code=ADF201'));
    assert.match(
      error ?? '',
      /^##vso\[task\.logissue type=error;sourcepath=pipeline\/x%3By%5D\.json;linenumber=2;columnnumber=\d+;code=ADF201\]ADF201 Pipeline name/,
    );
    assert.ok(lines.some((l) => l.startsWith('##vso[task.logissue type=warning;') && l.includes('code=ADF202')));
    const percent = formatAzureDevOps([{ ...file, problems: [{ ...file.problems[0], message: '100%\r\nmore' }] }]);
    assert.match(percent, /\]ADF\d+ 100%AZP25%0D%0Amore\n$/);
  });

  it('azure-devops: information is log text, not an issue (logissue has only error and warning)', () => {
    const file = result('p.json');
    const info = { ...file.problems[0], severity: 'info' as const, code: 'ADF999', message: 'just so you know' };
    assert.equal(formatAzureDevOps([{ ...file, problems: [info] }]), 'p.json:2:11: info ADF999 just so you know\n');
  });
});
