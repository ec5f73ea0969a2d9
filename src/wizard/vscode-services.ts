// The wizard's surroundings in VS Code: modal confirmations, the password box, folder pickers, files through
// vscode.workspace.fs, the diff editor over in-memory documents, and opening links.
import * as vscode from 'vscode';
import { uriExists } from '../workspace-files';
import { dirname, join } from 'node:path';
import type { DiffSide, WizardFiles, WizardPrompts } from './services';

export const vscodePrompts: WizardPrompts = {
  async confirm({ message, detail, confirmLabel }): Promise<boolean> {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, confirmLabel)) === confirmLabel;
  },
  secret({ title, prompt }): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInputBox({ title, prompt, password: true, ignoreFocusOut: true }));
  },
  input({ title, prompt, value, validate }): Promise<string | undefined> {
    return Promise.resolve(
      vscode.window.showInputBox({ title, prompt, value, ignoreFocusOut: true, validateInput: validate }),
    );
  },
  async chooseFolder({ title }): Promise<string | undefined> {
    const picked = await vscode.window.showOpenDialog({
      title,
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: vscode.l10n.t('Choose'),
      ...(vscode.workspace.workspaceFolders?.[0] ? { defaultUri: vscode.workspace.workspaceFolders[0].uri } : {}),
    });
    return picked?.[0]?.fsPath;
  },
};

/** Forwards to the VS Code prompts, or to the answers an extension-host test gives. */
export class SwitchablePrompts implements WizardPrompts {
  private current: WizardPrompts = vscodePrompts;

  use(prompts: Partial<WizardPrompts> | undefined): void {
    this.current = prompts ? { ...vscodePrompts, ...prompts } : vscodePrompts;
  }

  confirm(request: Parameters<WizardPrompts['confirm']>[0]): Promise<boolean> {
    return this.current.confirm(request);
  }

  secret(request: Parameters<WizardPrompts['secret']>[0]): Promise<string | undefined> {
    return this.current.secret(request);
  }

  input(request: Parameters<WizardPrompts['input']>[0]): Promise<string | undefined> {
    return this.current.input(request);
  }

  chooseFolder(request: Parameters<WizardPrompts['chooseFolder']>[0]): Promise<string | undefined> {
    return this.current.chooseFolder(request);
  }
}

export const vscodeFiles: WizardFiles = {
  async readText(path: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(path)));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  },
  exists: (path: string): Promise<boolean> => uriExists(vscode.Uri.file(path)),
  async write(path: string, content: Uint8Array): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(dirname(path)));
    await vscode.workspace.fs.writeFile(vscode.Uri.file(path), content);
  },
  workspaceFolders(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  },
  async repositoryCandidates(): Promise<string[]> {
    const found = new Set<string>();
    const holdsFactoryFolders = async (uri: vscode.Uri): Promise<boolean> => {
      const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(uri)).catch(
        () => [] as [string, vscode.FileType][],
      );
      return entries.some(
        ([name, type]) => type === vscode.FileType.Directory && (name === 'pipeline' || name === 'factory'),
      );
    };
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      if (await holdsFactoryFolders(folder.uri)) found.add(folder.uri.fsPath);
      const children = await Promise.resolve(vscode.workspace.fs.readDirectory(folder.uri)).catch(
        () => [] as [string, vscode.FileType][],
      );
      for (const [name, type] of children) {
        if (type !== vscode.FileType.Directory || name.startsWith('.') || name === 'node_modules') continue;
        if (await holdsFactoryFolders(vscode.Uri.joinPath(folder.uri, name))) found.add(join(folder.uri.fsPath, name));
      }
    }
    return [...found];
  },
};

export const DIFF_SCHEME = 'adf-batch-wizard';

/** Read-only in-memory documents for the diff editor. */
export class DiffDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, this);
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  async open(left: DiffSide, right: DiffSide, title: string): Promise<void> {
    const id = ++this.counter;
    const uriOf = (side: DiffSide, which: string): vscode.Uri => {
      const uri = vscode.Uri.from({
        scheme: DIFF_SCHEME,
        path: `/${id}/${which}/${side.title.replace(/[\\/:*?"<>|]+/g, '_')}.json`,
      });
      this.texts.set(uri.toString(), side.text);
      return uri;
    };
    await vscode.commands.executeCommand('vscode.diff', uriOf(left, 'left'), uriOf(right, 'right'), title, {
      preview: true,
    });
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}
