// A factory connected to git: live-mode changes are overwritten by the next publish from the collaboration
// branch, so the wizard warns and offers to save into the repository folder instead.
import * as l10n from '@vscode/l10n';
import { info, warn, type PreflightCheck } from './types';

export interface RepoConfigurationFacts {
  type: string;
  accountName?: string;
  repositoryName?: string;
  projectName?: string;
  collaborationBranch?: string;
  rootFolder?: string;
}

/** "git: GitHub contoso/adf-pipelines (branch main, root /adf)", or "live mode (no git)". */
export function describeGitMode(repo: RepoConfigurationFacts | undefined): string {
  return repo ? l10n.t('git: {0}', describeRepository(repo)) : l10n.t('live mode (no git)');
}

/** "GitHub contoso/adf-pipelines (branch main, root /adf)". */
export function describeRepository(repo: RepoConfigurationFacts): string {
  const github = /github/i.test(repo.type);
  const host = github ? 'GitHub' : 'Azure DevOps';
  const path = github
    ? `${repo.accountName}/${repo.repositoryName}`
    : `${repo.accountName}/${repo.projectName ?? ''}/${repo.repositoryName}`.replace('//', '/');
  const details = [
    repo.collaborationBranch ? l10n.t('branch {0}', repo.collaborationBranch) : '',
    repo.rootFolder ? l10n.t('root {0}', repo.rootFolder) : '',
  ]
    .filter(Boolean)
    .join(', ');
  return details ? `${host} ${path} (${details})` : `${host} ${path}`;
}

export function checkGitMode(factoryName: string, repo: RepoConfigurationFacts | undefined): PreflightCheck {
  if (!repo)
    return info(
      'target.gitMode',
      l10n.t('Git mode'),
      l10n.t('Data Factory {0} is in live mode: publishing changes it directly.', factoryName),
    );
  return warn(
    'target.gitMode',
    l10n.t('Git mode'),
    l10n.t(
      'Data Factory {0} is connected to {1}. Publishing writes to the live factory only, and the next publish from the collaboration branch overwrites it.',
      factoryName,
      describeRepository(repo),
    ),
    l10n.t(
      'Save the pipeline into your clone of the repository instead (Target: a repository folder), commit it, and publish from ADF Studio.',
    ),
  );
}
