// Azure work a command waits for, under a cancellable notification: its Cancel aborts the request in flight (the SDK's
// abortSignal), which the command wrapper treats as a cancellation, not an error.
import * as vscode from 'vscode';

/** Runs `work` with a "title" notification whose Cancel button aborts `work`'s signal. */
export function withAzureProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (_progress, token) => {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort());
      return work(controller.signal).finally(() => listener.dispose());
    },
  );
}

/** An AbortSignal that follows a VS Code cancellation token (undefined without one). */
export function abortSignalOf(token: vscode.CancellationToken | undefined): AbortSignal | undefined {
  if (!token) return undefined;
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
