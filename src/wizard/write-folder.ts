// Where the wizard may write files. The webview only sends text, so a folder it names is trusted only when the
// extension itself got it from the folder picker, or when it lies inside a folder of the open workspace; relative
// paths are refused (they would resolve against the extension host's working directory).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import * as l10n from '@vscode/l10n';
import { pipelineNameProblem } from './form';

export interface WriteFolderScope {
  /** Folders the extension's folder picker returned in this wizard. */
  readonly picked: ReadonlySet<string>;
  /** Folders of the open workspace (file system paths). */
  readonly workspaceFolders: readonly string[];
}

/** Why the wizard must not write into `folder`, or undefined when it may. */
export function writeFolderProblem(folder: string, scope: WriteFolderScope): string | undefined {
  if (!folder.trim()) return l10n.t('Choose a folder for the files.');
  if ([...folder].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return l10n.t('The folder path has control characters: choose it with Browse...');
  if (!isAbsolute(folder)) return l10n.t('"{0}" is not an absolute path: choose the folder with Browse...', folder);
  const target = resolve(folder);
  if ([...scope.picked].some((picked) => resolve(picked) === target)) return undefined;
  if (scope.workspaceFolders.some((root) => isInside(target, resolve(root)))) return undefined;
  return l10n.t(
    'The wizard writes only into a folder you chose with Browse... or one inside an open workspace folder, and {0} is neither: choose it with Browse...',
    target,
  );
}

function isInside(target: string, root: string): boolean {
  const path = relative(root, target);
  return path === '' || (!isAbsolute(path) && path.split(sep)[0] !== '..');
}

/**
 * Why the wizard must not write pipeline `name` into `folder`: a name problem first (the name becomes the file
 * names, so "../../etc/x" is a bad name before it is a bad path), then the folder's. Undefined when it may.
 */
export function writeTargetProblem(
  name: string,
  folder: string,
  scope: WriteFolderScope,
): { field: 'pipelineName' | 'folder'; message: string } | undefined {
  const nameProblem = pipelineNameProblem(name);
  if (nameProblem) return { field: 'pipelineName', message: nameProblem };
  const folderProblem = writeFolderProblem(folder, scope);
  return folderProblem ? { field: 'folder', message: folderProblem } : undefined;
}
