// Requests from the suites to the harness that runs them (test/harness/exthost-runner.ts), for what the
// extension host cannot do: clicking the workbench's modal dialogs (VS Code asks "The extension ... wants
// to sign in using Microsoft." before a provider's createSession).

/** Must match harnessRequestMarker in test/harness/exthost-runner.ts (not imported: this runs in the extension host). */
const harnessRequestMarker = '@@harness ';

/** The harness clicks `label` on the next modal dialog the workbench shows (within 60 s). */
export function clickNextDialogButton(label: string): void {
  console.log(`${harnessRequestMarker}${JSON.stringify({ clickDialogButton: label })}`);
}
