// What code-server's install needs from the machine: its native modules (kerberos, node-pty, sqlite...) are
// compiled by node-gyp. Checked before the long install, so a fresh machine either gets the Debian packages
// (as root, like .ci/run) or stops at once with the exact command to run, not after minutes of npm output.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface Prerequisite {
  /** What it is for, in words. */
  readonly what: string;
  /** The Debian/Ubuntu package that brings it. */
  readonly debianPackage: string;
  readonly present: (probe: MachineProbe) => boolean;
}

/** How the check looks at the machine (tests pass their own). */
export interface MachineProbe {
  fileExists(path: string): boolean;
  onPath(command: string): boolean;
  isRoot(): boolean;
  /** Runs a command as the current user, output shown; throws when it fails. */
  run(command: string, args: readonly string[]): void;
}

export const PREREQUISITES: readonly Prerequisite[] = [
  {
    what: "Kerberos headers (code-server's kerberos module)",
    debianPackage: 'libkrb5-dev',
    present: (probe) => probe.fileExists('/usr/include/krb5.h') || probe.fileExists('/usr/include/krb5/krb5.h'),
  },
  {
    what: 'a C++ toolchain (g++ and make, for node-gyp)',
    debianPackage: 'build-essential',
    present: (probe) => probe.onPath('g++') && probe.onPath('make'),
  },
  { what: 'python3 (node-gyp)', debianPackage: 'python3', present: (probe) => probe.onPath('python3') },
];

export const machineProbe: MachineProbe = {
  fileExists: existsSync,
  onPath: (command) =>
    (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command))),
  isRoot: () => process.getuid?.() === 0,
  run: (command, args) =>
    void execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }),
};

export function missingPrerequisites(probe: MachineProbe = machineProbe): Prerequisite[] {
  return PREREQUISITES.filter((p) => !p.present(probe));
}

/** The command a user runs to install what is missing. */
export function installCommand(missing: readonly Prerequisite[]): string {
  return `sudo apt-get update && sudo apt-get install -y ${missing.map((p) => p.debianPackage).join(' ')}`;
}

/**
 * Installs the missing packages when running as root on a machine with apt-get; otherwise throws an error that
 * names what is missing and the exact command to run.
 */
export function ensurePrerequisites(log: (line: string) => void, probe: MachineProbe = machineProbe): void {
  const missing = missingPrerequisites(probe);
  if (missing.length === 0) return;
  const packages = missing.map((p) => p.debianPackage);
  if (probe.isRoot() && probe.onPath('apt-get')) {
    log(`installing Debian packages code-server needs: ${packages.join(' ')}`);
    probe.run('apt-get', ['update', '-q']);
    probe.run('apt-get', ['install', '-y', '-q', ...packages]);
    const still = missingPrerequisites(probe);
    if (still.length === 0) return;
    missing.splice(0, missing.length, ...still);
  }
  throw new Error(
    [
      'code-server cannot be installed on this machine yet; it needs:',
      ...missing.map((p) => `  - ${p.what} (Debian package ${p.debianPackage})`),
      `Run:  ${installCommand(missing)}`,
      'then run the command again.',
    ].join('\n'),
  );
}
