// Entry point: wires the features together. Feature code lives in its own module; the pure logic in src/core.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('adfBatchEndpoints.showVersion', () => {
    void vscode.window.showInformationMessage(`ADF Batch Endpoints ${context.extension.packageJSON.version}`);
  }));
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
