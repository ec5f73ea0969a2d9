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
} as const;
