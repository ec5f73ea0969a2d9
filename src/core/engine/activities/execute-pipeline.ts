// ExecutePipeline: starts a run of another pipeline (found through the engine's PipelineResolver). With
// waitOnCompletion (the REST default is false) it waits and fails when the child run fails.
import type { ActivityHandler } from '../activity-context';
import { limitExceeded } from '../budgets';
import { abortError } from '../clock';
import { ActivityFailure, ErrorCodes } from '../errors';
import { RunInputError } from '../parameters';
import { requireProperty, typeProperties } from './values';

export const executePipelineActivity: ActivityHandler = async (context) => {
  const reference = requireProperty(context, 'pipeline') as { referenceName?: unknown };
  const childName = reference?.referenceName;
  if (typeof childName !== 'string' || !childName) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}': typeProperties.pipeline.referenceName is missing.`,
      ErrorCodes.badActivity,
    );
  }
  const properties = typeProperties(context);
  const parameters = (context.evaluate(properties.parameters ?? {}, 'parameters') ?? {}) as Record<string, unknown>;
  const waitOnCompletion = properties.waitOnCompletion === true;
  context.setInput({ pipeline: { referenceName: childName, type: 'PipelineReference' }, parameters, waitOnCompletion });

  const { services, lineage } = context.run;
  // A pipeline that (directly or through others) executes itself would never end; ADF refuses such references.
  if (lineage.some((name) => name.toLowerCase() === childName.toLowerCase())) {
    throw new ActivityFailure(
      `Activity '${context.activity.name}': pipeline '${childName}' is already running in this chain (${[...lineage, childName].join(' -> ')}); a pipeline cannot execute itself.`,
      ErrorCodes.badActivity,
    );
  }
  if (lineage.length >= services.budgets.executePipelineDepth) {
    throw limitExceeded(
      `Activity '${context.activity.name}': executing '${childName}' would nest ${lineage.length + 1} pipelines (${lineage.join(' -> ')} -> ${childName}), more than the engine's limit of ${services.budgets.executePipelineDepth}.`,
    );
  }
  const child = await services.pipelines.getPipeline(childName);
  if (!child)
    throw new ActivityFailure(
      `Activity '${context.activity.name}': pipeline '${childName}' was not found.`,
      ErrorCodes.badActivity,
    );
  let started;
  try {
    started = services.startChildRun({
      pipeline: child,
      parameters,
      invokedBy: {
        name: context.activity.name,
        id: context.activityRunId,
        invokedByType: 'PipelineActivity',
        pipelineName: context.run.pipeline.name,
        pipelineRunId: context.run.runId,
      },
      ...(waitOnCompletion ? { signal: context.signal } : {}),
    });
  } catch (error) {
    if (error instanceof RunInputError)
      throw new ActivityFailure(`Activity '${context.activity.name}': ${error.message}`, ErrorCodes.badActivity);
    throw error;
  }
  const output: Record<string, unknown> = { pipelineName: child.name, pipelineRunId: started.runId };
  if (!waitOnCompletion) return output;

  const ended = await started.completion;
  if (context.signal.aborted) throw abortError(context.signal);
  const returnValue = started.returnValue();
  if (returnValue !== undefined) output.pipelineReturnValue = returnValue;
  if (ended.status === 'Succeeded') return output;
  const message =
    ended.status === 'Cancelled' ? `The child pipeline run ${started.runId} was cancelled.` : ended.message;
  throw new ActivityFailure(message, ErrorCodes.childPipelineFailed, 'UserError', output);
};
