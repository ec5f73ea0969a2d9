// Requests from the suites to the harness that runs them (test/harness/exthost-runner.ts), for what the
// extension host cannot do: clicking the workbench's modal dialogs (VS Code asks "The extension ... wants
// to sign in using Microsoft." before a provider's createSession).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** Must match harnessRequestMarker in test/harness/exthost-runner.ts (not imported: this runs in the extension host). */
const harnessRequestMarker = '@@harness ';

/** The harness clicks `label` on the next modal dialog the workbench shows (within 60 s). */
export function clickNextDialogButton(label: string): void {
  console.log(`${harnessRequestMarker}${JSON.stringify({ clickDialogButton: label })}`);
}

/** Asks the harness to act on the workbench and waits for its answer (it gives up after 60 s itself). */
async function askHarness(request: Record<string, unknown>): Promise<void> {
  const replies = process.env.ADF_BATCH_HARNESS_REPLIES;
  if (!replies) throw new Error('ADF_BATCH_HARNESS_REPLIES is not set: run this suite through the harness.');
  const id = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const file = join(replies, `${id}.json`);
  console.log(`${harnessRequestMarker}${JSON.stringify({ id, ...request })}`);
  const deadline = Date.now() + 120_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`the harness did not answer ${JSON.stringify(request)} in 120 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const answer = JSON.parse(readFileSync(file, 'utf8')) as { ok: boolean; error?: string };
  if (!answer.ok) throw new Error(`the harness could not do ${JSON.stringify(request)}: ${answer.error}`);
}

/** Waits until the workbench shows `text` (anywhere on the page). */
export function expectVisibleText(text: string): Promise<void> {
  return askHarness({ visibleText: text });
}

/** Clicks `button` (e.g. "Cancel", "Retry") on the notification showing `text`. */
export async function clickNotificationButton(text: string, button: string): Promise<void> {
  // The notification center lists every notification, also those the test workbench shows no toast for.
  await vscode.commands.executeCommand('notifications.showList');
  await askHarness({ notificationButton: { text, button } });
}

/** Clicks "Trust" in the Workspace Trust editor (open it first with workbench.trust.manage). */
export function clickTrustInTrustEditor(): Promise<void> {
  return askHarness({ trustWorkspace: true });
}
