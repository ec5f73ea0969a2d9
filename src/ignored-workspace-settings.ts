// VS Code drops an application-scoped setting from workspace settings before the extension can inspect() it, so
// the credential settings a repository sets (a hostile .vscode/settings.json pointing customCloud at its own host)
// would be ignored silently. This reads the workspace's settings files themselves and warns once per setting,
// naming it, so the user learns the value is not used.
import { parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import {
  CREDENTIAL_SETTINGS,
  SETTINGS_SECTION,
  ignoredWorkspaceSettingWarnings,
  warnIgnoredWorkspaceSetting,
} from './settings';

/** The trust side of the extension API (used by extension-host tests). */
export interface TrustApi {
  /** Warnings shown this session about credential settings a workspace tried to set (each once). */
  ignoredSettingWarnings(): string[];
}

declare module './api' {
  interface ExtensionApi {
    readonly trust?: TrustApi;
  }
}

export function trustApi(): TrustApi {
  return { ignoredSettingWarnings: ignoredWorkspaceSettingWarnings };
}

const CREDENTIAL_NAMES = CREDENTIAL_SETTINGS.map((key) => `${SETTINGS_SECTION}.${key}`);

/** Checks the workspace's settings files now and whenever they or the folders change. */
export function watchIgnoredWorkspaceSettings(): vscode.Disposable {
  const check = (): void => void checkWorkspaceSettingsFiles();
  check();
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration(check),
    vscode.workspace.onDidChangeWorkspaceFolders(check),
  );
}

/** Warns about each credential setting found in a folder's .vscode/settings.json or the .code-workspace file. */
export async function checkWorkspaceSettingsFiles(): Promise<void> {
  const files: Array<{ uri: vscode.Uri; section?: string }> = (vscode.workspace.workspaceFolders ?? []).map(
    (folder) => ({ uri: vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json') }),
  );
  const workspaceFile = vscode.workspace.workspaceFile;
  if (workspaceFile && workspaceFile.scheme !== 'untitled') files.push({ uri: workspaceFile, section: 'settings' });
  for (const file of files) {
    for (const name of await credentialSettingsIn(file.uri, file.section)) warnIgnoredWorkspaceSetting(name);
  }
}

async function credentialSettingsIn(uri: vscode.Uri, section: string | undefined): Promise<string[]> {
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return []; // No settings file.
  }
  const root: unknown = parse(text, [], { allowTrailingComma: true, disallowComments: false });
  const settings = section && isObject(root) ? root[section] : root;
  if (!isObject(settings)) return [];
  return CREDENTIAL_NAMES.filter(
    (name) =>
      name in settings ||
      // Also the nested form: "adfBatchEndpoints": { "customCloud": ... }.
      (isObject(settings[SETTINGS_SECTION]) && name.slice(SETTINGS_SECTION.length + 1) in settings[SETTINGS_SECTION]),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
