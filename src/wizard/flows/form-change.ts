// A change of the form, from the webview or from a flow (`fromExtension`: the webview takes the values over). It
// starts what the new values need: the chosen factory's facts, the repository folder's check, the access checks and
// the review that follows the form.
import { patchedForm } from '../form';
import type { FormPatch } from '../protocol';
import type { FlowContext, FlowOutcome } from './context';
import * as facts from './facts';
import { loadFacts } from './loads';
import { followFormChange } from './review';

export function applyFormPatch(
  ctx: FlowContext,
  apply: (outcome: FlowOutcome) => Promise<void>,
  patch: FormPatch,
  fromExtension: boolean,
): void {
  const state = ctx.state;
  const before = state.form;
  const { form: next, derived } = patchedForm(before, patch);
  state.form = next;
  if (fromExtension || derived) state.formRevision += 1;
  state.notice = undefined;
  if (next.factoryId !== before.factoryId || next.targetKind !== before.targetKind) {
    state.facts.factoryFacts = undefined;
    state.facts.access = undefined;
    state.loads.abort('factoryFacts');
    if (next.targetKind === 'factory' && next.factoryId) ctx.track(loadFacts(ctx, apply, 'factoryFacts'));
  }
  if (next.repositoryFolder !== before.repositoryFolder && next.repositoryFolder)
    ctx.track(facts.checkRepositoryFolder(ctx, next.repositoryFolder));
  if (next.authKind !== before.authKind || next.credentialName !== before.credentialName) state.grantState = undefined;
  facts.ensureAccess(ctx);
  followFormChange(ctx, before);
  ctx.changed();
}
