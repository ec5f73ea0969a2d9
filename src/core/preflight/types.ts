// What a prerequisite check reports: a status, what it found, and what to do about it.

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info';

export interface PreflightCheck {
  /** Stable id, e.g. `endpoint.defaultDeployment`, so the wizard and tests can find a check. */
  readonly id: string;
  readonly status: CheckStatus;
  /** One line: what was checked. */
  readonly title: string;
  /** What was found, in a sentence or two. */
  readonly message: string;
  /** What the user can do about it (for fail and warn). */
  readonly action?: string;
  /** True when the wizard must not go on (or publish) until it is fixed. */
  readonly blocking: boolean;
}

export function pass(id: string, title: string, message: string): PreflightCheck {
  return { id, status: 'pass', title, message, blocking: false };
}

export function info(id: string, title: string, message: string, action?: string): PreflightCheck {
  return { id, status: 'info', title, message, ...(action ? { action } : {}), blocking: false };
}

export function warn(id: string, title: string, message: string, action?: string): PreflightCheck {
  return { id, status: 'warn', title, message, ...(action ? { action } : {}), blocking: false };
}

export function fail(id: string, title: string, message: string, action: string): PreflightCheck {
  return { id, status: 'fail', title, message, action, blocking: true };
}

/** True when any check blocks. */
export function isBlocked(checks: readonly PreflightCheck[]): boolean {
  return checks.some((c) => c.blocking);
}
