// One wizard panel per batch endpoint: opening the wizard again for the same endpoint focuses its panel.
import type * as vscode from 'vscode';
import { WizardController } from './controller';
import { endpointKey, type WizardEndpoint } from './endpoint';
import { WizardPanel } from './panel';
import type { WizardEnvironment } from './services';

export class WizardPanelManager implements vscode.Disposable {
  private readonly panels = new Map<string, WizardPanel>();
  private created = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly environmentFor: (endpoint: WizardEndpoint) => WizardEnvironment,
  ) {}

  /** Opens the wizard for the endpoint, or focuses the one already open. */
  open(endpoint: WizardEndpoint): WizardPanel {
    const key = endpointKey(endpoint);
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const env = this.environmentFor(endpoint);
    const controller = new WizardController(endpoint, env);
    const panel = new WizardPanel(controller, this.extensionUri, env.log);
    this.panels.set(key, panel);
    this.created += 1;
    panel.onDidClose(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
    controller.start();
    return panel;
  }

  get(endpointId: string): WizardPanel | undefined {
    return this.panels.get(endpointKey({ id: endpointId }));
  }

  all(): WizardPanel[] {
    return [...this.panels.values()];
  }

  /** How many panels were ever created (a second open of the same endpoint creates none). */
  get createdCount(): number {
    return this.created;
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}
