// How integration tests trust the emulator's CA in-process (documented in docs/emulator.md):
// Node 20 reads NODE_EXTRA_CA_CERTS only at startup and the Azure SDKs' node HTTP client builds its own
// https.Agent, so neither the env var (set late) nor https.globalAgent helps. A per-call pipeline policy
// that sets `request.tlsSettings.ca` does, for every SDK client and for @azure/identity's token requests.
export {
  emulatorArmClientOptions,
  emulatorCredentialOptions,
  trustEmulatorCaPolicy,
} from '../../../tools/emulator/trust';
