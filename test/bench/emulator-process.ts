// The bench's emulator in a process of its own, so that its CPU work does not queue behind the client's
// (a real Azure is not on the client's event loop). Prints {"url","caCertPath","mlAudience"} on one line;
// stops when its stdin closes. Arguments: the sidebar bench's seed sizes (subscriptions, workspaces, long
// endpoints, page size[, endpoints per workspace]), or `--seed-file <json> <page size>` for a seed of the bench's own.
import { readFileSync } from 'node:fs';
import { startEmulator, type EmulatorSeed } from '../../tools/emulator';
import { benchSeed } from './bench-seed';

export interface BenchEmulatorInfo {
  url: string;
  /** For NODE_EXTRA_CA_CERTS of the client process, as the extension host gets it. */
  caCertPath: string;
  mlAudience: string;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let seed: EmulatorSeed;
  let pageSize: number;
  if (args[0] === '--seed-file') {
    seed = JSON.parse(readFileSync(args[1], 'utf8')) as EmulatorSeed;
    pageSize = Number(args[2]);
  } else {
    const [subscriptions, workspaces, longEndpoints, size, endpoints] = args.map(Number);
    seed = benchSeed(subscriptions, workspaces, longEndpoints, endpoints || undefined);
    pageSize = size;
  }
  const emulator = await startEmulator({ seed, pageSize });
  const info: BenchEmulatorInfo = {
    url: emulator.url,
    caCertPath: emulator.caCertPath,
    mlAudience: emulator.cloud.mlAudience,
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void emulator.stop().then(() => process.exit(0)));
}

if (require.main === module) void main();
