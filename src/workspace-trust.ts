// Workspace Trust (package.json `capabilities.untrustedWorkspaces: limited`): in Restricted Mode validation, hover,
// completion, quick fixes and the schema work (they only read files), while everything that signs in or sends
// requests (the sidebar's Azure calls, sign-in, the wizard, publish, Dry Run) waits for trust, asked for with
// VS Code's own flow. https://code.visualstudio.com/api/extension-guides/workspace-trust
import * as vscode from 'vscode';

/** VS Code's "Manage Workspace Trust" editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

export function isWorkspaceTrusted(): boolean {
  return vscode.workspace.isTrusted;
}

/** True when the workspace is trusted; otherwise says why `feature` needs trust, offers VS Code's trust editor, false. */
export async function requireWorkspaceTrust(feature: string): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      '{0} needs a trusted workspace: it signs in to Azure and sends requests on your behalf. This workspace is in Restricted Mode; validating pipeline files keeps working.',
      feature,
    ),
    manage,
  );
  if (answer === manage) await vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
  return false;
}

/** Wraps a command handler so it runs only in a trusted workspace. */
export function whenTrusted<A extends unknown[], R>(
  feature: string,
  handler: (...args: A) => Promise<R> | R,
): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => ((await requireWorkspaceTrust(feature)) ? handler(...args) : undefined);
}
