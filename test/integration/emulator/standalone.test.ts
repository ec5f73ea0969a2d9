import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorControlClient } from '../../../tools/emulator/control-client';

describe('emulator: standalone (npm run emulator)', () => {
  it('prints its URLs and CA path, answers, and stops on Ctrl-C (SIGINT)', async () => {
    const child = spawn(
      process.execPath,
      [
        join('out', 'tools', 'emulator', 'main.js'),
        '--seed',
        join('test', 'sandbox', 'seed.json'),
        '--port',
        '0',
        '--page-size',
        '7',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Press Ctrl-C')) resolve();
        });
        child.on('exit', () => reject(new Error(`the emulator exited early:\n${output}`)));
      });
      const url = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const caPath = /CA certificate:\s+(\S+)/.exec(output)?.[1];
      assert.ok(url && caPath, output);
      assert.match(output, /Entra ID \(authorityHost\):\s+https:\/\/127\.0\.0\.1:\d+/);
      const health = await new EmulatorControlClient(url, { caCertPem: readFileSync(caPath, 'utf8') }).health();
      assert.equal(health.pageSize, 7);
    } finally {
      child.kill('SIGINT');
    }
    assert.equal(await exited, 0);
    assert.match(output, /Emulator stopped/);
  });

  it('exits with 2 and a usage line without --seed', async () => {
    const child = spawn(process.execPath, [join('out', 'tools', 'emulator', 'main.js')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /--seed is required\nusage: npm run emulator -- --seed <file>/);
  });
});
