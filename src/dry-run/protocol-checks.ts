// Runtime checks of the requests the Dry Run view's webview may send (it is untrusted input).
import { empty } from '../webview-host/checks';
import type { ParamChecks } from '../webview-host/protocol';
import type { DryRunRequestParams } from './protocol';

export const DRY_RUN_REQUEST_CHECKS: ParamChecks<DryRunRequestParams> = {
  ready: empty,
  cancel: empty,
};
