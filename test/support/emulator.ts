// One emulator for a mocha suite: started before its tests (pipeline runs executed by the local engine, the
// emulator's default), back to its seed before each test (unless the suite resets it itself), stopped after them.
// Call it at the top of a describe(): its hooks then run before the suite's own.
import type { CloudDefinition } from '../../src/core/clouds';
import { EmulatorControlClient } from '../../tools/emulator/control-client';
import { startEmulator, type EmulatorSeed, type RunningEmulator } from '../../tools/emulator/index';

export interface UseEmulatorOptions {
  /** List page size (nextLink); the emulator's default (50) when not given. */
  readonly pageSize?: number;
  /** Job status progression speed multiplier (the emulator's default is 1). */
  readonly timeScale?: number;
  /** Back to the seed before each test (default true). */
  readonly resetEachTest?: boolean;
}

/** The running emulator; its members are set once the suite's `before` hooks have run. */
export interface EmulatorUnderTest {
  readonly emulator: RunningEmulator;
  /** Its control API over HTTPS (faults, seeds, request log). */
  readonly control: EmulatorControlClient;
  /** The emulator as the custom cloud the product signs in to (ARM and Entra ID at its URL). */
  readonly cloud: CloudDefinition;
}

export function useEmulator(seed: string | EmulatorSeed, options: UseEmulatorOptions = {}): EmulatorUnderTest {
  const handle = {} as { emulator: RunningEmulator; control: EmulatorControlClient; cloud: CloudDefinition };
  before(async () => {
    const emulator = await startEmulator({
      seed,
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
    });
    handle.emulator = emulator;
    handle.control = new EmulatorControlClient(emulator.url, { caCertPem: emulator.caCertPem });
    handle.cloud = {
      name: 'Custom',
      resourceManagerEndpoint: emulator.url,
      authorityHost: emulator.url,
      armAudience: 'https://management.azure.com/',
      mlAudience: 'https://ml.azure.com',
    };
  });
  if (options.resetEachTest ?? true) beforeEach(() => handle.emulator.reset());
  after(async () => {
    await handle.emulator?.stop();
  });
  return handle;
}
