// api-versions each provider accepts: the ones the official SDKs send plus a few other real ones.
export const API_VERSIONS = {
  /** Microsoft.Resources: subscriptions, tenants (@azure/arm-resources-subscriptions sends 2022-12-01). */
  subscriptions: ['2022-12-01', '2021-01-01', '2020-01-01', '2019-11-01', '2016-06-01'],
  resourceGroups: ['2021-04-01', '2022-09-01', '2020-06-01', '2019-10-01'],
  /** @azure/arm-machinelearning 2.1.1 sends 2022-10-01. */
  machineLearning: ['2022-10-01', '2023-04-01', '2023-10-01', '2024-04-01', '2024-10-01'],
  /** The workspace service's batch job list (`az ml batch-endpoint list-jobs`, azure-ai-ml's BatchJobEndpointOperations.list). */
  batchJobList: ['2020-09-01-dataplanepreview'],
  /** @azure/arm-datafactory 12.0.0 sends 2018-06-01, the only version. */
  dataFactory: ['2018-06-01'],
  /** @azure/arm-authorization 9.0.0 sends 2022-04-01 for role definitions and assignments. */
  authorization: [
    '2022-04-01',
    '2022-05-01-preview',
    '2020-04-01-preview',
    '2018-09-01-preview',
    '2018-01-01-preview',
    '2015-07-01',
  ],
  managedIdentity: ['2023-01-31', '2018-11-30', '2023-07-31-preview', '2024-11-30'],
} as const;
