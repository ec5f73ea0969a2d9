// Runtime checks of every request the wizard's webview may send (the webview is untrusted input: nothing is acted
// on before it passes). The types are in protocol.ts; the envelope and its validator in src/webview-host.
import {
  empty,
  integer,
  listOf,
  oneOf,
  partialOf,
  shape,
  stringRecord,
  text,
  type Check,
} from '../webview-host/checks';
import {
  isHostMessage,
  messageIdOf,
  validateRequest,
  type ParamChecks,
  type Validation,
} from '../webview-host/protocol';
import {
  EXPORT_FORMATS,
  INPUT_MODES,
  INPUT_TYPES,
  OUTPUT_MODES,
  TARGET_KINDS,
  WIZARD_AUTH_KINDS,
  WIZARD_STEPS,
  type ExtensionMessage,
  type RequestMethod,
  type RequestParams,
  type WebviewRequest,
  type WizardForm,
} from './protocol';

export { messageIdOf };

/** One check per form field: a patch may hold any subset of them, nothing else. */
const FORM_FIELDS: { [K in keyof WizardForm]-?: Check<WizardForm[K]> } = {
  deployment: text(260),
  targetKind: oneOf(TARGET_KINDS),
  factoryId: text(1024),
  repositoryFolder: text(),
  exportFolder: text(),
  exportFormats: listOf(oneOf(EXPORT_FORMATS), EXPORT_FORMATS.length),
  authKind: oneOf(WIZARD_AUTH_KINDS),
  credentialName: text(260),
  keyVaultLinkedService: text(260),
  secretName: text(260),
  spTenantId: text(260),
  spClientId: text(260),
  inputMode: oneOf(INPUT_MODES),
  inputDatastore: text(260),
  inputPath: text(1024),
  inputUri: text(2048),
  inputType: oneOf(INPUT_TYPES),
  outputMode: oneOf(OUTPUT_MODES),
  outputDatastore: text(260),
  outputPath: text(1024),
  pollIntervalSeconds: integer(1, 86400),
  loopTimeout: text(32),
  pipelineName: text(260),
  folder: text(1024),
  description: text(),
};

export const WIZARD_REQUEST_CHECKS: ParamChecks<RequestParams> = {
  ready: empty,
  updateForm: shape<RequestParams['updateForm']>({ patch: partialOf<WizardForm>(FORM_FIELDS) }),
  goTo: shape<RequestParams['goTo']>({ step: oneOf(WIZARD_STEPS) }),
  next: empty,
  back: empty,
  reload: shape<RequestParams['reload']>({ what: oneOf(['endpoint', 'factories', 'checks', 'datastores'] as const) }),
  grantRole: empty,
  createKeyVaultLinkedService: empty,
  enableIdentity: empty,
  chooseFolder: shape<RequestParams['chooseFolder']>({ purpose: oneOf(['repository', 'export'] as const) }),
  publish: empty,
  confirmGitMode: shape<RequestParams['confirmGitMode']>({
    choice: oneOf(['publishLive', 'saveToRepository'] as const),
  }),
  resolveConflict: shape<RequestParams['resolveConflict']>({ choice: oneOf(['overwrite', 'backToReview'] as const) }),
  openDiff: empty,
  openLink: shape<RequestParams['openLink']>({ link: oneOf(['adfStudio', 'portal', 'job', 'endpoint'] as const) }),
  runNow: shape<RequestParams['runNow']>({ values: stringRecord(50) }),
  cancelRun: empty,
  cancelOperation: empty,
  retry: empty,
  dismissError: empty,
  signIn: empty,
  cspViolation: shape<RequestParams['cspViolation']>({ directive: text(256), blockedUri: text(1024) }),
};

export const REQUEST_METHODS: readonly RequestMethod[] = Object.keys(WIZARD_REQUEST_CHECKS) as RequestMethod[];

/** Validates a message from the webview; the extension acts only on `ok` results. Never throws. */
export function validateWebviewMessage(message: unknown): Validation<WebviewRequest> {
  return validateRequest(message, WIZARD_REQUEST_CHECKS);
}

/** Validates a message from the extension (the webview's side of the contract). */
export function isExtensionMessage(message: unknown): message is ExtensionMessage {
  return isHostMessage(message);
}
