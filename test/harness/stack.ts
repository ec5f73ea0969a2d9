// One running stack: the Azure emulator (in this process), then code-server with the extension from source,
// user settings that point the extension at the emulator. Shared by exthost runs, UI tests and `npm start`.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer, startCodeServer, type RunningCodeServer } from './code-server';
import { seedServicePrincipal, startHarnessEmulator, type HarnessEmulator } from './emulator-launch';
import { linkExtension, type ExtensionIdentity } from './extension-link';
import { ensureDir, freshRunDir, repoRoot, socketSafePath, testResultsDir } from './paths';
import { prepareStandIns, prepareViewOpener, type StandIns } from './stand-ins';
import { emulatorSettings, quietWorkbenchSettings, writeUserSettings } from './user-settings';

/** The seed extension-host and UI tests run against unless they pass another. */
export const defaultTestSeed: string = join(repoRoot, 'test', 'fixtures', 'seeds', 'exthost.json');
/** The folder tests open: an ADF git-integration layout. */
export const fixtureWorkspace: string = join(repoRoot, 'test', 'fixtures', 'workspace');

export interface StackOptions {
  /** Names the run folder and the log files. */
  label: string;
  /** Seed file for the emulator; `false` runs without it. */
  seed?: string | false;
  /** Client id of the seed's service principal to sign in as (default: the seed's first one). */
  servicePrincipalClientId?: string;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Extra code-server arguments. */
  codeServerArgs?: string[];
  /** Extra environment for code-server (and so the extension host). */
  env?: Record<string, string>;
  /** Reuse this run folder instead of a fresh one (the sandbox keeps its state between starts). */
  runDir?: string;
  /** Fixed ports (the sandbox); default free ones. */
  codeServerPort?: number;
  emulatorPort?: number;
  /** Link the extension into the extensions dir (off when the run loads it as extensionDevelopmentPath). */
  linkExtension?: boolean;
  /** Link this folder as the extension instead of the repository (given the run's folder). */
  extensionFolder?: (runDir: string) => string;
  /** Stand-ins for the Microsoft authentication provider and `az` (test/stand-ins; see stand-ins.ts). */
  standIns?: boolean;
  /** Open the extension's view when the workbench starts (the sandbox; test/stand-ins/sandbox-view). */
  openViewOnStart?: boolean;
  /** The custom cloud names the ARM audience of the cloud the emulator plays (VS Code accounts sign in by it). */
  playedCloudAudience?: boolean;
  /**
   * Keep Workspace Trust on: the folder opens untrusted (Restricted Mode) without the startup prompt, and trust is
   * granted the way users do it (the Workspace Trust editor). Default off: every folder is trusted.
   */
  workspaceTrust?: boolean;
  /** More CA certificates (PEM files) the extension host trusts besides the emulator's (e.g. a second emulator's). */
  extraCaCertPaths?: string[];
}

export interface Stack {
  /** The run's folder (possibly through a short symlink: see socketSafePath). */
  runDir: string;
  emulator: HarnessEmulator | undefined;
  codeServer: RunningCodeServer;
  extension: ExtensionIdentity | undefined;
  /** The environment code-server was given on top of its own (what suites can rely on). */
  env: Record<string, string>;
  /** When asked for: the stand-ins (the auth extension is installed in the run's extensions dir). */
  standIns: StandIns | undefined;
  /** Stops code-server (whole process group), then the emulator; keeps the code-server log in test-results. */
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const install = await ensureCodeServer();
  const realRunDir = options.runDir ?? freshRunDir(options.label);
  const socketSafe = socketSafePath(realRunDir);
  const runDir = socketSafe.path;
  const seed = options.seed === undefined ? defaultTestSeed : options.seed;
  const emulator =
    seed === false
      ? undefined
      : await startHarnessEmulator(seed, { port: options.emulatorPort, stateDir: ensureDir(runDir, 'emulator') });
  try {
    const env: Record<string, string> = { ...options.env };
    const settings: Record<string, unknown> = { ...quietWorkbenchSettings };
    if (emulator && seed !== false) {
      // Settings carry the tenant and client id; the secret only reaches the extension through the environment.
      const servicePrincipal = seedServicePrincipal(seed, options.servicePrincipalClientId);
      Object.assign(settings, emulatorSettings(emulator.cloud, servicePrincipal));
      if (options.playedCloudAudience)
        Object.assign(settings['adfBatchEndpoints.customCloud'] as object, { armAudience: emulator.cloud.armAudience });
      env.NODE_EXTRA_CA_CERTS = emulator.caCertPath;
      env.ADF_BATCH_EMULATOR_URL = emulator.url;
      env.ADF_BATCH_SANDBOX_SP_SECRET = servicePrincipal.secret;
    }
    if (options.extraCaCertPaths?.length) {
      // NODE_EXTRA_CA_CERTS takes one file: a bundle of every CA.
      const bundle = join(runDir, 'extra-ca-certs.pem');
      const files = [...(env.NODE_EXTRA_CA_CERTS ? [env.NODE_EXTRA_CA_CERTS] : []), ...options.extraCaCertPaths];
      writeFileSync(bundle, files.map((file) => readFileSync(file, 'utf8').trim()).join('\n') + '\n');
      env.NODE_EXTRA_CA_CERTS = bundle;
    }
    if (options.workspaceTrust) Object.assign(settings, restrictedModeSettings);
    Object.assign(settings, options.settings);
    writeUserSettings(ensureDir(runDir, 'user-data'), settings);
    const extensionsDir = ensureDir(runDir, 'extensions');
    const extension =
      options.linkExtension === false ? undefined : linkExtension(extensionsDir, options.extensionFolder?.(realRunDir));
    const standIns = options.standIns ? prepareStandIns(runDir) : undefined;
    if (standIns) {
      Object.assign(env, standIns.env);
      cpSync(standIns.microsoftAuthExtension, join(extensionsDir, standIns.microsoftAuthFolderName), {
        recursive: true,
      });
    }
    if (options.openViewOnStart) {
      const opener = prepareViewOpener(runDir);
      cpSync(opener.folder, join(extensionsDir, opener.folderName), { recursive: true });
    }
    const args = [...(options.codeServerArgs ?? []), ...(standIns?.codeServerArgs ?? [])];
    const codeServer = await startCodeServer(install, {
      runDir,
      env,
      args,
      port: options.codeServerPort,
      workspaceTrust: options.workspaceTrust,
    });
    const stop = async (): Promise<void> => {
      await codeServer.stop();
      await emulator?.stop();
      keepLog(codeServer.logFile, options.label);
      socketSafe.release();
      if (!options.runDir && !process.env.KEEP_RUN_DIRS) rmSync(realRunDir, { recursive: true, force: true });
    };
    return { runDir, emulator, codeServer, extension, env, standIns, stop };
  } catch (error) {
    await emulator?.stop();
    socketSafe.release();
    throw error;
  }
}

/** Workspace Trust on, without the modal startup prompt (a test grants trust in the trust editor instead). */
const restrictedModeSettings: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/** Copies code-server's log to test-results/logs/<label>-code-server.log (the run folder is removed). */
function keepLog(logFile: string, label: string): void {
  if (!existsSync(logFile)) return;
  cpSync(logFile, join(ensureDir(testResultsDir, 'logs'), `${label}-code-server.log`));
}
