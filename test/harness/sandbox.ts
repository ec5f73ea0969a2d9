// `npm start`: the emulator with the sandbox seed, code-server with the extension from source and the sample
// folder test/sandbox/workspace, configured to use the emulator as a custom cloud. Ctrl-C stops everything.
// Environment: PORT (code-server, default 8080), EMULATOR_PORT (default 7443); a busy port falls back to a free one.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createEngineExecutor } from '../../tools/emulator/engine-executor';
import { freePort } from './code-server';
import { cacheDir, ensureDir, repoRoot } from './paths';
import { startStack, type Stack } from './stack';

const sandboxSeed = join(repoRoot, 'test', 'sandbox', 'seed.json');
const sandboxWorkspace = join(repoRoot, 'test', 'sandbox', 'workspace');

async function main(): Promise<void> {
  const stack = await startStack({
    label: 'sandbox',
    seed: sandboxSeed,
    // Kept between starts (settings are rewritten each time), so the workbench remembers its layout.
    runDir: ensureDir(cacheDir, 'sandbox'),
    codeServerPort: await preferredPort(Number(process.env.PORT ?? 8080)),
    emulatorPort: await preferredPort(Number(process.env.EMULATOR_PORT ?? 7443)),
    openViewOnStart: true,
  });
  // Pipeline runs really run their activities (Web calls to the emulated endpoints), so "Rerun from Failed
  // Activity" on the seeded failed run shows the recovery run polling its job to Succeeded.
  stack.emulator?.setPipelineRunExecutor(createEngineExecutor());
  const url = `${stack.codeServer.url}/?folder=${encodeURI(sandboxWorkspace)}`;
  console.log(
    [
      '',
      'ADF Batch Endpoints sandbox is running.',
      `  Open:            ${url}`,
      `  Azure emulator:  ${stack.emulator?.url ?? '(not running)'}  (ARM, Entra ID; control API at /_emulator/)`,
      `  Emulator CA:     ${stack.emulator?.caCertPath ?? '-'}`,
      `  Signed in as:    the sandbox service principal of ${sandboxSeed}`,
      `  code-server log: ${stack.codeServer.logFile}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  await stopOnSignal(stack);
}

function stopOnSignal(stack: Stack): Promise<void> {
  return new Promise((resolveStopped) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      console.log(`\n${signal}: stopping code-server and the emulator...`);
      void stack.stop().then(() => {
        console.log('Stopped.');
        resolveStopped();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.on('SIGHUP', stop);
    // If code-server dies on its own, stop the rest too.
    void stack.codeServer.process.exited.then((code) => {
      if (!stopping) console.log(`code-server exited (${code}); see ${stack.codeServer.logFile}`);
      stop('SIGTERM');
    });
  });
}

/** `port` if it is free right now, else one the OS picks. */
async function preferredPort(port: number): Promise<number> {
  const free = await new Promise<boolean>((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolveFree(true)));
  });
  if (free) return port;
  const other = await freePort();
  console.log(`port ${port} is busy: using ${other}`);
  return other;
}

main().catch((error: unknown) => {
  console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
