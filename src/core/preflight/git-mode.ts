// A factory connected to git: live-mode changes are overwritten by the next publish from the collaboration
// branch, so the wizard warns and offers to save into the repository folder instead.
import { info, warn, type PreflightCheck } from './types';

export interface RepoConfigurationFacts {
  type: string;
  accountName?: string;
  repositoryName?: string;
  projectName?: string;
  collaborationBranch?: string;
  rootFolder?: string;
}

/** "GitHub contoso/adf-pipelines (branch main, root /adf)", or "live mode (no git)". */
export function describeGitMode(repo: RepoConfigurationFacts | undefined): string {
  if (!repo) return 'live mode (no git)';
  const github = /github/i.test(repo.type);
  const host = github ? 'GitHub' : 'Azure DevOps';
  const path = github
    ? `${repo.accountName}/${repo.repositoryName}`
    : `${repo.accountName}/${repo.projectName ?? ''}/${repo.repositoryName}`.replace('//', '/');
  const details = [
    repo.collaborationBranch ? `branch ${repo.collaborationBranch}` : '',
    repo.rootFolder ? `root ${repo.rootFolder}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `git: ${host} ${path}${details ? ` (${details})` : ''}`;
}

export function checkGitMode(factoryName: string, repo: RepoConfigurationFacts | undefined): PreflightCheck {
  if (!repo)
    return info(
      'target.gitMode',
      'Git mode',
      `Data Factory ${factoryName} is in live mode: publishing changes it directly.`,
    );
  return warn(
    'target.gitMode',
    'Git mode',
    `Data Factory ${factoryName} is connected to ${describeGitMode(repo).slice(5)}. Publishing writes to the live factory only, and the next publish from the collaboration branch overwrites it.`,
    'Save the pipeline into your clone of the repository instead (Target: a repository folder), commit it, and publish from ADF Studio.',
  );
}
