// The object activate() returns, used by the extension-host tests. Each feature declares its part next to its
// code (src/tree/sidebar-api.ts) or adds it by module augmentation in its own small file:
//   declare module '../api' { interface ExtensionApi { readonly wizard: WizardApi } }
// and src/extension.ts sets them. This file only imports features' API types, never the other way round.
import type { SidebarApi } from './tree/sidebar-api';

export interface ExtensionApi {
  readonly sidebar: SidebarApi;
}
