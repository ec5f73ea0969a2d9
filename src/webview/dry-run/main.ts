// The Dry Run view in the webview: renders the state the extension pushes (activity runs as they progress) with lit.
// Each row expands with its disclosure button (Enter or Space) to show error, input and output; the run's status is
// announced through an aria-live region; Cancel is a request to the extension. No inline script, no stylesheet file:
// the styles below are adopted by the document.
import '../l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import * as l10n from '@vscode/l10n';
import { html, nothing, render, type TemplateResult } from 'lit';
import type { ActivityRunRowView, DryRunPanelState, DryRunRequestParams } from '../../dry-run/protocol';
import { WebviewRpc } from '../rpc';
import { DRY_RUN_STYLES } from './styles';

interface Persisted {
  open: string[];
}

const root = document.getElementById('app') as HTMLElement;
let state: DryRunPanelState | undefined;
/** Every row so far, by id, in the order they first came (a state carries only the changed ones). */
const rows = new Map<string, ActivityRunRowView>();
const rpc = new WebviewRpc<DryRunRequestParams, DryRunPanelState>((next) => {
  if (next.allRows) rows.clear();
  for (const row of next.rows) rows.set(row.id, row);
  state = next;
  draw();
});
const open = new Set<string>(rpc.persisted(isPersisted)?.open ?? []);

if (DRY_RUN_STYLES.styleSheet)
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, DRY_RUN_STYLES.styleSheet];

function isPersisted(value: unknown): value is Persisted {
  return typeof value === 'object' && value !== null && Array.isArray((value as Persisted).open);
}

function toggle(id: string): void {
  if (open.has(id)) open.delete(id);
  else open.add(id);
  rpc.persist({ open: [...open] } satisfies Persisted);
  draw();
}

function duration(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The sentence screen readers hear when the run's status changes. */
function announcement(s: DryRunPanelState): string {
  const done = s.rows.filter((r) => r.status !== 'InProgress' && r.status !== 'Queued').length;
  switch (s.status) {
    case 'Queued':
      return l10n.t('The dry run is starting.');
    case 'InProgress':
      return l10n.t('The dry run is in progress: {0} of {1} activity runs finished.', done, s.rows.length);
    default: {
      const ended =
        s.status === 'Succeeded'
          ? s.durationMs !== undefined
            ? l10n.t('The dry run succeeded after {0}.', duration(s.durationMs))
            : l10n.t('The dry run succeeded.')
          : s.durationMs !== undefined
            ? l10n.t('The dry run ended: {0} after {1}.', s.status, duration(s.durationMs))
            : l10n.t('The dry run ended: {0}.', s.status);
      return s.message ? `${ended} ${s.message}` : ended;
    }
  }
}

function statusCell(status: string): TemplateResult {
  return html`<span class="status ${status}"><span class="dot" aria-hidden="true"></span>${status}</span>`;
}

function details(row: ActivityRunRowView, expanded: boolean): TemplateResult {
  const block = (label: string, text: string | undefined): TemplateResult | typeof nothing =>
    text === undefined ? nothing : html`<div class="label">${label}</div><pre>${text}</pre>`;
  return html`<tr class="details" id="details-${row.id}" ?hidden=${!expanded}>
    <td colspan="5">${
      expanded
        ? html`${block(l10n.t('Error'), row.error)}${block(l10n.t('Input'), row.input)}${block(l10n.t('Output'), row.output)}`
        : nothing
    }</td>
  </tr>`;
}

function activityRow(row: ActivityRunRowView): TemplateResult {
  const expanded = open.has(row.id);
  return html`<tr class="run" data-id=${row.id} @click=${() => toggle(row.id)}>
      <td class="depth-${Math.min(row.depth, 8)}">
        <button class="expander" aria-expanded=${expanded ? 'true' : 'false'} aria-controls="details-${row.id}"
          @click=${(event: Event) => {
            event.stopPropagation();
            toggle(row.id);
          }}><span class="chevron" aria-hidden="true">${expanded ? '\u25BE' : '\u25B8'}</span>${row.name}</button>
      </td>
      <td>${row.type}</td>
      <td>${statusCell(row.status)}</td>
      <td>${new Date(row.start).toLocaleTimeString()}</td>
      <td>${duration(row.durationMs)}</td>
    </tr>
    ${details(row, expanded)}`;
}

function view(s: DryRunPanelState): TemplateResult {
  return html`<header>
      <h1 id="title">${s.pipelineName ? l10n.t('Dry run: {0}', s.pipelineName) : s.title}</h1>
      <span id="pipeline-status">${statusCell(s.status)}</span>
      <span id="duration">${duration(s.durationMs)}</span>
      <vscode-button id="cancel" ?disabled=${!s.canCancel} @click=${() => void rpc.request('cancel', {})}>${l10n.t('Cancel')}</vscode-button>
    </header>
    <p id="run-status" role="status" aria-live="polite">${announcement(s)}</p>
    <div id="target">${s.target}</div>
    <div id="notices">${s.notices.map((n) => html`<div>${n}</div>`)}</div>
    <table aria-label=${l10n.t('Activity runs')}>
      <thead><tr><th scope="col">${l10n.t('Activity')}</th><th scope="col">${l10n.t('Type')}</th><th scope="col">${l10n.t('Status')}</th><th scope="col">${l10n.t('Started')}</th><th scope="col">${l10n.t('Duration')}</th></tr></thead>
      <tbody id="runs">${[...rows.values()].map(activityRow)}</tbody>
    </table>`;
}

let drawn = false;

function draw(): void {
  if (!state) return;
  if (!drawn) root.replaceChildren(); // the "Loading..." placeholder
  drawn = true;
  render(view(state), root);
}

void rpc.request('ready', {});
