// Secrets (SecureString parameters, resolved Key Vault secrets, client secrets, tokens) never reach run records:
// every recorded value is scrubbed of the secrets known to the run, in every form an expression can give them
// (secret-forms.ts). A child run (Execute Pipeline) also masks its parent's secrets.
import { secretForms } from './secret-forms';

export const REDACTED = '**********';

export class SecretRedactor {
  private readonly secrets = new Set<string>();
  /** Every form of every secret, longest first. */
  private forms: string[] = [];

  constructor(private readonly parent?: SecretRedactor) {}

  /** Remembers a secret value; very short values are ignored (they would blank out ordinary text). */
  add(secret: unknown): void {
    if (typeof secret !== 'string' || secret.length < 4 || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    const all = new Set([...this.forms, ...secretForms(secret)]);
    this.forms = [...all].sort((a, b) => b.length - a.length);
  }

  redact<T>(value: T): T {
    if (this.allForms().length === 0) return value;
    return this.walk(value) as T;
  }

  /** Masks the secrets in one text (log lines, messages). */
  redactText(text: string): string {
    let result = text;
    for (const form of this.allForms()) {
      if (result.includes(form)) result = result.split(form).join(REDACTED);
    }
    return result;
  }

  private allForms(): string[] {
    if (!this.parent) return this.forms;
    return [...this.forms, ...this.parent.allForms()].sort((a, b) => b.length - a.length);
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redactText(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.walk(v)]));
    }
    return value;
  }
}
