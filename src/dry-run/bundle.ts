// Entry of dist/dry-run.js: the Dry Run engine, its run view and prompts, loaded by register.ts at first use.
export { dryRunPipeline } from './dry-run';
