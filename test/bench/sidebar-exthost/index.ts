// Runs INSIDE the extension host (test/bench/sidebar.bench.ts opens code-server against an emulator seeded with 200
// subscriptions x 50 workspaces x 30 endpoints and starts this as the extension tests entry): the Batch Endpoints
// tree's own provider lists the subscriptions, then expands every subscription and every workspace as a user
// clicking through would, and the extension host's memory is read before and after, each after a full garbage
// collection. Figures go to test-results/bench/sidebar-exthost.json; the Node side prints them.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BENCH_REPO_ROOT, ourExtension, RELAY_MARKER, runBenchEntry } from '../exthost-bench-entry';
import type { ExtensionApi } from '../../../src/api';
import { CONTEXT } from '../../../src/tree/context-values';
import type { SidebarNode } from '../../../src/tree/sidebar-node';

export const SIDEBAR_EXTHOST_RESULT = join(BENCH_REPO_ROOT, 'test-results', 'bench', 'sidebar-exthost.json');
const MiB = 1024 * 1024;
/** Workspaces expanded at once (the loader's own limiter still sends 4 requests at a time). */
const BATCH = 1_000;

export interface SidebarExthostResult {
  subscriptions: number;
  workspaces: number;
  endpoints: number;
  /** Refresh to the root's first render, and to its render with the whole list. */
  firstPaintMs: number;
  wholeListMs: number;
  expandMs: number;
  heapBeforeMiB: number;
  heapAfterMiB: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
}

export async function run(): Promise<void> {
  await runBenchEntry('sidebar', SIDEBAR_EXTHOST_RESULT, async () => {
    const api = await ourExtension<ExtensionApi>().activate();
    if (!api) throw new Error('the extension did not activate');
    return expandEverything(api);
  });
}

async function expandEverything(api: ExtensionApi): Promise<SidebarExthostResult> {
  const tree = api.sidebar.treeProvider;
  const contextOf = (node: SidebarNode): string | undefined => tree.getTreeItem(node).contextValue;
  const before = settledMemory();

  const started = performance.now();
  let rootChanged = nextRootChange(api);
  api.sidebar.refresh();
  await rootChanged;
  rootChanged = nextRootChange(api);
  let root = await tree.getChildren(undefined);
  const firstPaintMs = performance.now() - started;
  while (root.some((n) => n.id === 'root#loadingMore')) {
    await rootChanged;
    rootChanged = nextRootChange(api);
    root = await tree.getChildren(undefined);
  }
  const wholeListMs = performance.now() - started;
  const subscriptions = root.filter((n) => contextOf(n) === CONTEXT.subscription);
  console.log(`${RELAY_MARKER}sidebar bench: ${subscriptions.length} subscriptions; expanding them`);

  const expandStarted = performance.now();
  const underSubscriptions = await Promise.all(subscriptions.map((s) => tree.getChildren(s)));
  const workspaces = underSubscriptions.flat().filter((n) => contextOf(n) === CONTEXT.workspace);
  let endpoints = 0;
  for (let i = 0; i < workspaces.length; i += BATCH) {
    const lists = await Promise.all(workspaces.slice(i, i + BATCH).map((w) => tree.getChildren(w)));
    endpoints += lists.flat().filter((n) => contextOf(n)?.startsWith(CONTEXT.endpoint)).length;
    console.log(`${RELAY_MARKER}sidebar bench: ${Math.min(i + BATCH, workspaces.length)} workspaces expanded`);
  }
  const expandMs = performance.now() - expandStarted;
  const after = settledMemory();
  return {
    subscriptions: subscriptions.length,
    workspaces: workspaces.length,
    endpoints,
    firstPaintMs,
    wholeListMs,
    expandMs,
    heapBeforeMiB: before.heapUsed / MiB,
    heapAfterMiB: after.heapUsed / MiB,
    rssBeforeMiB: before.rss / MiB,
    rssAfterMiB: after.rss / MiB,
  };
}

/** The next change of the whole tree (refresh, or the root's re-render once the list is complete). */
function nextRootChange(api: ExtensionApi): Promise<void> {
  return new Promise((resolveChange) => {
    const listener = api.sidebar.treeProvider.onDidChangeTreeData((node) => {
      if (node !== undefined) return;
      listener.dispose();
      resolveChange();
    });
  });
}

/** The extension host's memory after a full garbage collection (gc exposed for this process at run time). */
function settledMemory(): NodeJS.MemoryUsage {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage();
}
