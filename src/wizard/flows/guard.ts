// Turns a failure of Azure work into the wizard's error banner: what happened and what to do (core/publish's
// advice), and whether the factory it used is gone (the coordinator then reloads the factories).
import { adviseAzureError, type AdviceContext } from '../../core/publish';
import { STEP_TITLES, type ErrorView } from '../protocol';
import type { WizardLog } from '../services';
import type { GuardedWork } from './context';

export interface GuardFailure {
  error: ErrorView;
  /** A 404 on work about a factory: the factory was deleted or moved. */
  factoryGone: boolean;
}

export async function runGuarded(
  work: GuardedWork,
  workspaceId: string,
  log: WizardLog,
): Promise<GuardFailure | undefined> {
  try {
    await work.run(work.signal);
    return undefined;
  } catch (error) {
    if (work.signal?.aborted) {
      log.info(`${STEP_TITLES[work.step]}: cancelled.`);
      return undefined;
    }
    const context: AdviceContext = {
      operation: work.operation,
      workspaceId,
      ...(work.factoryName ? { factoryName: work.factoryName } : {}),
      ...(work.principalId ? { principalId: work.principalId } : {}),
    };
    const advice = adviseAzureError(error, context);
    log.error(`${STEP_TITLES[work.step]}: ${advice.title}: ${advice.message}`);
    return {
      error: {
        step: work.step,
        title: advice.title,
        message: advice.message,
        action: advice.action,
        ...(advice.statusCode ? { statusCode: advice.statusCode } : {}),
        canRetry: advice.retryable,
        canSignIn: advice.signIn,
      },
      factoryGone: advice.statusCode === 404 && work.factoryName !== undefined && work.operation !== 'loadFactories',
    };
  }
}
