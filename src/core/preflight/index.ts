// Prerequisite checks of the Create ADF Pipeline wizard: pure functions over facts read from Azure elsewhere.
export * from './types';
export * from './endpoint';
export * from './roles';
export * from './identity';
export * from './key-vault';
export * from './datastores';
export * from './git-mode';
