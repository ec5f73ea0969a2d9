// The HTML of the dry run view: a table of activity runs that the extension updates with messages.
// All data is written with textContent (never as HTML); scripts and styles run under a nonce CSP.

export function runPanelHtml(nonce: string, cspSource: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px; }
  header { display: flex; align-items: center; gap: 12px; margin: 12px 0; flex-wrap: wrap; }
  h1 { font-size: 1.2em; margin: 0; }
  .status { font-weight: bold; }
  .Succeeded { color: var(--vscode-testing-iconPassed, #388a34); }
  .Failed { color: var(--vscode-testing-iconFailed, #e51400); }
  .Cancelled, .Canceling, .Skipped { color: var(--vscode-disabledForeground, #888); }
  .InProgress, .Queued { color: var(--vscode-progressBar-background, #0e70c0); }
  button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 12px; cursor: pointer; }
  button:disabled { opacity: 0.5; cursor: default; }
  #message { white-space: pre-wrap; margin: 4px 0 12px; }
  #notices { color: var(--vscode-editorWarning-foreground, #bf8803); margin: 4px 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-editorGroup-border, #444); vertical-align: top; }
  tr.run { cursor: pointer; }
  tr.run:hover { background: var(--vscode-list-hoverBackground); }
  pre { white-space: pre-wrap; word-break: break-all; margin: 4px 0; font-family: var(--vscode-editor-font-family); font-size: 0.9em; }
  .label { font-weight: bold; }
</style>
</head>
<body>
<header>
  <h1 id="title">Dry run</h1>
  <span id="pipeline-status" class="status"></span>
  <span id="duration"></span>
  <button id="cancel" disabled>Cancel</button>
</header>
<div id="target"></div>
<div id="notices"></div>
<div id="message"></div>
<table>
  <thead><tr><th>Activity</th><th>Type</th><th>Status</th><th>Started</th><th>Duration</th></tr></thead>
  <tbody id="runs"></tbody>
</table>
<script nonce="${nonce}">
(function () {
  const vscode = acquireVsCodeApi();
  const rows = new Map();
  const open = new Set();
  const tbody = document.getElementById('runs');
  const el = (id) => document.getElementById(id);
  el('cancel').addEventListener('click', () => vscode.postMessage({ type: 'cancel' }));

  function duration(ms) {
    if (ms === undefined || ms === null) return '';
    if (ms < 1000) return ms + ' ms';
    if (ms < 60000) return (ms / 1000).toFixed(1) + ' s';
    return Math.floor(ms / 60000) + ' min ' + Math.round((ms % 60000) / 1000) + ' s';
  }
  function cell(tr, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }
  function details(run) {
    const tr = document.createElement('tr');
    tr.className = 'details';
    const td = document.createElement('td');
    td.colSpan = 5;
    const add = (label, value) => {
      if (value === undefined) return;
      const title = document.createElement('div');
      title.className = 'label';
      title.textContent = label;
      const pre = document.createElement('pre');
      pre.textContent = JSON.stringify(value, null, 2);
      td.appendChild(title);
      td.appendChild(pre);
    };
    add('Error', run.error);
    add('Input', run.input === undefined ? '(hidden or none)' : run.input);
    add('Output', run.output === undefined ? '(hidden or none)' : run.output);
    tr.appendChild(td);
    return tr;
  }
  function render(run) {
    const existing = rows.get(run.activityRunId);
    const tr = document.createElement('tr');
    tr.className = 'run';
    tr.dataset.id = run.activityRunId;
    const depth = (run.parentActivityRunIds || []).length;
    const name = cell(tr, run.activityName);
    name.style.paddingLeft = (8 + depth * 16) + 'px';
    cell(tr, run.activityType);
    cell(tr, run.status, 'status ' + run.status);
    cell(tr, new Date(run.activityRunStart).toLocaleTimeString());
    cell(tr, duration(run.durationInMs));
    tr.addEventListener('click', () => {
      if (open.has(run.activityRunId)) open.delete(run.activityRunId); else open.add(run.activityRunId);
      render(rows.get(run.activityRunId).run);
    });
    const extra = open.has(run.activityRunId) ? details(run) : undefined;
    if (existing) {
      tbody.replaceChild(tr, existing.tr);
      if (existing.extra) existing.extra.remove();
    } else {
      tbody.appendChild(tr);
    }
    if (extra) tr.after(extra);
    rows.set(run.activityRunId, { run, tr, extra });
  }
  function pipeline(state) {
    el('title').textContent = 'Dry run: ' + state.pipelineName;
    const status = el('pipeline-status');
    status.textContent = state.status;
    status.className = 'status ' + state.status;
    el('duration').textContent = state.durationInMs !== undefined ? duration(state.durationInMs) : '';
    el('message').textContent = state.message || '';
    el('cancel').disabled = state.status !== 'InProgress';
  }
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'reset') {
      rows.clear();
      tbody.textContent = '';
      el('target').textContent = message.target || '';
      el('notices').textContent = '';
    } else if (message.type === 'pipeline') {
      pipeline(message.run);
    } else if (message.type === 'activity') {
      render(message.run);
    } else if (message.type === 'notice') {
      const div = document.createElement('div');
      div.textContent = message.text;
      el('notices').appendChild(div);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
</script>
</body>
</html>`;
}
