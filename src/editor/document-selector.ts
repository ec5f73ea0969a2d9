// Which documents and files are ADF pipeline files: ADF git-integration `pipeline/` folders, any JSON whose
// root has properties.activities, ARM templates with pipeline resources, and the user's extra globs.
import * as vscode from 'vscode';
import {
  classifyPipelineFile,
  factoryRootOf,
  isFactoryRootListing,
  type PipelineFileFacts,
  type PipelineFileReason,
} from '../core/editor-support';
import type { JsonNode } from '../core/json';
import type { PipelineDocuments } from './pipeline-documents';
import { readValidationSettings } from './validation-settings';

/** Documents of these schemes are validated; others (git:, output:, ...) are views of something else. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);
const LANGUAGES = new Set(['json', 'jsonc']);

/** For language features (hover, completion, quick fixes): JSON documents; each then checks `isPipelineDocument`. */
export const JSON_DOCUMENTS: vscode.DocumentSelector = [
  { language: 'json', scheme: 'file' },
  { language: 'json', scheme: 'untitled' },
  { language: 'jsonc', scheme: 'file' },
  { language: 'jsonc', scheme: 'untitled' },
];

export class PipelineDocumentSelector {
  /** Factory-root folder -> whether it has dataset/, linkedService/, factory/ or publish_config.json. */
  private readonly factoryRoots = new Map<string, Promise<boolean>>();
  /** Per open document: the version last classified and the answer. */
  private documents = new WeakMap<vscode.TextDocument, { version: number; reason: PipelineFileReason | undefined }>();

  /** `parsed`: the open documents' parses, so that classifying one does not parse it again. */
  constructor(private readonly parsed?: PipelineDocuments) {}

  /** Whether validation is switched on for this resource, or (without one) in any folder of the workspace. */
  isEnabled(uri?: vscode.Uri): boolean {
    if (uri) return readValidationSettings(uri).enabled;
    const scopes = vscode.workspace.workspaceFolders?.map((folder) => folder.uri) ?? [null];
    return scopes.some((scope) => readValidationSettings(scope).enabled);
  }

  /** Why an open document is a pipeline file, or undefined. Cached per document version. */
  async classifyDocument(document: vscode.TextDocument): Promise<PipelineFileReason | undefined> {
    if (!LANGUAGES.has(document.languageId) || !SCHEMES.has(document.uri.scheme)) return undefined;
    const cached = this.documents.get(document);
    if (cached && cached.version === document.version) return cached.reason;
    const version = document.version;
    const parsed = this.parsed;
    const reason = await this.classify(
      document.uri,
      () => document.getText(),
      parsed && ((): JsonNode | undefined => parsed.get(document).json.root),
    );
    this.documents.set(document, { version, reason });
    return reason;
  }

  async isPipelineDocument(document: vscode.TextDocument): Promise<boolean> {
    return this.isEnabled(document.uri) && (await this.classifyDocument(document)) !== undefined;
  }

  /**
   * Why a file (open or not) is a pipeline file; `text` (or `tree`, its parse when there is one) is called only when
   * the path alone cannot tell.
   */
  async classify(
    uri: vscode.Uri,
    text: () => string,
    tree?: PipelineFileFacts['tree'],
  ): Promise<PipelineFileReason | undefined> {
    const settings = readValidationSettings(uri);
    if (!settings.enabled) return undefined;
    return classifyPipelineFile({ ...(await this.fileFacts(uri, settings.include)), text, ...(tree ? { tree } : {}) });
  }

  /** What classifying a file needs besides its text (the workspace scan's worker adds the text). */
  async fileFacts(uri: vscode.Uri, includeGlobs: readonly string[]): Promise<Omit<PipelineFileFacts, 'text'>> {
    const isFile = uri.scheme !== 'untitled';
    const root = isFile ? factoryRootOf(uri.path) : undefined;
    const inFactoryFolder = root !== undefined && (await this.isFactoryRoot(uri.with({ path: root })));
    const folder = isFile ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    return {
      absolutePath: isFile ? uri.path : uri.toString(),
      relativePath: folder ? vscode.workspace.asRelativePath(uri, false) : undefined,
      inFactoryFolder,
      includeGlobs,
    };
  }

  /** Folders are listed once; created or deleted files drop the cache (see `forgetFolders`). */
  private isFactoryRoot(folder: vscode.Uri): Promise<boolean> {
    const key = folder.toString();
    let answer = this.factoryRoots.get(key);
    if (!answer) {
      answer = Promise.resolve(vscode.workspace.fs.readDirectory(folder)).then(
        (entries) => isFactoryRootListing(entries.map(([name]) => name)),
        () => false,
      );
      this.factoryRoots.set(key, answer);
    }
    return answer;
  }

  /** Call when files or folders appear or disappear: a folder may have become (or stopped being) a factory root. */
  forgetFolders(): void {
    this.factoryRoots.clear();
  }

  /** Call when settings change: every document is classified again. */
  forgetDocuments(): void {
    this.documents = new WeakMap();
  }
}
