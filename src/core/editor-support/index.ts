// What the editor features need, as pure logic over a parsed document and offsets: which documents are ADF pipelines,
// the expression under the cursor, the pipeline's declared names, hover and completion (hoverAt, completionsAt),
// quick-fix edits, rule docs links, and the debounce/latest-wins helpers the diagnostics use. The vscode adapters
// are in src/editor.
export * from './completion';
export * from './debounce';
export * from './document-kind';
export * from './expression-cursor';
export * from './expression-help';
export * from './expression-target';
export * from './hover';
export * from './latest-wins';
export * from './pipeline-scope';
export * from './problem-fixes';
export * from './rule-docs';
export * from './string-at-offset';
