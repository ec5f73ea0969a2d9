// Granting AzureML Data Scientist on the workspace to the identity the pipeline runs as, after a confirmation.
import * as l10n from '@vscode/l10n';
import { grantDataScientistRole } from '../../core/publish';
import { principalInUse } from '../checks';
import { DATA_SCIENTIST, sdkScopeOf } from '../state';
import { roleGrantView } from '../view-model';
import type { FlowContext } from './context';
import { ensureAccess } from './facts';

export async function grantRole(ctx: FlowContext): Promise<void> {
  const { state, env } = ctx;
  const principal = principalInUse(state.form, state.facts);
  const grant = roleGrantView(state);
  if (!principal || state.grantState === 'granting' || (grant.status !== 'offer' && grant.status !== 'failed')) return;
  const scope = state.endpoint.workspace.id;
  const confirmed = await env.prompts.confirm({
    message: l10n.t(
      'Grant "{0}" to {1}?',
      DATA_SCIENTIST,
      `${principal.who.charAt(0).toLowerCase()}${principal.who.slice(1)}`,
    ),
    detail: l10n.t(
      'Scope: {0}\nPrincipal: {1} (service principal)\n\nThis creates one role assignment on the workspace so the pipeline can run batch jobs. The wizard does not remove it later.',
      scope,
      principal.principalId,
    ),
    confirmLabel: l10n.t('Grant'),
  });
  if (!confirmed) {
    state.notice = l10n.t('No role was granted.');
    return ctx.changed();
  }
  state.grantState = 'granting';
  state.busy = l10n.t('Granting {0}...', DATA_SCIENTIST);
  // A Retry after a Cancel starts a request of its own: the aborted one is never joined.
  const abort = new AbortController();
  state.operationAbort = abort;
  ctx.changed();
  const work = (async (): Promise<void> => {
    try {
      await ctx.guard({
        step: 'auth',
        operation: 'grantRole',
        retry: () => grantRole(ctx),
        principalId: principal.principalId,
        signal: abort.signal,
        run: async () => {
          const azure = await env.azure();
          const outcome = await grantDataScientistRole(azure.roles, {
            workspaceId: scope,
            principalId: principal.principalId,
            signal: abort.signal,
          });
          env.log.info(
            outcome.kind === 'created'
              ? `Granted ${DATA_SCIENTIST} to ${principal.principalId} on ${scope} (role assignment ${outcome.assignmentName}).`
              : `${principal.principalId} already has ${outcome.roleName} on ${scope}: nothing granted.`,
          );
          state.grantedPrincipals.add(principal.principalId);
          state.facts.access = {
            principalId: principal.principalId,
            assignments: await azure.roles.listForPrincipal(sdkScopeOf(scope), principal.principalId, abort.signal),
          };
          state.grantState = undefined;
          state.notice =
            outcome.kind === 'created'
              ? l10n.t('Granted {0} on workspace {1}.', DATA_SCIENTIST, state.endpoint.workspace.name)
              : l10n.t('The identity already has {0}.', outcome.roleName);
        },
      });
    } finally {
      if (state.operationAbort === abort) state.operationAbort = undefined;
      if (state.grantState === 'granting' && abort.signal.aborted) {
        // Offered again; the check of the assignments tells whether the request reached Azure before the cancel.
        state.grantState = undefined;
        state.facts.access = undefined;
        ensureAccess(ctx);
        state.notice = l10n.t(
          'Granting {0} was cancelled. If Azure received the request before the cancel, the role may be granted: the check below reads the assignments again.',
          DATA_SCIENTIST,
        );
      }
      if (state.grantState === 'granting') state.grantState = 'failed';
      state.busy = undefined;
      ctx.changed();
    }
  })();
  ctx.track(work);
  await work;
}
