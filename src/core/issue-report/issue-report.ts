// The text of a "Report Issue": a short environment summary and the end of the extension's log, with everything
// that identifies a tenant, a subscription, a person or a credential taken out. The log is masked already (secrets
// registered with it); this is the second pass for what the log may keep but a public issue must not carry.

/** What the report says about the machine: versions and kinds, never ids. */
export interface EnvironmentSummary {
  extensionId: string;
  extensionVersion: string;
  vscodeVersion: string;
  /** "desktop", "web", "code-server"... (vscode.env.appHost). */
  appHost: string;
  uiKind: 'desktop' | 'web';
  /** "ssh-remote", "wsl", ... or none. */
  remote?: string;
  platform: string;
  language: string;
  /** The cloud setting's kind (AzureCloud, AzureChinaCloud, AzureUSGovernment, Custom): no endpoint of a custom cloud. */
  cloud: string;
  signInMethod: string;
  workspaceTrusted: boolean;
}

/** The most log lines a report carries (the issue stays readable; the reporter adds its own system info). */
export const REPORT_LOG_LINES = 80;

const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const JWT = /\beyJ[\w-]{6,}\.[\w-]{6,}\.[\w-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g;
const QUERY = /(https?:\/\/[^\s?#"']+)\?[^\s#"']*/gi;
/** key=value pairs whose value is a credential, in any text (connection strings, form bodies). */
const SECRET_PAIR =
  /\b(client_secret|password|secret|sig|code|access_token|refresh_token|AccountKey|SharedAccessKey)=([^\s&;"']+)/gi;

/** One log line fit for a public issue. */
export function sanitizeForIssue(line: string): string {
  return line
    .replace(JWT, '<token>')
    .replace(BEARER, '$1 <token>')
    .replace(SECRET_PAIR, '$1=<secret>')
    .replace(QUERY, '$1?<query>')
    .replace(EMAIL, '<email>')
    .replace(GUID, '<id>');
}

/** The issue body (Markdown): environment, then the last lines of the log in a fenced block. */
export function issueReportBody(environment: EnvironmentSummary, logLines: readonly string[]): string {
  const e = environment;
  const rows: Array<[string, string]> = [
    ['Extension', `${e.extensionId} ${e.extensionVersion}`],
    ['VS Code', `${e.vscodeVersion} (${e.appHost}, ${e.uiKind}${e.remote ? `, remote ${e.remote}` : ''})`],
    ['OS', e.platform],
    ['Language', e.language],
    ['Cloud', e.cloud],
    ['Sign-in method', e.signInMethod],
    ['Workspace trusted', e.workspaceTrusted ? 'yes' : 'no'],
  ];
  const tail = logLines.slice(-REPORT_LOG_LINES).map(sanitizeForIssue);
  const fence = tail.some((l) => l.includes('```')) ? '~~~~' : '```';
  return [
    '## What happened',
    '',
    '<!-- What you did, what you expected, what you saw. -->',
    '',
    '## Environment',
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`),
    '',
    `## Log (last ${tail.length} lines of "ADF Batch Endpoints", ids and credentials removed)`,
    '',
    fence,
    ...tail,
    fence,
    '',
  ].join('\n');
}
