// The extension's one log: the LogOutputChannel "ADF Batch Endpoints" (levels set by the user in the Output view).
// Every feature writes here; values registered as secrets are masked (in every encoding) before they are written anywhere, and the last
// lines stay in memory for the extension-host tests.
import * as vscode from 'vscode';
import { SecretRedactor } from './core/engine';

export const LOG_NAME = 'ADF Batch Endpoints';

const MAX_LINES = 2000;

/** What features write to; the wizard's WizardLog is this shape too. */
export interface Log {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** Masks this value wherever it would appear in the log (a secret the user typed). */
  addSecret(value: string): void;
}

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export class ExtensionLog implements Log, vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel(LOG_NAME, { log: true });
  private readonly secrets = new SecretRedactor();
  private readonly memory: string[] = [];

  trace(message: string): void {
    this.write('trace', message);
  }

  debug(message: string): void {
    this.write('debug', message);
  }

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string): void {
    this.write('error', message);
  }

  addSecret(value: string): void {
    this.secrets.add(value);
  }

  /** Opens the log in the Output view. */
  show(): void {
    this.channel.show(true);
  }

  /** What was written (after masking), "<level> <text>" per line. */
  lines(): string[] {
    return [...this.memory];
  }

  dispose(): void {
    this.channel.dispose();
  }

  private write(level: Level, message: string): void {
    const text = this.secrets.redactText(message);
    this.memory.push(`${level} ${text}`);
    if (this.memory.length > MAX_LINES) this.memory.splice(0, this.memory.length - MAX_LINES);
    this.channel[level](text);
  }
}
