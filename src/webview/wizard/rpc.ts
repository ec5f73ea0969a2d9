// The wizard's webview end of its protocol: the generic WebviewRpc typed with the wizard's requests and state.
import type { PersistedWebviewState, RequestParams, WizardViewState } from '../../wizard/protocol';
import { WebviewRpc } from '../rpc';

export class WizardRpc extends WebviewRpc<RequestParams, WizardViewState> {
  persistedWizard(): PersistedWebviewState | undefined {
    return this.persisted(
      (state): state is PersistedWebviewState => typeof state === 'object' && state !== null && 'form' in state,
    );
  }
}
