// The one way the extension registers a command: one error path (a message with "Show Log" and the Azure request id),
// one log line per run, and cancellation (the user dismissing a prompt, an aborted request) that is not an error.
import * as vscode from 'vscode';
import { describeAzureError, formatAzureError, isRequestTimeout } from '../core/azure';
import type { ExtensionLog } from '../log';

const SIGN_IN_COMMAND = 'adfBatchEndpoints.signIn';

interface CommandSetup {
  log: ExtensionLog;
  /** Command id to its title (package.json), for messages such as "Refresh: ...". */
  titles: ReadonlyMap<string, string>;
}

let setup: CommandSetup | undefined;

/** Called once at activation, before any command is registered. */
export function configureCommands(log: ExtensionLog, manifest: unknown): void {
  const commands =
    (manifest as { contributes?: { commands?: Array<{ command?: unknown; title?: unknown }> } }).contributes
      ?.commands ?? [];
  const titles = new Map<string, string>();
  for (const c of commands) {
    if (typeof c.command === 'string' && typeof c.title === 'string')
      titles.set(c.command, c.title.replace(/\.\.\.$/, ''));
  }
  setup = { log, titles };
}

/** Registers `handler` under `id`; what it returns is what executeCommand returns (undefined after an error). */
export function registerCommand<A extends unknown[], R>(
  id: string,
  handler: (...args: A) => R | Promise<R>,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
    const started = Date.now();
    try {
      const result = await handler(...args);
      setup?.log.debug(`command ${id}: done in ${Date.now() - started} ms`);
      return result;
    } catch (error) {
      if (isCancellation(error)) {
        setup?.log.info(`command ${id}: cancelled after ${Date.now() - started} ms`);
        return undefined;
      }
      // A request that got no answer: Retry runs the command again with the same arguments.
      const retry = isRequestTimeout(error)
        ? (): Thenable<unknown> => vscode.commands.executeCommand(id, ...args)
        : undefined;
      void reportCommandError(id, error, retry);
      return undefined;
    }
  });
}

/**
 * Shows a failed command's error with "Show Log" (and "Sign In" when signing in is the way out, "Retry" when `retry`
 * is given).
 */
export async function reportCommandError(id: string, error: unknown, retry?: () => Thenable<unknown>): Promise<void> {
  const SHOW_LOG = vscode.l10n.t('Show Log');
  const SIGN_IN = vscode.l10n.t('Sign In');
  const RETRY = vscode.l10n.t('Retry');
  const info = describeAzureError(error);
  const requestId = requestIdOf(error);
  const text = requestId
    ? vscode.l10n.t('{0} (request id {1})', formatAzureError(info), requestId)
    : formatAzureError(info);
  setup?.log.error(`command ${id}: ${text}`);
  const title = setup?.titles.get(id);
  const notSignedIn = (error as { name?: unknown } | undefined)?.name === 'AuthenticationRequiredError';
  const choice = await vscode.window.showErrorMessage(
    title ? `${title}: ${text}` : text,
    ...(retry ? [RETRY] : []),
    ...(notSignedIn ? [SIGN_IN] : []),
    SHOW_LOG,
  );
  if (choice === RETRY && retry) await retry();
  if (choice === SHOW_LOG) setup?.log.show();
  if (choice === SIGN_IN) await vscode.commands.executeCommand(SIGN_IN_COMMAND);
}

/** The user cancelled (a prompt, a progress notification) or the operation was aborted on purpose. */
export function isCancellation(error: unknown): boolean {
  const name = (error as { name?: unknown } | undefined)?.name;
  return (
    error instanceof vscode.CancellationError ||
    name === 'AbortError' ||
    name === 'SignInCancelledError' ||
    name === 'Canceled'
  );
}

/** The x-ms-request-id (else the correlation id) of the Azure response behind an SDK error. */
export function requestIdOf(error: unknown): string | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } } | undefined)
    ?.response?.headers;
  if (typeof headers?.get !== 'function') return undefined;
  return headers.get('x-ms-request-id') ?? headers.get('x-ms-correlation-request-id') ?? undefined;
}
