// Measures activation of the bundled extension (dist/extension.js) under plain Node with a stand-in
// `vscode` module, and checks that activation loads no Azure SDK code. Run in a fresh process (the bench
// spawns it) so that nothing else has loaded the SDK before: prints one JSON line.
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';

/** A do-nothing object that answers any property, call or `new` (not thenable, so `await` is safe). */
function stub(name: string): unknown {
  const target = function stubFunction(): void {
    /* stand-in */
  };
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => `[stub ${name}]`;
      if (prop === 'dispose') return () => undefined;
      if (prop === 'get') return () => undefined;
      return stub(`${name}.${String(prop)}`);
    },
    apply() {
      return stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`) as object;
    },
  });
}

/** Top-level names of the vscode API, each a stub (esbuild's interop copies only own properties). */
const VSCODE_NAMES = [
  'commands',
  'window',
  'workspace',
  'env',
  'languages',
  'authentication',
  'extensions',
  'debug',
  'tasks',
  'scm',
  'tests',
  'notebooks',
  'comments',
  'chat',
  'lm',
  'l10n',
  'Uri',
  'EventEmitter',
  'Disposable',
  'TreeItem',
  'ThemeIcon',
  'ThemeColor',
  'MarkdownString',
  'Range',
  'Position',
  'Selection',
  'Location',
  'Diagnostic',
  'DiagnosticSeverity',
  'DiagnosticTag',
  'DiagnosticRelatedInformation',
  'CodeAction',
  'CodeActionKind',
  'WorkspaceEdit',
  'TextEdit',
  'CompletionItem',
  'CompletionItemKind',
  'CompletionList',
  'Hover',
  'SnippetString',
  'TreeItemCollapsibleState',
  'ConfigurationTarget',
  'ProgressLocation',
  'StatusBarAlignment',
  'ViewColumn',
  'RelativePattern',
  'FileType',
  'CancellationTokenSource',
  'QuickPickItemKind',
  'DocumentLink',
  'SemanticTokensLegend',
  'SemanticTokensBuilder',
  'CodeLens',
  'SymbolKind',
  'DocumentSymbol',
  'FoldingRange',
  'TextEditorRevealType',
  'OverviewRulerLane',
  'EndOfLine',
  'LanguageStatusSeverity',
  'TabInputText',
  'TabInputWebview',
  'FileSystemError',
  'ExtensionMode',
  'UIKind',
  'ColorThemeKind',
  'version',
];

function vscodeStub(): Record<string, unknown> {
  return Object.fromEntries(VSCODE_NAMES.map((name) => [name, stub(name)]));
}

/** The lazily loaded bundles (esbuild.mjs), each required at its feature's first use. */
export const LAZY_BUNDLES = ['editor', 'wizard', 'dry-run', 'azure'] as const;

export interface ActivationResult {
  /** require(dist/extension.js) + activate(), milliseconds. */
  activationMs: number;
  /** Modules under node_modules/@azure, or lazily loaded bundles (dist/azure.js, dist/editor.js, ...), present after activation. */
  azureModulesLoaded: string[];
  /** The time the first expand then spends loading dist/azure.js (the Azure SDK). */
  backendLoadMs: number;
  /** The time each lazily loaded bundle takes to load at its first use (ms). */
  lazyLoadMs: Record<string, number>;
}

/** `repoRoot` holds dist/ (the repository, or a production build of it laid out the same way). */
export function measureActivation(repoRoot: string): ActivationResult {
  const moduleApi = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = moduleApi._resolveFilename;
  const vscodeStubPath = join(repoRoot, 'out', 'test', 'bench', '__vscode_stub__.js');
  require.cache[vscodeStubPath] = {
    id: vscodeStubPath,
    filename: vscodeStubPath,
    loaded: true,
    exports: vscodeStub(),
  } as NodeJS.Module;
  moduleApi._resolveFilename = function resolve(request: string, ...rest: unknown[]): string {
    return request === 'vscode' ? vscodeStubPath : original.call(this, request, ...rest);
  };
  try {
    const extensionPath = join(repoRoot, 'dist', 'extension.js');
    const fakeUri = (path: string): unknown => ({
      scheme: 'file',
      path,
      fsPath: path,
      toString: () => `file://${path}`,
      with: () => fakeUri(path),
    });
    const storage = join(repoRoot, '.cache', 'bench-storage');
    const known: Record<string, unknown> = {
      subscriptions: [] as unknown[],
      extensionPath: repoRoot,
      extensionUri: fakeUri(repoRoot),
      globalStorageUri: fakeUri(storage),
      storageUri: fakeUri(storage),
      logUri: fakeUri(storage),
      globalStoragePath: storage,
      storagePath: storage,
      logPath: storage,
      secrets: {
        get: async () => undefined,
        store: async () => undefined,
        delete: async () => undefined,
        onDidChange: stub('onDidChange'),
      },
      globalState: {
        get: () => undefined,
        update: async () => undefined,
        keys: () => [],
        setKeysForSync: () => undefined,
      },
      workspaceState: { get: () => undefined, update: async () => undefined, keys: () => [] },
      extension: {
        id: 'bench.bench',
        packageJSON: { version: 'bench' },
        extensionUri: fakeUri(repoRoot),
        extensionPath: repoRoot,
      },
      asAbsolutePath: (p: string) => join(repoRoot, p),
    };
    // Whatever else a feature reads from the context is a stand-in too.
    const context = new Proxy(known, {
      get: (target, prop: string) => (prop in target ? target[prop] : stub(`context.${prop}`)),
    });
    const started = process.hrtime.bigint();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- timing the synchronous load is the point
    const extension = require(extensionPath) as { activate(context: unknown): unknown };
    extension.activate(context);
    const activationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const lazy = new RegExp(`dist[\\\\/](${LAZY_BUNDLES.join('|')})\\.js$`);
    const azureModulesLoaded = Object.keys(require.cache).filter(
      (p) => /node_modules[\\/]@azure/.test(p) || lazy.test(p),
    );

    const lazyLoadMs: Record<string, number> = {};
    for (const bundle of LAZY_BUNDLES) {
      if (!existsSync(join(repoRoot, 'dist', `${bundle}.js`))) continue; // an older build, for a before/after
      const bundleStarted = process.hrtime.bigint();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- as src/lazy/load-bundle.ts does at first use
      require(join(repoRoot, 'dist', `${bundle}.js`));
      lazyLoadMs[bundle] = Number(process.hrtime.bigint() - bundleStarted) / 1e6;
    }
    return { activationMs, azureModulesLoaded, backendLoadMs: lazyLoadMs.azure, lazyLoadMs };
  } finally {
    moduleApi._resolveFilename = original;
  }
}

if (require.main === module) {
  console.log(JSON.stringify(measureActivation(resolve(process.argv[2] ?? join(__dirname, '..', '..', '..')))));
  // The extension's startup timers (the background scan) would run against the stand-in vscode: not measured.
  process.exit(0);
}
