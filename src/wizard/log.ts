// The wizard's output channel ("ADF Batch Endpoints: Pipeline Wizard"). Every line also stays in memory (tests
// read it), and any value registered as a secret is masked, in every encoding, before it is written anywhere.
import * as vscode from 'vscode';
import { SecretRedactor } from '../core/engine';
import type { WizardLog } from './services';

const MAX_LINES = 2000;

export class WizardOutputLog implements WizardLog, vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('ADF Batch Endpoints: Pipeline Wizard', { log: true });
  private readonly secrets = new SecretRedactor();
  private readonly memory: string[] = [];

  info(message: string): void {
    const text = this.redact(message);
    this.keep('info', text);
    this.channel.info(text);
  }

  warn(message: string): void {
    const text = this.redact(message);
    this.keep('warn', text);
    this.channel.warn(text);
  }

  error(message: string): void {
    const text = this.redact(message);
    this.keep('error', text);
    this.channel.error(text);
  }

  addSecret(value: string): void {
    this.secrets.add(value);
  }

  /** What was written (after masking). */
  lines(): string[] {
    return [...this.memory];
  }

  dispose(): void {
    this.channel.dispose();
  }

  private redact(message: string): string {
    return this.secrets.redactText(message);
  }

  private keep(level: string, text: string): void {
    this.memory.push(`${level} ${text}`);
    if (this.memory.length > MAX_LINES) this.memory.splice(0, this.memory.length - MAX_LINES);
  }
}
