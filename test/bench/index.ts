// `npm run bench`: runs every bench in turn and prints their figures. Add yours to `benches` below; each
// returns false when an invariant it checks (not a timing) broke, which makes the exit code 1.
import { runActivationBench } from './activation.bench';
import { runEditorBench } from './editor.bench';
import { runEngineBench } from './engine.bench';
import { runRunsViewBench } from './runs-view.bench';
import { runSidebarBench } from './sidebar.bench';
import { runUsedByBench } from './used-by.bench';
import { runValidateAllBench } from './validate-all.bench';

const benches: Array<{ name: string; run: () => Promise<boolean> }> = [
  { name: 'activation', run: runActivationBench },
  { name: 'sidebar', run: runSidebarBench },
  { name: 'editor', run: runEditorBench },
  { name: 'validate-all', run: runValidateAllBench },
  { name: 'used-by', run: runUsedByBench },
  { name: 'runs-view', run: runRunsViewBench },
  { name: 'engine', run: runEngineBench },
];

async function main(): Promise<void> {
  let ok = true;
  for (const bench of benches) {
    try {
      ok = (await bench.run()) && ok;
    } catch (error) {
      console.error(`bench ${bench.name} failed:`, error);
      ok = false;
    }
  }
  process.exitCode = ok ? 0 : 1;
}

void main();
