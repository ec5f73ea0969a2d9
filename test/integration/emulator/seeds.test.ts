import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkSeed, loadSeedFile, SeedError, type EmulatorSeed } from '../../../tools/emulator/index';

const seedsDir = join(process.cwd(), 'test', 'fixtures', 'seeds');
const seedFiles = [
  ...readdirSync(seedsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(seedsDir, f)),
  join(process.cwd(), 'test', 'sandbox', 'seed.json'),
];

function problemsOf(seed: unknown): string[] {
  try {
    checkSeed(seed);
    return [];
  } catch (error) {
    assert.ok(error instanceof SeedError);
    return [...error.problems];
  }
}

const minimal = (): EmulatorSeed => ({
  tenants: [{ id: '00000000-0000-0000-0000-00000000aaaa' }],
  subscriptions: [
    { id: '5a000000-0000-4000-8000-000000000001', displayName: 'S', tenantId: '00000000-0000-0000-0000-00000000aaaa' },
  ],
});

describe('emulator: seeds', () => {
  for (const file of seedFiles) {
    it(`${file.slice(process.cwd().length + 1)} is a valid seed`, () => {
      const seed = loadSeedFile(file);
      assert.ok(seed.subscriptions.length > 0);
    });
  }

  it('the exthost and sandbox seeds let the sandbox service principal of the brief sign in', () => {
    for (const file of ['test/fixtures/seeds/exthost.json', 'test/sandbox/seed.json']) {
      const seed = loadSeedFile(join(process.cwd(), file));
      const sp = seed.servicePrincipals?.find((s) => s.clientId === '11111111-1111-1111-1111-111111111111');
      assert.equal(sp?.tenantId, '00000000-0000-0000-0000-00000000aaaa', file);
      assert.equal(sp?.secret, 'sandbox-secret', file);
    }
    const exthost = loadSeedFile(join(seedsDir, 'exthost.json'));
    assert.deepEqual(
      exthost.subscriptions.map((s) => s.displayName),
      ['Contoso Dev', 'Contoso Prod'],
    );
  });

  it('accepts a minimal seed', () => {
    assert.deepEqual(problemsOf(minimal()), []);
  });

  it('reports every problem with its JSON path', () => {
    const seed = minimal() as unknown as { subscriptions: Array<Record<string, unknown>>; roleAssignments: unknown[] };
    seed.subscriptions[0]!.resourceGroups = [
      {
        name: 'rg',
        location: 'westeurope',
        workspaces: [
          {
            name: 'ws',
            batchEndpoints: [
              {
                name: 'e',
                defaults: { deploymentName: 'blue' },
                jobOutcome: 'Done',
                deployments: [{ name: 'green', model: 'm' }],
              },
            ],
            datastores: [{ name: 'd', type: 'AzureBlob', accountName: 'a' }],
          },
        ],
      },
    ];
    seed.roleAssignments = [
      {
        scope: '/subscriptions/5a000000-0000-4000-8000-000000000001',
        principalId: '5f000000-0000-4000-8000-000000000009',
        role: 'Chief',
      },
    ];
    const problems = problemsOf(seed);
    const ep = 'subscriptions[0].resourceGroups[0].workspaces[0].batchEndpoints[0]';
    assert.ok(
      problems.includes(`${ep}.jobOutcome: expected one of "Completed", "Failed", "Canceled", got "Done"`),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes(
        `${ep}.defaults.deploymentName: deployment "blue" is not among the endpoint's deployments (green)`,
      ),
      problems.join('\n'),
    );
    assert.ok(
      problems.includes(
        'subscriptions[0].resourceGroups[0].workspaces[0].datastores[0].containerName: expected a non-empty string, got nothing',
      ),
    );
    assert.ok(
      problems.some((p) =>
        p.startsWith('roleAssignments[0].principalId: principal "5f000000-0000-4000-8000-000000000009" is not'),
      ),
    );
    assert.ok(problems.some((p) => p.startsWith('roleAssignments[0].role: unknown role "Chief"')));
  });

  it('reports unknown fields (typos) with the fields known there', () => {
    const seed = minimal() as unknown as { subscriptions: Array<Record<string, unknown>> };
    seed.subscriptions[0]!.resourceGroups = [
      {
        name: 'rg',
        location: 'x',
        workspaces: [{ name: 'ws', batchEndpoints: [{ name: 'e', default: { deploymentName: 'blue' } }] }],
      },
    ];
    const problems = problemsOf(seed);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(
      problems[0]!,
      /^subscriptions\[0\]\.resourceGroups\[0\]\.workspaces\[0\]\.batchEndpoints\[0\]\.default: unknown field \(known here: name, authMode, scoringUri, defaults,/,
    );
  });

  it('reports an unreadable or non-JSON seed file clearly', () => {
    assert.throws(
      () => loadSeedFile(join(seedsDir, 'missing.json')),
      /Invalid emulator seed .*missing\.json.*cannot read the file/s,
    );
    assert.throws(
      () => loadSeedFile(join(process.cwd(), 'tsconfig.json')),
      /subscriptions: expected an array|tenants: expected an array/,
    );
  });
});
