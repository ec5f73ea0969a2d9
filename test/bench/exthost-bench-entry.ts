// The frame of every bench that runs INSIDE the extension host (started by the harness as an extensionTestsPath): it
// measures, writes the figures as JSON for the Node side to print (or the error beside them), and tells the harness
// whether it passed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as vscode from 'vscode';

/** Must match resultMarker and relayMarker in test/harness/exthost-runner.ts. */
const resultMarker = '@@exthost-result ';
/** Lines the harness relays (its watchdog also wants one within 5 minutes of the page load). */
export const RELAY_MARKER = '@@mocha ';
/** The checkout (this file runs from out/test/bench). */
export const BENCH_REPO_ROOT = resolve(__dirname, '..', '..', '..');

export async function runBenchEntry(name: string, resultFile: string, measure: () => Promise<unknown>): Promise<void> {
  let failed = 0;
  mkdirSync(dirname(resultFile), { recursive: true });
  try {
    writeFileSync(resultFile, `${JSON.stringify(await measure(), null, 2)}\n`);
  } catch (error) {
    failed = 1;
    writeFileSync(
      resultFile.replace(/\.json$/, '.error.txt'),
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
  }
  console.log(`${resultMarker}${JSON.stringify({ passed: 1 - failed, failed, skipped: 0 })}`);
  if (failed) throw new Error(`${name} bench failed`);
}

/** This extension, found by the identity in package.json. */
export function ourExtension<T>(): vscode.Extension<T> {
  const manifest = JSON.parse(readFileSync(join(BENCH_REPO_ROOT, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
  };
  const extension = vscode.extensions.getExtension<T>(`${manifest.publisher}.${manifest.name}`);
  if (!extension) throw new Error('the extension is not installed');
  return extension;
}
