// Azure resources as the sidebar and the wizard see them, as pure logic: clouds and scopes, resource models and
// ids, paging and paged lists, the resource loader, subscription filters, errors and browser links. The SDK
// clients that feed them live in src/azure.
export * from './cloud';
export * from './errors';
export * from './limiter';
export * from './links';
export * from './models';
export * from './paged-list';
export * from './paging';
export * from './resource-id';
export * from './resource-loader';
export * from './sovereign-cloud';
export * from './subscription-filter';
export * from './subscription-listing';
export * from './subscriptions';
export * from './token-expiry';
