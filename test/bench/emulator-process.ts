// The bench's emulator in a process of its own, so that its CPU work does not queue behind the client's
// (a real Azure is not on the client's event loop). Prints {"url","caCertPath","mlAudience"} on one line;
// stops when its stdin closes.
import { startEmulator } from '../../tools/emulator';
import { benchSeed } from './bench-seed';

export interface BenchEmulatorInfo {
  url: string;
  /** For NODE_EXTRA_CA_CERTS of the client process, as the extension host gets it. */
  caCertPath: string;
  mlAudience: string;
}

async function main(): Promise<void> {
  const [subscriptions, workspaces, longEndpoints, pageSize] = process.argv.slice(2).map(Number);
  const emulator = await startEmulator({ seed: benchSeed(subscriptions, workspaces, longEndpoints), pageSize });
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
