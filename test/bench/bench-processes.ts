// The two child processes of a bench against the emulator: the emulator (its CPU is not the client's, as a real
// Azure's is not) and the timed client, started with NODE_EXTRA_CA_CERTS the way the extension host trusts the
// emulator (an explicit `ca` per request would build a TLS context per connection and time that instead).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BenchEmulatorInfo } from './emulator-process';

export interface BenchEmulator {
  info: BenchEmulatorInfo;
  stop(): void;
}

/** Starts test/bench/emulator-process with `args` and waits for its URL. */
export async function startBenchEmulator(args: string[]): Promise<BenchEmulator> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'emulator-process.js'), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolveLine, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolveLine);
    child.once('exit', (code) => reject(new Error(`the bench emulator exited with ${code}`)));
  });
  return { info: JSON.parse(firstLine) as BenchEmulatorInfo, stop: () => child.stdin?.end() };
}

/**
 * Runs a bench client script (test/bench/<script>.js) with `input` as its argument; returns its last stdout line as
 * JSON. `nodeArgs` go to node itself (for example `--expose-gc` for a memory figure).
 */
export function runBenchClient<T>(script: string, input: unknown, caCertPath: string, nodeArgs: string[] = []): T {
  const child = spawnSync(process.execPath, [...nodeArgs, join(__dirname, `${script}.js`), JSON.stringify(input)], {
    encoding: 'utf8',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: caCertPath },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the ${script} bench failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? 'null') as T;
}
