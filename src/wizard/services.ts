// What the wizard's controller needs from its surroundings. The VS Code implementations are in vscode-services.ts;
// extension-host tests replace the prompts (confirmations, the SecureString box, folder pickers) with answers.
import type { CloudDefinition } from '../core/clouds';
import type { RunTracker } from '../core/factory';
import type { WizardAzure } from '../azure/sdk/wizard-azure';

export interface ConfirmRequest {
  message: string;
  detail: string;
  confirmLabel: string;
}

export interface WizardPrompts {
  /** A modal question; true only when the user chose `confirmLabel`. */
  confirm(request: ConfirmRequest): Promise<boolean>;
  /** A password box for a SecureString run parameter; undefined when cancelled. The value is never kept. */
  secret(request: { title: string; prompt: string }): Promise<string | undefined>;
  /** A text box with `value` filled in and `validate`'s problem shown under it; undefined when cancelled. */
  input(request: {
    title: string;
    prompt: string;
    value: string;
    validate(text: string): string | undefined;
  }): Promise<string | undefined>;
  /** A folder picker; undefined when cancelled. */
  chooseFolder(request: { purpose: 'repository' | 'export'; title: string }): Promise<string | undefined>;
}

export interface WizardFiles {
  /** The text of a file, or undefined when it does not exist. */
  readText(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
  /** Writes the file, creating its folder. */
  write(path: string, content: Uint8Array): Promise<void>;
  /** Folders of the workspace that look like ADF git-integration repositories (they hold pipeline/ or factory/). */
  repositoryCandidates(): Promise<string[]>;
  /** The open workspace's folders (file system paths): the wizard may write inside them. */
  workspaceFolders(): string[];
}

export interface WizardLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Masks this value wherever it would appear in the log (a SecureString the user typed). */
  addSecret(value: string): void;
}

export interface DiffSide {
  title: string;
  text: string;
}

export interface WizardEnvironment {
  /** The cloud of the session: ARM, the ML audience, Studio links. */
  cloud: CloudDefinition;
  /** SDK-backed stores for the endpoint's subscription (loads the Azure SDK on first use). */
  azure(): Promise<WizardAzure>;
  prompts: WizardPrompts;
  files: WizardFiles;
  log: WizardLog;
  openDiff(left: DiffSide, right: DiffSide, title: string): Promise<void>;
  openExternal(url: string): Promise<void>;
  signIn(): Promise<void>;
  /** Time between polls of a running pipeline (ms). */
  monitorIntervalMs: number;
  /** The "Pipeline Runs" view: a started run is followed there too, so closing the panel does not lose it. */
  runs: RunTracker;
}
