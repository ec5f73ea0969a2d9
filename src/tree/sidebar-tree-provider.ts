// The TreeDataProvider of the "Batch Endpoints" view. Root: the selected subscriptions of the signed-in
// session (nothing when signed out, so the view shows its welcome content with the sign-in choices).
import * as vscode from 'vscode';
import type { AzureSession, TenantInfo } from '../azure/sessions/session';
import {
  type CloudDefinition,
  describeAzureError,
  formatAzureError,
  type SubscriptionListing,
  type SubscriptionRef,
  type SubscriptionsSoFar,
  ResourceLoader,
  filterSubscriptions,
} from '../core/azure';
import type { Log } from '../log';
import { readConcurrency, readPageSize } from '../settings';
import { ErrorNode } from './error-node';
import { FactoryLoader } from './factory-loader';
import { MessageNode } from './message-node';
import type { AzureSessionProvider } from './session-provider';
import type { LoadingParent, SidebarNode, SidebarTree } from './sidebar-node';
import { SubscriptionNode } from './subscription-node';
import { isWorkspaceTrusted } from '../workspace-trust';

export class SidebarTreeProvider implements vscode.TreeDataProvider<SidebarNode>, SidebarTree, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<SidebarNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private currentLoader: ResourceLoader | undefined;
  private currentFactoryLoader: FactoryLoader | undefined;
  /** The page size and concurrency the current loader was made with. */
  private loaderSettings = '';
  private currentCloud: CloudDefinition | undefined;
  private session: AzureSession | undefined;
  private readonly parents = new Map<string, LoadingParent>();
  private subscriptionNodes = new Map<string, SubscriptionNode>();
  private rootLoad: Promise<SidebarNode[]> | undefined;
  /** The listing the root showed before its last page: its end (list or error) re-renders the root. */
  private awaitedListing: SubscriptionListing | undefined;

  constructor(
    private readonly sessions: AzureSessionProvider,
    private readonly log?: Log,
  ) {}

  getTreeItem(node: SidebarNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: SidebarNode): SidebarNode | undefined {
    return node.parent;
  }

  async getChildren(node?: SidebarNode): Promise<SidebarNode[]> {
    const children = await this.childrenOf(node);
    this.logChildren(node, children);
    return children;
  }

  /** What was listed under a row, and what failed (one line each; ids, never tokens). */
  private logChildren(node: SidebarNode | undefined, children: SidebarNode[]): void {
    if (!this.log) return;
    const where = node ? `"${node.id}"` : 'the root';
    const errors = children.filter((c): c is ErrorNode => c instanceof ErrorNode);
    for (const e of errors) this.log.warn(`sidebar: listing under ${where} failed: ${formatAzureError(e.error)}`);
    this.log.debug(`sidebar: ${where} shows ${children.length - errors.length} row(s)`);
  }

  private async childrenOf(node?: SidebarNode): Promise<SidebarNode[]> {
    if (node) return node.getChildren ? node.getChildren() : [];
    // Restricted Mode: no sign-in, no Azure request; the welcome view says why (package.json viewsWelcome).
    if (!isWorkspaceTrusted()) return [];
    this.rootLoad ??= this.loadRoot().finally(() => {
      this.rootLoad = undefined;
    });
    return this.rootLoad;
  }

  loader(): ResourceLoader {
    if (!this.session) throw new Error('Not signed in.');
    if (!this.currentLoader) {
      const pageSize = readPageSize();
      const concurrency = readConcurrency();
      this.loaderSettings = `${pageSize}/${concurrency}`;
      this.currentLoader = new ResourceLoader({
        reader: this.sessions.createReader(this.session),
        pageSize,
        concurrency,
        onLoadingChange: (key, loading) => this.parents.get(key)?.setLoading(loading),
      });
    }
    return this.currentLoader;
  }

  factoryLoader(): FactoryLoader {
    const session = this.session;
    if (!session) throw new Error('Not signed in.');
    this.currentFactoryLoader ??= new FactoryLoader({
      reader: this.sessions.createFactoryReader(session),
      pageSize: readPageSize(),
      subscriptions: async () => filterSubscriptions(await this.sessions.getSubscriptions(), this.sessions.selection()),
      onLoadingChange: (key, loading) => this.parents.get(key)?.setLoading(loading),
    });
    return this.currentFactoryLoader;
  }

  cloud(): CloudDefinition | undefined {
    return this.currentCloud;
  }

  registerParent(key: string, node: LoadingParent): void {
    this.parents.set(key, node);
  }

  changed(node?: SidebarNode): void {
    this.emitter.fire(node);
  }

  /** Reloads everything: subscriptions and every list below them. */
  refresh(): void {
    this.awaitedListing = undefined;
    this.sessions.refreshSubscriptions();
    this.currentLoader?.invalidateAll();
    this.currentFactoryLoader?.invalidateAll();
    this.changed(undefined);
  }

  /** Reloads one node's children (and everything below it). */
  refreshNode(node: SidebarNode): void {
    if (isLoadingParent(node)) {
      node.invalidate();
      this.changed(node);
    } else if (node.parent) {
      this.refreshNode(node.parent);
    } else {
      this.refresh();
    }
  }

  /** A new session (sign-in, settings): start over with a new loader and new nodes. */
  reset(): void {
    this.currentLoader = undefined;
    this.currentFactoryLoader = undefined;
    this.currentCloud = undefined;
    this.session = undefined;
    this.awaitedListing = undefined;
    this.parents.clear();
    this.subscriptionNodes = new Map();
    this.changed(undefined);
  }

  /** Page size or concurrency changed: a new loader; the nodes stay and reload. */
  resetLoader(): void {
    this.currentLoader = undefined;
    this.currentFactoryLoader = undefined;
    this.changed(undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private async loadRoot(): Promise<SidebarNode[]> {
    const status = await this.sessions.current();
    if (status.state === 'error') {
      return [
        new MessageNode('root#problem', undefined, status.error ?? vscode.l10n.t('Sign-in failed.'), {
          icon: 'warning',
          tooltip: status.error,
          command: {
            title: vscode.l10n.t('Open Settings'),
            command: 'workbench.action.openSettings',
            arguments: ['adfBatchEndpoints'],
          },
        }),
      ];
    }
    // Signed out: no rows, so the view shows its welcome content with the sign-in choices.
    if (status.state !== 'signedIn' || !status.session) return [];
    if (this.session !== status.session) {
      this.session = status.session;
      this.currentCloud = status.session.cloud;
      this.currentLoader = undefined;
      this.currentFactoryLoader = undefined;
    }
    // Settings may change between the event and this reload: a loader always matches them.
    if (this.currentLoader && this.loaderSettings !== `${readPageSize()}/${readConcurrency()}`)
      this.currentLoader = undefined;
    let soFar: SubscriptionsSoFar;
    try {
      // The access keeps a failed listing until Refresh: the re-render shows its error, and lists nothing again.
      const listing = await this.sessions.subscriptionListing();
      soFar = await listing.firstPage();
      if (!soFar.complete) this.rerenderWhenEnded(listing);
    } catch (error) {
      return [new ErrorNode(undefined, describeAzureError(error), 'root')];
    }
    const { subscriptions: all, complete } = soFar;
    if (all.length === 0) {
      return [
        new MessageNode('root#noSubscriptions', undefined, vscode.l10n.t('No subscriptions found for this sign-in'), {
          description: vscode.l10n.t('Sign in to another tenant'),
          icon: 'info',
          command: {
            title: vscode.l10n.t('Sign In to Another Tenant...'),
            command: 'adfBatchEndpoints.signInToTenant',
          },
        }),
      ];
    }
    const shown = filterSubscriptions(all, this.sessions.selection());
    // Before the last page, an empty selection result only means the selected ones have not arrived yet.
    if (!complete) return [...this.subscriptionRows(shown, false), loadingMoreNode()];
    if (shown.length === 0) {
      return [
        new MessageNode('root#noneSelected', undefined, vscode.l10n.t('No subscriptions selected'), {
          description: vscode.l10n.t('Select Subscriptions...'),
          icon: 'filter',
          command: {
            title: vscode.l10n.t('Select Subscriptions...'),
            command: 'adfBatchEndpoints.selectSubscriptions',
          },
        }),
      ];
    }
    return [...this.subscriptionRows(shown, true), ...(await this.tenantsNeedingSignIn(status.session))];
  }

  /**
   * A node per subscription, reused by key so an expanded subscription keeps its state and its loaded lists across
   * re-renders. Before the last page, rows not in yet keep their nodes for the re-render with the whole list.
   */
  private subscriptionRows(shown: readonly SubscriptionRef[], complete: boolean): SubscriptionNode[] {
    const previous = this.subscriptionNodes;
    this.subscriptionNodes = complete ? new Map() : new Map(previous);
    return shown.map((subscription) => {
      const key = ResourceLoader.keyOf(subscription);
      const node = previous.get(key) ?? new SubscriptionNode(this, subscription);
      node.subscription = subscription;
      this.subscriptionNodes.set(key, node);
      return node;
    });
  }

  /** Once per listing: when its last page is in (or it failed), the root shows the whole list (or the error). */
  private rerenderWhenEnded(listing: SubscriptionListing): void {
    if (this.awaitedListing === listing) return;
    this.awaitedListing = listing;
    const ended = (): void => {
      if (this.awaitedListing !== listing) return; // refreshed or reset meanwhile: a newer listing shows
      this.awaitedListing = undefined;
      this.changed(undefined);
    };
    listing.all().then(ended, ended);
  }

  /** A row per tenant of the account that refused a silent sign-in (consent, MFA): it signs in to that tenant. */
  private async tenantsNeedingSignIn(session: AzureSession): Promise<SidebarNode[]> {
    if (session.method === 'servicePrincipal') return [];
    let tenants: TenantInfo[];
    try {
      tenants = await session.getTenants();
    } catch {
      return []; // the subscriptions loaded; a tenant list that fails now only loses the hint
    }
    return tenants
      .filter((t) => !t.signedIn)
      .map(
        (t) =>
          new MessageNode(
            `root#tenant:${t.tenantId}`,
            undefined,
            vscode.l10n.t('Sign in to tenant {0}', t.displayName ?? t.tenantId),
            {
              description: vscode.l10n.t('needs your consent'),
              icon: 'sign-in',
              tooltip: vscode.l10n.t(
                'Your account is a member of {0} ({1}), which asks you to sign in again before its subscriptions show.',
                t.displayName ?? t.tenantId,
                t.tenantId,
              ),
              command: {
                title: vscode.l10n.t('Sign In to Another Tenant...'),
                command: 'adfBatchEndpoints.signInToTenant',
                arguments: [t.tenantId],
              },
            },
          ),
      );
  }
}

/** The last root row while more pages of subscriptions are being read. */
function loadingMoreNode(): MessageNode {
  return new MessageNode('root#loadingMore', undefined, vscode.l10n.t('Loading more subscriptions...'), {
    icon: 'loading~spin',
    tooltip: vscode.l10n.t('Azure lists subscriptions 50 at a time: the rest show when the last page is in.'),
  });
}

function isLoadingParent(node: SidebarNode): node is LoadingParent {
  return typeof (node as Partial<LoadingParent>).invalidate === 'function';
}
