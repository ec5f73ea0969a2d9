// What tests tell the stand-in Microsoft authentication (extension.ts) and what it answers. No `vscode` import:
// the UI test harness (outside the extension host) uses these too.

/** How the next interactive sign-ins end: 'accept' signs in, 'cancel' is the user closing the page, 'ask' shows a modal (UI tests click it). */
export type InteractiveAnswer = 'accept' | 'cancel' | 'ask';

export interface StandInControl {
  /** Forgets every session (signed out). */
  signOut?: boolean;
  interactive?: InteractiveAnswer;
  /** Lifetime of the tokens minted from now on (default: the seed's). */
  tokenLifetimeSeconds?: number | null;
  /** false: expired sessions cannot be refreshed silently (the refresh token expired too). */
  silentRefresh?: boolean;
  /** A token this close to its expiry is renewed (default 30 s). */
  refreshMarginSeconds?: number;
  /** Empties the call log. */
  clearLog?: boolean;
}

export interface StandInCall {
  provider: string;
  method: 'getSessions' | 'createSession' | 'removeSession';
  scopes: readonly string[];
  /** What it answered: sessions returned, 'cancelled', or an error text. */
  outcome: string;
}

export interface StandInState {
  calls: StandInCall[];
  sessions: Array<{
    provider: string;
    tenantId: string;
    scopes: readonly string[];
    expiresOn: number;
    /** The access token's `uti` claim (the emulator's request log names the token a request carried by it). */
    tokenId: string;
  }>;
}

/** The control file's content (UI tests): `seq` increases with every change; the state file answers with it. */
export interface StandInControlFile {
  seq: number;
  change: StandInControl;
}

/** Environment variable naming the folder of control.json (written by tests) and state.json (by the stand-in). */
export const CONTROL_DIR_VARIABLE = 'STAND_IN_MICROSOFT_AUTH_CONTROL_DIR';
