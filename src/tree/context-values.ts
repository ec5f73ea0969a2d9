// contextValue of each node kind, for `when` clauses on `viewItem` in package.json. These strings are a
// contract with other features' menus (e.g. the wizard's "Create ADF Pipeline..." on endpoints): keep them
// stable, only add new ones.
//
//   adfBatch.subscription        a subscription
//   adfBatch.workspace           an Azure ML workspace
//   adfBatch.endpoint            a batch endpoint with a default deployment
//   adfBatch.endpoint.noDefault  a batch endpoint without a default deployment (match both with
//                                `viewItem =~ /^adfBatch\.endpoint/`)
//   adfBatch.deployment          a batch deployment
//   adfBatch.deployment.default  the endpoint's default deployment (`viewItem =~ /^adfBatch\.deployment/`)
//   adfBatch.loadMore            "Load more..." at the end of a long list
//   adfBatch.error               a failed load, with a Retry action
//   adfBatch.empty               an empty list, saying what to do
//   adfBatch.message             other informational rows ("Loading...", settings problems)
//   adfBatch.factories           "Data factories" under a subscription
//   adfBatch.factory             a data factory
//   adfBatch.pipelineGroup       "Batch endpoint pipelines" / "Other pipelines" under a factory
//   adfBatch.pipeline            a factory pipeline that calls no batch endpoint
//   adfBatch.pipeline.batch      a factory pipeline that calls a batch endpoint (`viewItem =~ /^adfBatch\.pipeline\b/`)
//   adfBatch.pipelineRun         a pipeline run (`.failed` when it failed: Rerun from Failed Activity)
//   adfBatch.activityRun         an activity run
//   adfBatch.usedBy              "Used by" under a batch endpoint
//   adfBatch.recentJobs          "Recent jobs" under a batch endpoint
//   adfBatch.batchJob            a batch endpoint job

export const CONTEXT = {
  subscription: 'adfBatch.subscription',
  workspace: 'adfBatch.workspace',
  endpoint: 'adfBatch.endpoint',
  endpointNoDefault: 'adfBatch.endpoint.noDefault',
  deployment: 'adfBatch.deployment',
  deploymentDefault: 'adfBatch.deployment.default',
  loadMore: 'adfBatch.loadMore',
  error: 'adfBatch.error',
  empty: 'adfBatch.empty',
  message: 'adfBatch.message',
  factories: 'adfBatch.factories',
  factory: 'adfBatch.factory',
  pipelineGroup: 'adfBatch.pipelineGroup',
  pipeline: 'adfBatch.pipeline',
  pipelineBatch: 'adfBatch.pipeline.batch',
  pipelineRun: 'adfBatch.pipelineRun',
  pipelineRunFailed: 'adfBatch.pipelineRun.failed',
  activityRun: 'adfBatch.activityRun',
  usedBy: 'adfBatch.usedBy',
  recentJobs: 'adfBatch.recentJobs',
  batchJob: 'adfBatch.batchJob',
} as const;
