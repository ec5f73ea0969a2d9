// The Create ADF Pipeline wizard in the webview: renders the state the extension pushes, keeps what the user is
// typing until the extension acknowledged it, and sends every action as a request (validated on the other side).
import '../l10n';
import * as l10n from '@vscode/l10n';
import './elements';
import { html, nothing, render, type TemplateResult } from 'lit';
import {
  WIZARD_STEPS,
  persistedWebviewState,
  type FormField,
  type RequestMethod,
  type RequestParams,
  type WizardForm,
  type WizardStep,
  type WizardViewState,
} from '../../wizard/protocol';
import { dataStep } from './data-step';
import { WizardRpc } from './rpc';
import { publishStep, runStep } from './run-steps';
import { authStep, endpointStep, reviewStep, targetStep, type StepContext } from './steps';
import { button, type FormBinding } from './ui';

const root = document.getElementById('app') as HTMLElement;
let state: WizardViewState | undefined;
/** Edits sent but not yet acknowledged: shown over the extension's form so typing is never undone. */
const pending: Partial<Record<FormField, unknown>> = {};
let rawPollInterval: string | undefined;
let runValues: Record<string, string> = {};
let lastStep: WizardStep | undefined;
let restored = false;
/** Fields the user changed or left: only their problems show, so a form does not open covered in red. */
const touched = new Set<string>();
/** Steps on which the user pressed the (blocked) Next: every problem of theirs shows. */
const triedNext = new Set<WizardStep>();

const rpc = new WizardRpc((next) => {
  state = next;
  if (!restored) restoreUnsentEdits(next);
  if (Object.keys(runValues).length === 0 && Object.keys(next.run.values).length > 0)
    runValues = { ...next.run.values };
  rpc.persist({ ...persistedWebviewState(next), form: displayedForm(next), runValues });
  draw();
});

// A blocked resource is reported, so tests (and the log) see any breach of the Content-Security-Policy.
let violations = 0;
document.addEventListener('securitypolicyviolation', (event) => {
  violations += 1;
  document.body.dataset.cspViolations = String(violations);
  void rpc.request('cspViolation', {
    directive: event.effectiveDirective.slice(0, 256),
    blockedUri: (event.blockedURI || 'inline').slice(0, 1024),
  });
});

function send<M extends RequestMethod>(method: M, params: RequestParams[M]): void {
  void rpc.request(method, params);
}

function displayedForm(s: WizardViewState): WizardForm {
  return { ...s.form, ...pending } as WizardForm;
}

/** After a reload of the webview, edits kept with setState that the extension never got are sent again. */
function restoreUnsentEdits(s: WizardViewState): void {
  restored = true;
  const saved = rpc.persistedWizard();
  if (!saved || saved.formRevision !== s.formRevision) return;
  const patch: Partial<Record<FormField, unknown>> = {};
  for (const key of Object.keys(s.form) as FormField[]) {
    if (JSON.stringify(saved.form[key]) !== JSON.stringify(s.form[key])) patch[key] = saved.form[key];
  }
  if (Object.keys(patch).length > 0) setFields(patch);
  runValues = { ...saved.runValues };
}

function setFields(patch: Partial<Record<FormField, unknown>>): void {
  Object.assign(pending, patch);
  draw();
  void rpc.request('updateForm', { patch: patch as Partial<WizardForm> }).then(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (JSON.stringify(pending[key as FormField]) === JSON.stringify(value)) delete pending[key as FormField];
    }
    draw();
  });
}

function binding(s: WizardViewState): FormBinding {
  // A field being edited shows its problem once the extension has checked the new value, not the old one's.
  const shown = (field: string): boolean => !(field in pending) && (touched.has(field) || triedNext.has(s.step));
  const problems = Object.fromEntries(Object.entries(s.formProblems).filter(([field]) => shown(field)));
  return {
    form: displayedForm(s),
    problems,
    set: (field, value) => {
      touched.add(field);
      setFields({ [field]: value });
    },
  };
}

// Leaving a field counts as touching it (a disabled Next takes no click: its wrapper in the footer gets it).
root.addEventListener('focusout', (event) => {
  const field = (event.target as Element | null)?.closest?.('[data-field]')?.getAttribute('data-field');
  if (!field || touched.has(field)) return;
  touched.add(field);
  draw();
});

const STEP_VIEWS: Record<WizardStep, (ctx: StepContext) => TemplateResult> = {
  endpoint: endpointStep,
  target: targetStep,
  auth: authStep,
  data: dataStep,
  review: reviewStep,
  publish: publishStep,
  run: runStep,
};

/** The step's title in the display language (STEP_TITLES holds the English ones the extension logs). */
function stepTitle(step: WizardStep): string {
  const titles: Record<WizardStep, string> = {
    endpoint: l10n.t('Endpoint'),
    target: l10n.t('Target'),
    auth: l10n.t('Authentication'),
    data: l10n.t('Data'),
    review: l10n.t('Review'),
    publish: l10n.t('Publish'),
    run: l10n.t('Run and monitor'),
  };
  return titles[step];
}

function nextLabel(s: WizardViewState): string | undefined {
  switch (s.step) {
    case 'review':
      return s.form.targetKind === 'factory'
        ? l10n.t('Publish')
        : s.form.targetKind === 'repository'
          ? l10n.t('Save to repository')
          : l10n.t('Export files');
    case 'publish':
    case 'run':
      return undefined;
    default:
      return l10n.t('Next');
  }
}

function app(s: WizardViewState): TemplateResult {
  const ctx: StepContext = {
    state: s,
    bind: binding(s),
    send,
    rawPollInterval,
    setRawPollInterval: (text) => {
      rawPollInterval = text;
      draw();
    },
    runValues,
    setRunValue: (name, value) => {
      runValues = { ...runValues, [name]: value };
      draw();
    },
  };
  const index = WIZARD_STEPS.indexOf(s.step);
  const next = nextLabel(s);
  return html`
    <header>
      <h1>${l10n.t('Create ADF Pipeline')} <span class="subtitle">${l10n.t('for batch endpoint {0} · {1}', s.endpoint.name, s.endpoint.workspaceName)}</span></h1>
    </header>
    <nav aria-label=${l10n.t('Wizard steps')}>
      <ol class="steps">
        ${WIZARD_STEPS.map(
          (step, i) => html`<li>
          <button type="button" class=${`step ${step === s.step ? 'current' : ''} ${i < index ? 'done' : ''}`} data-step=${step}
            aria-current=${step === s.step ? 'step' : nothing} ?disabled=${!s.reachable.includes(step)}
            @click=${() => send('goTo', { step })}>${i + 1}. ${stepTitle(step)}</button>
        </li>`,
        )}
      </ol>
    </nav>
    <main>
      ${
        s.error
          ? html`<section class="banner error" role="alert" data-error=${String(s.error.statusCode ?? '')}>
        <h3>${s.error.title}</h3>
        <p>${s.error.message}</p>
        <p class="check-action">${s.error.action}</p>
        <div class="row">
          ${s.error.canSignIn ? button(l10n.t('Sign in again'), () => send('signIn', {})) : nothing}
          ${s.error.canRetry ? button(l10n.t('Retry'), () => send('retry', {}), { secondary: s.error.canSignIn }) : nothing}
          ${button(l10n.t('Dismiss'), () => send('dismissError', {}), { secondary: true })}
        </div>
      </section>`
          : nothing
      }
      ${s.notice ? html`<p class="notice" role="status">${s.notice}</p>` : nothing}
      ${s.busy ? html`<p class="busy loading-line" role="status"><vscode-progress-ring aria-label=${l10n.t('Working')}></vscode-progress-ring> ${s.busy}</p>` : nothing}
      <section class="step-body" aria-labelledby="step-title">
        <h2 id="step-title" tabindex="-1">${index + 1}. ${stepTitle(s.step)}</h2>
        ${STEP_VIEWS[s.step](ctx)}
      </section>
    </main>
    <footer>
      ${index > 0 && s.step !== 'run' ? button(l10n.t('Back'), () => send('back', {}), { secondary: true, id: 'back' }) : nothing}
      ${s.step === 'run' ? button(l10n.t('Back to publish'), () => send('goTo', { step: 'publish' }), { secondary: true, id: 'back' }) : nothing}
      ${next ? html`<span class="next" @click=${() => showProblemsOnBlockedNext(s)}>${button(next, () => send('next', {}), { disabled: !s.canContinue, id: 'next' })}</span>` : nothing}
      ${!s.canContinue && s.blockedReason ? html`<span class="blocked" role="status">${s.blockedReason}</span>` : nothing}
    </footer>`;
}

/** A click on Next while it is disabled: every problem of the step shows, and the first one takes the focus. */
function showProblemsOnBlockedNext(s: WizardViewState): void {
  if (s.canContinue || triedNext.has(s.step)) return;
  triedNext.add(s.step);
  draw();
  (root.querySelector('[invalid]') as HTMLElement | null)?.focus();
}

let cleared = false;

function draw(): void {
  if (!state) return;
  if (!cleared) {
    // The static "Loading..." line is not lit's: remove it before the first render.
    root.replaceChildren();
    cleared = true;
  }
  render(app(state), root);
  if (lastStep !== state.step) {
    // A new step: move the focus to its heading, so keyboard and screen reader users start there.
    const first = lastStep === undefined;
    lastStep = state.step;
    if (!first) (document.getElementById('step-title') as HTMLElement | null)?.focus();
  }
}

const saved = rpc.persistedWizard();
if (saved)
  root.querySelector('.loading')?.replaceWith(
    Object.assign(document.createElement('p'), {
      className: 'loading',
      textContent: l10n.t('Restoring step {0}...', stepTitle(saved.step)),
    }),
  );
void rpc.request('ready', {});
