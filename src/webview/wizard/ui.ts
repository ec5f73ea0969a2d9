// Small building blocks of the wizard's views: labelled fields bound to the form, checks, diffs, the diagram.
import * as l10n from '@vscode/l10n';
import { html, nothing, type TemplateResult } from 'lit';
import type { CheckView, ChoiceView, DiagramActivity, DiffView, FormField, WizardForm } from '../../wizard/protocol';

export interface FormBinding {
  form: WizardForm;
  problems: Partial<Record<FormField, string>>;
  set<K extends FormField>(field: K, value: WizardForm[K]): void;
}

type ValueEvent = Event & { target: { value: string; checked?: boolean } };

/** The form fields that hold text. */
export type StringField = { [K in FormField]: WizardForm[K] extends string ? K : never }[FormField];

function helper(id: string, problem: string | undefined, help: string | undefined): TemplateResult | typeof nothing {
  if (problem)
    return html`<vscode-form-helper id=${`${id}-help`}><p class="problem">${problem}</p></vscode-form-helper>`;
  if (help) return html`<vscode-form-helper id=${`${id}-help`}><p>${help}</p></vscode-form-helper>`;
  return nothing;
}

export function textField(
  b: FormBinding,
  field: StringField,
  label: string,
  options: { help?: string; placeholder?: string; wide?: boolean } = {},
): TemplateResult {
  const id = `field-${field}`;
  const problem = b.problems[field];
  return html`<vscode-form-group variant="vertical">
    <vscode-label for=${id}>${label}</vscode-label>
    <vscode-textfield id=${id} class=${options.wide ? 'wide' : ''} data-field=${field} .value=${String(b.form[field])} placeholder=${options.placeholder ?? ''}
      ?invalid=${problem !== undefined} aria-describedby=${`${id}-help`}
      @input=${(e: ValueEvent) => b.set(field, e.target.value as never)}></vscode-textfield>
    ${helper(id, problem, options.help)}
  </vscode-form-group>`;
}

export function numberField(
  b: FormBinding,
  field: 'pollIntervalSeconds',
  label: string,
  raw: string | undefined,
  onRaw: (text: string) => void,
  help: string,
): TemplateResult {
  const id = `field-${field}`;
  const text = raw ?? String(b.form[field]);
  const localProblem = /^\d+$/.test(text.trim()) ? undefined : l10n.t('Enter a whole number of seconds.');
  const problem = localProblem ?? b.problems[field];
  return html`<vscode-form-group variant="vertical">
    <vscode-label for=${id}>${label}</vscode-label>
    <vscode-textfield id=${id} data-field=${field} type="number" min="1" max="86400" .value=${text} ?invalid=${problem !== undefined} aria-describedby=${`${id}-help`}
      @input=${(e: ValueEvent) => {
        onRaw(e.target.value);
        if (/^\d+$/.test(e.target.value.trim())) b.set(field, Number(e.target.value.trim()));
      }}></vscode-textfield>
    ${helper(id, problem, help)}
  </vscode-form-group>`;
}

export function selectField(
  b: FormBinding,
  field: FormField,
  label: string,
  choices: ReadonlyArray<{ value: string; label: string; description?: string; disabled?: boolean }>,
  help?: string,
): TemplateResult {
  const id = `field-${field}`;
  const problem = b.problems[field];
  const value = String(b.form[field]);
  return html`<vscode-form-group variant="vertical">
    <vscode-label for=${id}>${label}</vscode-label>
    <vscode-single-select id=${id} data-field=${field} .value=${value} ?invalid=${problem !== undefined} aria-describedby=${`${id}-help`}
      @change=${(e: ValueEvent) => b.set(field, e.target.value as never)}>
      ${choices.map((c) => html`<vscode-option value=${c.value} ?selected=${c.value === value} ?disabled=${c.disabled === true} description=${c.description ?? ''}>${c.label}</vscode-option>`)}
    </vscode-single-select>
    ${helper(id, problem, help)}
  </vscode-form-group>`;
}

export function radioGroup<V extends string>(
  name: string,
  label: string,
  value: V,
  options: ReadonlyArray<{ value: V; label: string; explanation?: string }>,
  onChange: (value: V) => void,
): TemplateResult {
  return html`<fieldset class="radios">
    <legend>${label}</legend>
    <vscode-radio-group variant="vertical" aria-label=${label}>
      ${options.map(
        (
          o,
        ) => html`<vscode-radio name=${name} value=${o.value} data-choice=${`${name}:${o.value}`} ?checked=${o.value === value} label=${o.label}
        @change=${(e: ValueEvent) => {
          if (e.target.checked) onChange(o.value);
        }}>${o.label}</vscode-radio>
        ${o.explanation ? html`<p class="explanation">${o.explanation}</p>` : nothing}`,
      )}
    </vscode-radio-group>
  </fieldset>`;
}

export function choiceOptions(
  choices: readonly ChoiceView[],
  placeholder: string,
): Array<{ value: string; label: string; description?: string; disabled?: boolean }> {
  return [
    { value: '', label: placeholder },
    ...choices.map((c) => ({
      value: c.name,
      label: c.disabledReason ? `${c.name} (not available)` : c.name,
      description: c.disabledReason ?? c.detail ?? '',
      disabled: c.disabledReason !== undefined,
    })),
  ];
}

/** A function, not a table: the strings are looked up after the l10n bundle is loaded. */
function statusLabel(status: CheckView['status']): string {
  switch (status) {
    case 'pass':
      return l10n.t('OK');
    case 'fail':
      return l10n.t('Problem');
    case 'warn':
      return l10n.t('Warning');
    case 'info':
      return l10n.t('Note');
  }
}

export function checkList(checks: readonly CheckView[]): TemplateResult | typeof nothing {
  if (checks.length === 0) return nothing;
  return html`<ul class="checks" aria-label=${l10n.t('Checks')}>
    ${checks.map(
      (c) => html`<li class=${`check ${c.status}`} data-check=${c.id}>
      <span class="check-status">${statusLabel(c.status)}</span>
      <span class="check-body"><strong>${c.title}.</strong> ${c.message}${c.action ? html` <span class="check-action">${c.action}</span>` : nothing}</span>
    </li>`,
    )}
  </ul>`;
}

export function diffBlock(diff: DiffView): TemplateResult {
  return html`<section class="diff" aria-label=${diff.title}>
    <h4>${diff.title} <span class="diff-summary">${diff.identical ? l10n.t('no difference') : html`<span class="removed-count">−${diff.removed}</span> <span class="added-count">+${diff.added}</span>`}</span></h4>
    ${diff.hunks.map(
      (h) => html`<div class="hunk">
      <div class="hunk-header">${h.header}</div>
      ${h.lines.map((l) => html`<div class=${`line ${l.kind}`}><span class="sign" aria-hidden="true">${l.kind === 'added' ? '+' : l.kind === 'removed' ? '−' : ' '}</span><span class="sr-only">${l.kind === 'context' ? '' : `${l.kind}: `}</span>${l.text}</div>`)}
    </div>`,
    )}
  </section>`;
}

/** Top level left to right; the inner activities of a container top to bottom, so boxes never wrap mid-flow. */
export function diagram(
  activities: readonly DiagramActivity[],
  label = l10n.t('Activities in run order'),
  nested = false,
): TemplateResult {
  return html`<div class=${`diagram ${nested ? 'vertical' : 'horizontal'}`} role="list" aria-label=${label}>
    ${activities.map(
      (a, i) => html`<div class="step-unit" role="listitem">
      ${i > 0 ? html`<span class="arrow" aria-hidden="true">${nested ? '↓' : '→'}</span>` : nothing}
      <div class=${`activity ${a.children ? 'container' : ''}`} data-activity=${a.name}>
        <div class="activity-type">${a.type}</div>
        <div class="activity-name">${a.name}</div>
        ${a.dependsOn.length > 0 ? html`<div class="activity-after">after ${a.dependsOn.join(', ')}</div>` : nothing}
        ${(a.children ?? []).map((branch) => html`<div class="branch"><div class="branch-label">${branch.label}</div>${diagram(branch.activities, branch.label, true)}</div>`)}
      </div>
    </div>`,
    )}
  </div>`;
}

export function button(
  label: string,
  onClick: () => void,
  options: { secondary?: boolean; disabled?: boolean; id?: string } = {},
): TemplateResult {
  return html`<vscode-button id=${options.id ?? nothing} ?secondary=${options.secondary === true} ?disabled=${options.disabled === true} @click=${() => {
    if (!options.disabled) onClick();
  }}>${label}</vscode-button>`;
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
