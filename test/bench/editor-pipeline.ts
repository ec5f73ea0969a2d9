// Pipelines for the benches: chains of Web -> Set Variable -> Wait with expressions in every activity
// (parameters, variables, upstream outputs), the shape real pipelines have. The editor bench uses 120 activities;
// the Validate All bench a repository of many smaller ones.

export const BENCH_ACTIVITIES = 120;

/** A pipeline of `activityCount` activities (a multiple of 3) named `name`. */
export function benchPipelineText(activityCount = BENCH_ACTIVITIES, name = 'Bench-120'): string {
  const activities: object[] = [];
  for (let chain = 1; chain <= activityCount / 3; chain++) {
    const previous = chain > 1 ? [{ activity: `Wait ${chain - 1}`, dependencyConditions: ['Succeeded'] }] : [];
    activities.push({
      name: `Call ${chain}`,
      type: 'WebActivity',
      dependsOn: previous,
      policy: { timeout: '0.00:10:00', retry: 1, retryIntervalInSeconds: 30, secureOutput: false, secureInput: false },
      typeProperties: {
        method: 'POST',
        url: { value: `@concat(pipeline().parameters.base_url, '/items/', string(${chain}))`, type: 'Expression' },
        headers: { 'Content-Type': 'application/json' },
        body: {
          value: `@json(concat('{"run":"', pipeline().RunId, '","step":${chain},"label":"', variables('label'), '"}'))`,
          type: 'Expression',
        },
        authentication: { type: 'MSI', resource: 'https://management.azure.com/' },
      },
    });
    activities.push({
      name: `Keep ${chain}`,
      type: 'SetVariable',
      dependsOn: [{ activity: `Call ${chain}`, dependencyConditions: ['Succeeded'] }],
      typeProperties: {
        variableName: 'label',
        value: { value: `@coalesce(activity('Call ${chain}').output?.label, 'none')`, type: 'Expression' },
      },
    });
    activities.push({
      name: `Wait ${chain}`,
      type: 'Wait',
      dependsOn: [{ activity: `Keep ${chain}`, dependencyConditions: ['Succeeded', 'Skipped'] }],
      typeProperties: {
        waitTimeInSeconds: { value: `@add(pipeline().parameters.pause, ${chain % 5})`, type: 'Expression' },
      },
    });
  }
  return `${JSON.stringify(
    {
      name,
      properties: {
        activities,
        parameters: {
          base_url: { type: 'string', defaultValue: 'https://example.invalid/api' },
          pause: { type: 'int', defaultValue: 1 },
        },
        variables: { label: { type: 'String', defaultValue: 'start' } },
        annotations: [],
      },
    },
    null,
    2,
  )}\n`;
}
