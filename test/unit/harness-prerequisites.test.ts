// The fresh-machine check run before code-server's install (`npm start`, `npm test`): on this machine (CI's
// .ci/run installs the packages) nothing is missing; on a machine without them, root installs them with apt-get
// and anyone else gets the exact command.
import * as assert from 'node:assert/strict';
import { ensurePrerequisites, machineProbe, missingPrerequisites, type MachineProbe } from '../harness/prerequisites';

/** A machine with only the files and commands given; `run` records apt-get calls and can "install" packages. */
function fakeMachine(options: {
  files?: string[];
  commands?: string[];
  root?: boolean;
  aptInstalls?: boolean;
}): MachineProbe & { runs: string[] } {
  const files = new Set(options.files ?? []);
  const commands = new Set(options.commands ?? []);
  const runs: string[] = [];
  return {
    runs,
    fileExists: (path) => files.has(path),
    onPath: (command) => commands.has(command),
    isRoot: () => options.root ?? false,
    run: (command, args) => {
      runs.push([command, ...args].join(' '));
      if (options.aptInstalls && args[0] === 'install') {
        files.add('/usr/include/krb5.h');
        ['g++', 'make', 'python3'].forEach((c) => commands.add(c));
      }
    },
  };
}

describe('harness prerequisites for code-server (fresh machine)', () => {
  it('nothing is missing on this machine (the packages .ci/run installs)', () => {
    assert.deepEqual(
      missingPrerequisites(machineProbe).map((p) => p.debianPackage),
      [],
    );
  });

  it('a bare machine without root stops with the exact apt-get command before any install', () => {
    const machine = fakeMachine({ commands: ['make'] });
    assert.throws(
      () => ensurePrerequisites(() => undefined, machine),
      (error: Error) => {
        assert.match(error.message, /Kerberos headers .*\(Debian package libkrb5-dev\)/);
        assert.match(
          error.message,
          /Run: {2}sudo apt-get update && sudo apt-get install -y libkrb5-dev build-essential python3\n/,
        );
        return true;
      },
    );
    assert.deepEqual(machine.runs, [], 'nothing was run');
  });

  it('as root with apt-get, the missing packages are installed, then the check passes', () => {
    const machine = fakeMachine({ commands: ['apt-get', 'python3'], root: true, aptInstalls: true });
    const log: string[] = [];
    ensurePrerequisites((line) => log.push(line), machine);
    assert.deepEqual(machine.runs, ['apt-get update -q', 'apt-get install -y -q libkrb5-dev build-essential']);
    assert.match(log.join('\n'), /installing Debian packages code-server needs: libkrb5-dev build-essential/);
  });

  it('as root, an apt-get that installs nothing still ends in the message', () => {
    const machine = fakeMachine({ commands: ['apt-get', 'g++', 'make', 'python3'], root: true });
    assert.throws(() => ensurePrerequisites(() => undefined, machine), /sudo apt-get install -y libkrb5-dev/);
  });
});
