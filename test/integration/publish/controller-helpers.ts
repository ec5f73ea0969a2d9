// Drives the wizard's controller (src/wizard/controller.ts) in plain Node against the emulator, with scripted
// answers to its prompts, a temp folder for files, and a log kept in memory.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WizardAzure } from '../../../src/azure/sdk/wizard-azure';
import type { NewTrackedRun } from '../../../src/core/factory';
import type { RequestMethod, RequestParams } from '../../../src/wizard/protocol';
import { validateWebviewMessage } from '../../../src/wizard/protocol-checks';
import { WizardController } from '../../../src/wizard/controller';
import type { WizardEndpoint } from '../../../src/wizard/endpoint';
import { nodeFiles } from '../../../src/wizard/node-files';
import type { ConfirmRequest, DiffSide, WizardEnvironment } from '../../../src/wizard/services';
import { W, type PublishFixture } from './fixture';

export interface Driven {
  controller: WizardController;
  confirms: ConfirmRequest[];
  /** Answers to the next confirmations (default: yes). */
  answers: boolean[];
  secrets: string[];
  /** Text boxes shown (with their validation), and the answers to the next ones (none left: cancelled). */
  inputs: Array<Parameters<WizardEnvironment['prompts']['input']>[0]>;
  inputAnswers: string[];
  diffs: Array<{ left: DiffSide; right: DiffSide }>;
  log: string[];
  /** Runs the wizard reported to the Pipeline Runs view. */
  tracked: NewTrackedRun[];
  folder: string;
  send<M extends RequestMethod>(method: M, params?: RequestParams[M]): Promise<void>;
}

let id = 0;

export function endpointOf(fx: PublishFixture, name: string, defaultDeployment?: string): WizardEndpoint {
  return {
    id: `${W.workspaceId}/batchEndpoints/${name}`,
    name,
    scoringUri: fx.scoringUri(name),
    authMode: 'AADToken',
    ...(defaultDeployment ? { defaultDeployment } : {}),
    provisioningState: 'Succeeded',
    workspace: {
      id: W.workspaceId,
      name: 'ws-wizard',
      subscriptionId: W.subscription,
      resourceGroup: 'rg-ml',
      tenantId: W.tenant,
    },
  };
}

export function drive(fx: PublishFixture, endpoint: WizardEndpoint, azure: WizardAzure = fx.azure): Driven {
  const folder = mkdtempSync(join(tmpdir(), 'wizard-test-'));
  const driven = {
    confirms: [],
    answers: [],
    secrets: [],
    inputs: [],
    inputAnswers: [],
    diffs: [],
    log: [],
    tracked: [],
    folder,
  } as unknown as Driven;
  const env: WizardEnvironment = {
    cloud: { ...fx.cloud, mlStudioUrl: 'https://ml.example' },
    azure: async () => azure,
    prompts: {
      confirm: async (request) => {
        driven.confirms.push(request);
        return driven.answers.shift() ?? true;
      },
      secret: async () => driven.secrets.shift(),
      input: async (request) => {
        driven.inputs.push(request);
        return driven.inputAnswers.shift();
      },
      chooseFolder: async ({ purpose }) => join(folder, purpose),
    },
    files: nodeFiles([folder]),
    log: {
      info: (m) => driven.log.push(`info ${m}`),
      warn: (m) => driven.log.push(`warn ${m}`),
      error: (m) => driven.log.push(`error ${m}`),
      addSecret: () => undefined,
    },
    openDiff: async (left, right) => {
      driven.diffs.push({ left, right });
    },
    openExternal: async () => undefined,
    signIn: async () => undefined,
    monitorIntervalMs: 100,
    runs: {
      track: async (run) => {
        driven.tracked.push(run);
      },
    },
  };
  driven.controller = new WizardController(endpoint, env);
  driven.send = async (method, params) => {
    const checked = validateWebviewMessage({ type: 'request', id: ++id, method, params: params ?? {} });
    if (!checked.ok) throw new Error(checked.error);
    await driven.controller.handle(checked.value);
    await driven.controller.whenIdle();
  };
  return driven;
}

/** Endpoint -> Target (factory) -> Authentication, waiting for every load. */
export async function toAuth(
  d: Driven,
  factoryName: string,
  authKind: RequestParams['updateForm']['patch']['authKind'] = 'mi',
): Promise<void> {
  d.controller.start();
  await d.controller.whenIdle();
  await d.send('next');
  const factory = d.controller.view().target.factories?.find((f) => f.name === factoryName);
  if (!factory) throw new Error(`no factory ${factoryName}`);
  await d.send('updateForm', { patch: { factoryId: factory.id, authKind } });
  await d.send('next');
}
