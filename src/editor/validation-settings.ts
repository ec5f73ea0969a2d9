// The `adfBatchEndpoints.validation.*` settings of a file (resource-scoped), read fresh each time (VS Code caches
// configuration itself).
import * as vscode from 'vscode';
import { DEFAULT_LIMITS, type ValidateOptions } from '../core/validator';

import { VALIDATION_SECTION } from './workspace-shape';

export { VALIDATION_SECTION };

export interface ValidationSettings {
  readonly enabled: boolean;
  /** Extra glob patterns of files to validate as pipelines. */
  readonly include: readonly string[];
  /** Activities per pipeline, nested ones included. */
  readonly activityLimit: number;
}

/** `scope`: the file, or null for the settings that apply where no folder overrides them. */
export function readValidationSettings(scope: vscode.Uri | null): ValidationSettings {
  const config = vscode.workspace.getConfiguration(VALIDATION_SECTION, scope);
  const include = config.get<unknown>('include');
  const limit = config.get<unknown>('activityLimit');
  return {
    enabled: config.get<boolean>('enabled') !== false,
    include: Array.isArray(include) ? include.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [],
    activityLimit:
      typeof limit === 'number' && Number.isFinite(limit) && limit >= 1
        ? Math.floor(limit)
        : DEFAULT_LIMITS.maxActivities,
  };
}

/** Validator options from the settings. */
export function validateOptions(settings: ValidationSettings): ValidateOptions {
  return { maxActivities: settings.activityLimit };
}
