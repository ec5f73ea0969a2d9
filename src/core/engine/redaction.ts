// Secrets (SecureString parameters, resolved Key Vault secrets, client secrets, tokens) never reach run records:
// every recorded value is scrubbed of the secrets known to the run.

export const REDACTED = '**********';

export class SecretRedactor {
  private readonly secrets = new Set<string>();

  /** Remembers a secret value; very short values are ignored (they would blank out ordinary text). */
  add(secret: unknown): void {
    if (typeof secret === 'string' && secret.length >= 4) this.secrets.add(secret);
  }

  redact<T>(value: T): T {
    if (this.secrets.size === 0) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redactString(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.walk(v)]));
    }
    return value;
  }

  private redactString(text: string): string {
    let result = text;
    for (const secret of this.secrets) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result;
  }
}
