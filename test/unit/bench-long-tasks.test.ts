import * as assert from 'node:assert/strict';
import { type CpuProfile, longTasks } from '../bench/long-tasks';

/** A profile with one root and a node per kind; `samples` names the node of each 1 ms sample. */
function profileOf(samples: string): CpuProfile {
  const node = (id: number, functionName: string, url = ''): CpuProfile['nodes'][number] => ({
    id,
    callFrame: { functionName, url },
  });
  const nodes = [
    { ...node(1, '(root)'), children: [2, 3, 4, 5] },
    node(2, '(idle)'),
    node(3, '(garbage collector)'),
    { ...node(4, 'publishScanned', 'file:///ext/dist/editor.js'), children: [6] },
    node(5, '_remoteCall', 'file:///vscode/extensionHostProcess.js'),
    node(6, 'postMessage', 'node:worker'),
  ];
  const ids: Record<string, number> = { '.': 2, g: 3, o: 4, v: 5, w: 6 };
  const list = [...samples].map((c) => ids[c]);
  return { nodes, startTime: 0, samples: list, timeDeltas: list.map(() => 1000) };
}

describe('bench: long tasks of a CPU profile', () => {
  const ours = (url: string): boolean => url.includes('/ext/dist/');

  it('splits busy stretches at idle samples and charges each sample to ours, GC or the rest', () => {
    const report = longTasks(
      profileOf(`..${'o'.repeat(20)}${'g'.repeat(15)}${'v'.repeat(30)}..${'v'.repeat(10)}.`),
      ours,
      50,
    );
    assert.equal(report.stretches.length, 1, 'the 10 ms stretch is under the threshold');
    const [stretch] = report.stretches;
    assert.equal(stretch.ms, 65);
    assert.equal(stretch.oursMs, 20);
    assert.equal(stretch.gcMs, 15);
    assert.equal(stretch.otherMs, 30);
    assert.equal(stretch.topOther, '_remoteCall extensionHostProcess.js');
  });

  it('a frame called from our code counts as ours; our longest run is measured across the stretches', () => {
    const report = longTasks(
      profileOf(`${'o'.repeat(10)}${'w'.repeat(30)}g${'o'.repeat(5)}.${'o'.repeat(12)}`),
      ours,
      50,
    );
    assert.equal(report.longestOursMs, 40, 'postMessage under publishScanned is ours; GC breaks the run');
    assert.deepEqual(report.stretches, []);
  });
});
