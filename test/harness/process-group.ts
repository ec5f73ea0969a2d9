// Child processes started in their own process group, so stopping one stops everything it spawned
// (code-server leaves a file-watcher child behind for seconds if only the main process is killed).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface GroupProcess {
  child: ChildProcess;
  /** Resolves with the exit code (or signal) of the main process. */
  exited: Promise<number | string>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs` if anything is left. */
  stop(graceMs?: number): Promise<void>;
}

/** Spawns `command` as the leader of a new process group. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): GroupProcess {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = new Promise<number | string>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit(code ?? signal ?? 'unknown'));
    child.once('error', (error) => resolveExit(error.message));
  });
  let stopping: Promise<void> | undefined;
  return {
    child,
    exited,
    stop(graceMs = 5_000): Promise<void> {
      stopping ??= stopGroup(child.pid, graceMs);
      return stopping;
    },
  };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopGroup(pid: number | undefined, graceMs: number): Promise<void> {
  if (!pid || !groupAlive(pid)) return;
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  if (!groupAlive(pid)) return;
  signalGroup(pid, 'SIGKILL');
  // Bounded: an unreaped zombie (no init reaping in some containers) would still answer signal 0.
  const killDeadline = Date.now() + 3_000;
  while (groupAlive(pid) && Date.now() < killDeadline) await sleep(50);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
