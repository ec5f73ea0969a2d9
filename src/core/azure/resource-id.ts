// Parsing ARM resource IDs: /subscriptions/{s}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}...]

export interface ParsedResourceId {
  subscriptionId: string;
  resourceGroup?: string;
  provider?: string;
  /** type/name pairs after the provider, outermost first. */
  segments: Array<{ type: string; name: string }>;
}

/** Parses an ARM resource ID; undefined when it does not start with /subscriptions/{id}. */
export function parseResourceId(id: string | undefined): ParsedResourceId | undefined {
  if (!id) return undefined;
  const parts = id.split('/').filter((p) => p.length > 0);
  if (parts.length < 2 || parts[0].toLowerCase() !== 'subscriptions') return undefined;
  const parsed: ParsedResourceId = { subscriptionId: parts[1], segments: [] };
  let i = 2;
  if (parts[i]?.toLowerCase() === 'resourcegroups' && parts[i + 1]) {
    parsed.resourceGroup = parts[i + 1];
    i += 2;
  }
  if (parts[i]?.toLowerCase() === 'providers' && parts[i + 1]) {
    parsed.provider = parts[i + 1];
    i += 2;
    for (; i + 1 < parts.length; i += 2) parsed.segments.push({ type: parts[i], name: parts[i + 1] });
  }
  return parsed;
}

/** A case-insensitive key for caches indexed by resource ID. */
export function resourceKey(id: string): string {
  return id.toLowerCase().replace(/\/+$/, '');
}

/** The ARM ID of a subscription. */
export function subscriptionResourceId(subscriptionId: string): string {
  return `/subscriptions/${subscriptionId}`;
}
