// The import graph has no cycles (docs/architecture.md): no file imports itself through others, and the layers
// (src/<folder>, each src/core/<module>, tools/<folder>) depend on each other one way only. Type-only imports
// and module augmentations count: a cycle of types still ties the files together for a reader and a refactor.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

const ROOTS = ['src', 'tools', 'test'];
type Graph = Map<string, Set<string>>;

/** Every .ts file below the roots, as paths relative to the repository (forward slashes). */
function sourceFiles(): string[] {
  return ROOTS.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .map((file) => join(root, file).split(sep).join('/')),
  );
}

/** The repository file a relative specifier names (`./x` is x.ts or x/index.ts); undefined for packages. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const file = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
  return file && relative(process.cwd(), file).split(sep).join('/');
}

function fileGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles()) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = [...info.importedFiles, ...(info.ambientExternalModules ?? []).map((name) => ({ fileName: name }))]
      .map((ref) => resolveSpecifier(file, ref.fileName))
      .filter((target): target is string => target !== undefined);
    graph.set(file, new Set(targets));
  }
  return graph;
}

/** The layer a file belongs to: src/core/<module>, src/<folder or file>, tools/<folder>; tests have none. */
function layerOf(file: string): string | undefined {
  const parts = file.replace(/\.ts$/, '').split('/');
  if (parts[0] === 'src') return parts[1] === 'core' ? parts.slice(0, 3).join('/') : parts.slice(0, 2).join('/');
  if (parts[0] === 'tools') return parts.slice(0, 2).join('/');
  return undefined;
}

function layerGraph(files: Graph): Graph {
  const graph: Graph = new Map();
  for (const [file, targets] of files) {
    const from = layerOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of targets) {
      const to = layerOf(target);
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** One cycle per strongly connected component with more than one node (Tarjan), each as a closed path. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = new Set<string>();
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.add(member);
    } while (member !== node);
    if (component.size > 1) found.push(pathWithin(graph, component, node));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** A shortest path from `start` back to itself inside one component (breadth first), for the message. */
function pathWithin(graph: Graph, component: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path: string[] = [];
        for (let at = node; at !== start; at = previous.get(at)!) path.unshift(at);
        return [start, ...path, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...component];
}

describe('import graph', () => {
  const files = fileGraph();

  it('reads the imports of the source files (the walk itself works)', () => {
    assert.ok(files.get('src/extension.ts')?.has('src/api.ts'), 'src/extension.ts imports src/api.ts');
    assert.ok(files.get('src/api.ts')?.has('src/tree/sidebar-api.ts'), 'type-only imports are edges');
    assert.ok(files.get('src/wizard/wizard-api.ts')?.has('src/api.ts'), 'module augmentations are edges');
  });

  it('finds a cycle when there is one', () => {
    const graph: Graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set()],
    ]);
    assert.deepEqual(cycles(graph), [['a', 'b', 'c', 'a']]);
  });

  it('has no file-level cycles in src, tools and test', () => {
    const found = cycles(files);
    assert.deepEqual(
      found.map((cycle) => cycle.join(' -> ')),
      [],
    );
  });

  it('has no cycles between layers (src folders, core modules, tools folders)', () => {
    const found = cycles(layerGraph(files));
    assert.deepEqual(
      found.map((cycle) => cycle.join(' -> ')),
      [],
    );
  });

  it('keeps src/core to itself: core modules import only other core modules and packages', () => {
    const outside = [...files]
      .filter(([file]) => file.startsWith('src/core/'))
      .flatMap(([file, targets]) =>
        [...targets].filter((t) => !t.startsWith('src/core/')).map((t) => `${file} -> ${t}`),
      );
    assert.deepEqual(outside, []);
  });
});
