// The Dry Run view's styles (adopted by the document: the CSP allows no inline style and the view loads no file
// besides its bundle). Status text keeps the foreground colour; only the dot before it is coloured.
import { css, unsafeCSS, type CSSResult } from 'lit';

/** Indentation of activity runs inside containers, by depth (0-8). */
const DEPTHS = unsafeCSS(
  Array.from({ length: 9 }, (_, d) => `td.depth-${d} { padding-left: ${8 + d * 16}px; }`).join('\n'),
);

export const DRY_RUN_STYLES: CSSResult = css`
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px; }
  header { display: flex; align-items: center; gap: 12px; margin: 12px 0; flex-wrap: wrap; }
  h1 { font-size: 1.2em; margin: 0; }
  #pipeline-status { font-weight: bold; }
  .dot { display: inline-block; width: 0.6em; height: 0.6em; border-radius: 50%; margin-right: 0.4em; background: var(--vscode-disabledForeground, #888); }
  .Succeeded .dot { background: var(--vscode-testing-iconPassed, #388a34); }
  .Failed .dot { background: var(--vscode-testing-iconFailed, #e51400); }
  .InProgress .dot, .Queued .dot { background: var(--vscode-progressBar-background, #0e70c0); }
  #run-status { margin: 4px 0 8px; white-space: pre-wrap; }
  #notices { color: var(--vscode-editorWarning-foreground, #bf8803); margin: 4px 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-editorGroup-border, #444); vertical-align: top; }
  tr.run { cursor: pointer; }
  tr.run:hover { background: var(--vscode-list-hoverBackground); }
  button.expander { background: none; border: none; color: inherit; font: inherit; padding: 0; cursor: pointer; text-align: left; }
  button.expander:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
  .chevron { display: inline-block; width: 1em; }
  pre { white-space: pre-wrap; word-break: break-all; margin: 4px 0; font-family: var(--vscode-editor-font-family); font-size: 0.9em; }
  .label { font-weight: bold; }
  ${DEPTHS}
`;
