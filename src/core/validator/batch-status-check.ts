import * as l10n from '@vscode/l10n';
import { arrayItems, propertyValue, stringValue } from '../json';
import type { ValidationContext } from './context';
import type { ActivityInfo } from './pipeline-model';

/** Dependency conditions under which a follower runs when the status check failed. */
const RUNS_ON_FAILURE = new Set(['failed', 'completed']);

/**
 * ADF708: a status check (a GET Web activity directly in the polling loop) that nothing follows on its Failed
 * path. "If an inner activity fails, the Until activity doesn't stop" (ADF docs, Until activity), so a check
 * that keeps failing (401/403 without the role, 404 from a wrong URI) is retried until the loop's timeout and
 * the run reports a timeout instead of the HTTP error. The documented template's loop has this gap.
 */
export function checkStatusFailurePath(context: ValidationContext, loop: ActivityInfo): void {
  const body = loop.pipeline.activities.filter((a) => a.container === loop);
  for (const check of body) {
    if (
      check.typeLower !== 'webactivity' ||
      !/^get$/i.test(stringValue(propertyValue(check.typeProperties, 'method')) ?? '')
    )
      continue;
    const name = check.name?.toLowerCase();
    if (name === undefined) continue;
    const handled = body.some((follower) =>
      follower.dependsOn.some(
        (d) =>
          d.target?.toLowerCase() === name &&
          arrayItems(d.conditionsNode).some((c) => RUNS_ON_FAILURE.has(stringValue(c)?.toLowerCase() ?? '')),
      ),
    );
    if (handled) continue;
    context.report(
      'ADF708',
      context.activityRange(check),
      l10n.t(
        '"{0}" has no failure path: when it fails (401/403 without the role, 404 from a wrong URI), the loop "{1}" keeps polling until its timeout (an inner failure does not stop an Until), and the run reports a timeout instead of the HTTP error. Add an activity on its Failed path that ends the loop (e.g. sets the status variable to \'StatusCheckFailed\'), and fail the run with the error after the loop.',
        String(check.name),
        String(loop.name),
      ),
    );
  }
}
