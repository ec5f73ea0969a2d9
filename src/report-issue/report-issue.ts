// "Report Issue": VS Code's issue reporter for this extension, its body prefilled with the environment summary and
// the end of the log (src/core/issue-report removes ids and credentials). Where the reporter is unavailable (some
// web hosts), the extension's bugs page gets the same text in a new-issue link, or without one an untitled
// Markdown document shows it to copy.
import * as vscode from 'vscode';
import { issueReportBody, type EnvironmentSummary } from '../core/issue-report';
import type { ExtensionLog } from '../log';
import { readCloudName, readSignInMethod } from '../settings';
import { registerCommand } from '../commands/register-command';

declare module '../api' {
  interface ExtensionApi {
    /** The text "Report Issue" would send now (for the tests: no id or secret may be in it). */
    readonly issueReportText: () => string;
  }
}

export const REPORT_ISSUE_COMMAND = 'adfBatchEndpoints.reportIssue';
const ISSUE_REPORTER = 'workbench.action.openIssueReporter';
/** Browsers and hosts cut long URLs: a prefilled new-issue link stays under this. */
const MAX_URL = 7000;

export interface IssueReport {
  body: string;
  /** Where it went: VS Code's issue reporter, a new-issue page, or an untitled document. */
  openedIn: 'issueReporter' | 'issuePage' | 'document';
}

export function registerReportIssue(context: vscode.ExtensionContext, log: ExtensionLog): vscode.Disposable {
  return registerCommand(REPORT_ISSUE_COMMAND, () => reportIssue(context.extension, log));
}

/** The report's text, as the command would send it now. */
export function issueReportText(extension: vscode.Extension<unknown>, log: ExtensionLog): string {
  return issueReportBody(environmentSummary(extension), log.lines());
}

async function reportIssue(extension: vscode.Extension<unknown>, log: ExtensionLog): Promise<IssueReport> {
  const body = issueReportText(extension, log);
  log.info('Report Issue: opening the issue reporter');
  try {
    await vscode.commands.executeCommand(ISSUE_REPORTER, { extensionId: extension.id, issueBody: body });
    return { body, openedIn: 'issueReporter' };
  } catch (error) {
    log.info(`Report Issue: the issue reporter is not available here (${String(error)})`);
  }
  const bugs = bugsUrl(extension.packageJSON);
  if (bugs) {
    const url = `${bugs.replace(/\/$/, '')}/new?body=${encodeURIComponent(body)}`;
    if (url.length <= MAX_URL && (await vscode.env.openExternal(vscode.Uri.parse(url))))
      return { body, openedIn: 'issuePage' };
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: body });
  await vscode.window.showTextDocument(document);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('The issue report is in this document: copy it into a new issue.'),
  );
  return { body, openedIn: 'document' };
}

function bugsUrl(manifest: unknown): string | undefined {
  const bugs = (manifest as { bugs?: string | { url?: unknown } }).bugs;
  const url = typeof bugs === 'string' ? bugs : bugs?.url;
  return typeof url === 'string' && /^https:\/\//.test(url) ? url : undefined;
}

function environmentSummary(extension: vscode.Extension<unknown>): EnvironmentSummary {
  return {
    extensionId: extension.id,
    extensionVersion: String((extension.packageJSON as { version?: unknown }).version ?? 'unknown'),
    vscodeVersion: vscode.version,
    appHost: vscode.env.appHost,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    ...(vscode.env.remoteName ? { remote: vscode.env.remoteName } : {}),
    platform: `${process.platform} ${process.arch}, Node.js ${process.versions.node}`,
    language: vscode.env.language,
    cloud: readCloudName(),
    signInMethod: readSignInMethod(),
    workspaceTrusted: vscode.workspace.isTrusted,
  };
}
