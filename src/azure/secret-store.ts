// The service principal's secret lives in SecretStorage only (never in settings, logs or state).
import type * as vscode from 'vscode';

const SECRET_KEY_PREFIX = 'adfBatchEndpoints.servicePrincipalSecret';

/** Tests and the sandbox hand the emulator's test secret over through this variable. */
export const SANDBOX_SECRET_ENV = 'ADF_BATCH_SANDBOX_SP_SECRET';

export class ServicePrincipalSecretStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(clientId: string): Thenable<string | undefined> {
    return this.secrets.get(this.key(clientId));
  }

  store(clientId: string, secret: string): Thenable<void> {
    return this.secrets.store(this.key(clientId), secret);
  }

  delete(clientId: string): Thenable<void> {
    return this.secrets.delete(this.key(clientId));
  }

  /** Stores ADF_BATCH_SANDBOX_SP_SECRET for the client id when set and nothing is stored yet. */
  async seedFromEnvironment(clientId: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
    const secret = env[SANDBOX_SECRET_ENV];
    if (!secret || !clientId || (await this.get(clientId))) return false;
    await this.store(clientId, secret);
    return true;
  }

  private key(clientId: string): string {
    return `${SECRET_KEY_PREFIX}.${clientId.toLowerCase()}`;
  }
}
