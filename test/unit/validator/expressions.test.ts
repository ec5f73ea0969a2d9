import * as assert from 'node:assert/strict';
import { activity, applyFix, codesOf, covered, dependsOn, only, pipeline, problemsOf, text } from './helpers';

const setVar = (name: string, value: string, extra: Record<string, unknown> = {}): ReturnType<typeof activity> =>
  activity(
    name,
    'SetVariable',
    { variableName: 'v', value: { value, type: 'Expression' } },
    extra as Record<string, never>,
  );

describe('validator: expressions (ADF501-ADF509)', () => {
  it('ADF501: a syntax error is pinpointed inside the JSON string', () => {
    const source = text(pipeline([setVar('S', '@pipeline().globalParameters.GP-Int')]));
    const problem = only(problemsOf(source), 'ADF501');
    assert.equal(problem.severity, 'error');
    assert.equal(source[problem.range.start], '-');
  });

  it('ADF501: positions stay right after JSON escapes (\\n, \\", \\u00e9) in the string', () => {
    const source = text(pipeline([setVar('S', "@concat('é\n\"', )")])).replace('é', '\\u00e9');
    assert.ok(source.includes('\\n') && source.includes('\\"') && source.includes('\\u00e9'));
    const problem = only(problemsOf(source), 'ADF501');
    assert.equal(source[problem.range.start], ')', `covered: ${covered(source, problem)}`);
  });

  it('ADF501: interpolations are checked and @@ escapes and OData keys are not expressions', () => {
    assert.equal(only(problemsOf(pipeline([setVar('S', 'Hello @{concat(}')])), 'ADF501').severity, 'error');
    const fine = pipeline([
      activity('S', 'SetVariable', { variableName: 'v', value: '@@not an expression' }),
      activity('T', 'SetVariable', { variableName: 'v', value: 'contact@EntityReference' }),
    ]);
    assert.deepEqual(codesOf(fine), []);
  });

  it('ADF502: an unknown function is an error with a suggestion fix; names are case-insensitive', () => {
    const source = text(pipeline([setVar('S', "@concatt('a', 'b')")]));
    const problem = only(problemsOf(source), 'ADF502');
    assert.equal(covered(source, problem), 'concatt');
    assert.deepEqual(codesOf(applyFix(source, problem.fix)), []);
    assert.deepEqual(codesOf(pipeline([setVar('S', '@utcnow()'), setVar('T', "@CONCAT('a', 'b')")])), []);
  });

  it('ADF503: fewer arguments than documented is a warning (concat with one argument)', () => {
    assert.equal(only(problemsOf(pipeline([setVar('S', "@concat('a')")])), 'ADF503').severity, 'warning');
  });

  it('ADF504: more arguments than a function takes is an error', () => {
    assert.equal(only(problemsOf(pipeline([setVar('S', "@toLower('a', 'b')")])), 'ADF504').severity, 'error');
  });

  it('ADF505: an undeclared parameter, with a fix that declares it', () => {
    const source = text(
      pipeline([setVar('S', '@pipeline().parameters.missing')], { parameters: { present: { type: 'String' } } }),
    );
    const problem = only(problemsOf(source), 'ADF505');
    assert.equal(covered(source, problem), 'missing');
    const fixed = applyFix(source, problem.fix);
    assert.deepEqual(codesOf(fixed), []);
    assert.equal(JSON.parse(fixed).properties.parameters.missing.type, 'string');
    assert.deepEqual(
      codesOf(
        pipeline([setVar('S', "@pipeline().parameters['Present']")], { parameters: { present: { type: 'String' } } }),
      ),
      [],
    );
  });

  it('ADF505: the fix also works when the pipeline has no parameters block', () => {
    const source = text({
      name: 'p',
      properties: { activities: [setVar('S', '@pipeline().parameters.x')], variables: { v: { type: 'String' } } },
    });
    assert.deepEqual(codesOf(applyFix(source, only(problemsOf(source), 'ADF505').fix)), []);
  });

  it('ADF506: undeclared variables in expressions and as SetVariable targets, with a fix', () => {
    const source = text(
      pipeline([
        setVar('S', "@variables('nope')"),
        activity('T', 'SetVariable', { variableName: 'other', value: 'x' }),
      ]),
    );
    const problems = problemsOf(source).filter((p) => p.code === 'ADF506');
    assert.equal(problems.length, 2);
    const fixed = applyFix(source, problems[0].fix);
    assert.equal(JSON.parse(fixed).properties.variables.nope.type, 'String');
    const system = pipeline([
      activity('R', 'SetVariable', { variableName: 'pipelineReturnValue', setSystemVariable: true, value: [] }),
    ]);
    assert.deepEqual(codesOf(system), []);
  });

  it('ADF507: activity() naming an activity that does not exist, with a rename fix', () => {
    const source = text(
      pipeline([
        activity('Lookup rows', 'Wait'),
        setVar('S', "@activity('Lookup row').output", { dependsOn: dependsOn('Lookup rows') }),
      ]),
    );
    const problem = only(problemsOf(source), 'ADF507');
    assert.equal(covered(source, problem), 'Lookup row');
    assert.deepEqual(codesOf(applyFix(source, problem.fix)), []);
  });

  it('ADF508: activity() naming an activity that does not run before', () => {
    const source = pipeline([activity('A', 'Wait'), setVar('S', "@activity('A').output")]);
    assert.equal(only(problemsOf(source), 'ADF508').severity, 'error');
    const upstream = pipeline([
      activity('A', 'Wait'),
      activity('B', 'Wait', {}, { dependsOn: dependsOn('A') }),
      setVar('S', "@activity('A').output", { dependsOn: dependsOn('B') }),
    ]);
    assert.deepEqual(codesOf(upstream), []);
  });

  it('ADF508: upstream of a container counts inside it; an Until condition may read its own body', () => {
    const ok = pipeline([
      activity('A', 'Wait'),
      activity(
        'Loop',
        'Until',
        {
          expression: { value: "@equals(activity('Check').output.status, 'Done')", type: 'Expression' },
          activities: [
            activity('Check', 'WebActivity', { url: { value: "@activity('A').output.url", type: 'Expression' } }),
          ],
        },
        { dependsOn: dependsOn('A') },
      ),
      setVar('After', "@activity('Check').output.status", { dependsOn: dependsOn('Loop') }),
    ]);
    assert.deepEqual(codesOf(ok), []);
  });

  it('ADF508: reading an activity inside an upstream ForEach is a warning (which iteration is undefined)', () => {
    const source = pipeline([
      activity('Loop', 'ForEach', { activities: [activity('Inner', 'Wait')] }),
      setVar('After', "@activity('Inner').output", { dependsOn: dependsOn('Loop') }),
    ]);
    assert.equal(only(problemsOf(source), 'ADF508').severity, 'warning');
  });

  it('ADF509: item() outside a ForEach; inside a ForEach (nested in an If) and in a Filter condition it is fine', () => {
    assert.equal(only(problemsOf(pipeline([setVar('S', '@item().name')])), 'ADF509').severity, 'error');
    const ok = pipeline([
      activity('Loop', 'ForEach', {
        activities: [activity('If', 'IfCondition', { ifTrueActivities: [setVar('S', '@item().name')] })],
      }),
      activity('F', 'Filter', {
        items: { value: '@createArray(1, 2)', type: 'Expression' },
        condition: { value: '@greater(item(), 1)', type: 'Expression' },
      }),
    ]);
    assert.deepEqual(codesOf(ok), []);
  });
});

describe('validator: ARM templates', () => {
  const template = (activities: unknown[], properties: Record<string, unknown> = {}): Record<string, unknown> => ({
    $schema: 'http://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#',
    parameters: { factoryName: { type: 'string' } },
    resources: [
      {
        name: "[concat(parameters('factoryName'), '/My Pipeline')]",
        type: 'Microsoft.DataFactory/factories/pipelines',
        apiVersion: '2018-06-01',
        properties: { activities, ...properties },
      },
    ],
  });

  it('ARM expressions are not ADF expressions, and a [[ string is a literal that starts with [', () => {
    const source = template(
      [
        activity('S', 'SetVariable', { variableName: "[parameters('v')]", value: '[[not-an-adf-expression(' }),
        activity('T', 'Wait', { waitTimeInSeconds: "[parameters('wait')]" }),
      ],
      { variables: { v: { type: 'String' } } },
    );
    assert.deepEqual(codesOf(source as never), []);
  });

  it('an ADF interpolation inside a [[ string is checked, with positions after the extra bracket', () => {
    const source = text(
      template([activity('S', 'SetVariable', { value: '[[dbo].[@{pipeline().parameters.tbl}]' })], {
        variables: { v: { type: 'String' } },
        parameters: {},
      }) as never,
    );
    const problem = only(problemsOf(source), 'ADF505');
    assert.equal(covered(source, problem), 'tbl');
  });

  it('a parameters block given as an ARM expression makes parameter names unknowable (no ADF505)', () => {
    const source = template([activity('S', 'SetVariable', { value: '@pipeline().parameters.anything' })], {
      parameters: "[parameters('pipeline_parameter')]",
      variables: { v: { type: 'String' } },
    });
    assert.deepEqual(codesOf(source as never), []);
  });

  it('activity names and dependsOn targets given as ARM expressions are left alone', () => {
    const source = template([
      activity("[parameters('first.name')]", 'Wait'),
      activity(
        'Second',
        'Wait',
        {},
        { dependsOn: [{ activity: "[parameters('first.name')]", dependencyConditions: ['Succeeded'] }] },
      ),
    ]);
    assert.deepEqual(codesOf(source as never), []);
  });

  it('reads the pipeline name from the resource name expression', () => {
    const source = template([]);
    (source.resources as Record<string, unknown>[])[0].name = "[concat(parameters('factoryName'), '/Bad:Name')]";
    assert.match(only(problemsOf(source as never), 'ADF201').message, /"Bad:Name"/);
  });
});
