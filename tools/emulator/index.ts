// The Azure emulator: an HTTPS server on 127.0.0.1 speaking Entra ID, ARM and the batch endpoint data
// plane, driven by a seed (docs/emulator.md). Start it with startEmulator().
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCertificates } from './ca';
import { Emulator, type EmulatorCloud, type FactoryRef } from './emulator';
import { createEngineExecutor } from './engine-executor';
import type { PipelineRunExecutor } from './pipeline-runs';
import { resolveSeed, type EmulatorSeed } from './seed';
import { RequestHandler } from './server';

export type { EmulatorCloud, FactoryRef } from './emulator';
export type {
  EmulatorSeed,
  JobOutcome,
  ProvisioningState,
  SeedBatchDeployment,
  SeedBatchEndpoint,
  SeedCredential,
  SeedDataFactory,
  SeedDatastore,
  SeedFactoryEntity,
  SeedJobBehaviour,
  SeedKeyVault,
  SeedPrincipal,
  SeedRepoConfiguration,
  SeedResourceGroup,
  SeedRoleAssignment,
  SeedServicePrincipal,
  SeedSubscription,
  SeedTenant,
  SeedUser,
  SeedWorkspace,
} from './seed';
export { SeedError, loadSeedFile, checkSeed } from './seed';
export type { PipelineRunExecutor, PipelineRunContext, PipelineRunResult, ActivityRunHandle } from './pipeline-runs';

export interface StartEmulatorOptions {
  /** Seed object or path to a seed JSON file (format in docs/emulator.md). */
  seed: EmulatorSeed | string;
  /** 0 or undefined = a free port. */
  port?: number;
  /** List page size (nextLink), default 50. */
  pageSize?: number;
  /** Where the CA and server certificate PEM files go; default a fresh temp dir (removed on stop). */
  stateDir?: string;
  /** Job status progression speed multiplier for tests (default 1). */
  timeScale?: number;
  /** What pipeline runs do; default: the local engine runs them (createEngineExecutor). */
  pipelineRunExecutor?: PipelineRunExecutor;
}

export interface RunningEmulator {
  /** 'https://127.0.0.1:<port>': ARM endpoint, Entra authority host and control API. */
  url: string;
  /** PEM file of the emulator's CA (for NODE_EXTRA_CA_CERTS). */
  caCertPath: string;
  caCertPem: string;
  cloud: EmulatorCloud;
  stateDir: string;
  stop(): Promise<void>;
  /** Plugs in what pipeline runs do (the local engine). */
  setPipelineRunExecutor(executor: PipelineRunExecutor): void;
  /** A token (JWT) for a factory's system-assigned identity, or for the identity of one of its ADF credentials. */
  issueManagedIdentityToken(factory: FactoryRef, resource: string, credentialName?: string): string;
  /** Back to the seed (same as POST /_emulator/reset). */
  reset(): void;
}

export async function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
  const seed = resolveSeed(options.seed);
  const pageSize = options.pageSize ?? 50;
  const timeScale = options.timeScale ?? 1;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`pageSize must be a positive integer, got ${pageSize}`);
  if (!(timeScale > 0)) throw new Error(`timeScale must be a positive number, got ${timeScale}`);
  const ownsStateDir = options.stateDir === undefined;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'adf-batch-emulator-'));
  mkdirSync(stateDir, { recursive: true });
  const certs = createCertificates(stateDir);

  const server = createServer({ cert: certs.serverCertPem, key: certs.serverKeyPem });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `https://127.0.0.1:${port}`;
  const emulator = new Emulator({
    url,
    caCertPem: certs.caCertPem,
    seed,
    pageSize,
    timeScale,
    pipelineRunExecutor: options.pipelineRunExecutor ?? createEngineExecutor(),
  });
  const handler = new RequestHandler(emulator);
  server.on('request', (req, res) => void handler.handle(req, res));

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= new Promise<void>((resolve) => {
      emulator.runs.abortAll();
      server.close(() => {
        if (ownsStateDir) rmSync(stateDir, { recursive: true, force: true });
        resolve();
      });
      for (const res of handler.hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
    }));

  return {
    url,
    caCertPath: certs.caCertPath,
    caCertPem: certs.caCertPem,
    get cloud(): EmulatorCloud {
      return emulator.cloud; // follows the seed's `cloud` (a seed set through the control API may change it)
    },
    stateDir,
    stop,
    setPipelineRunExecutor: (executor) => emulator.setPipelineRunExecutor(executor),
    issueManagedIdentityToken: (factory, resource, credentialName) =>
      emulator.issueManagedIdentityToken(factory, resource, credentialName),
    reset: () => emulator.reset(),
  };
}
