export { formatText } from './text';
export { formatJson, toJsonProblems, type JsonProblem } from './json';
export { formatSarif, toSarif } from './sarif';
export type { FileResult } from './types';
export { formatGithub } from './github';
export { formatAzureDevOps } from './azure-devops';
