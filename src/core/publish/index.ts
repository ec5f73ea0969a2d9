// Publishing and running the generated pipeline: pure logic over small store interfaces. The SDK-backed stores
// are in azure-operations.ts, which the extension imports lazily (it loads the Azure SDK).
export * from './factory-ref';
export * from './raw-arm';
export * from './remote-pipeline';
export * from './publish-pipeline';
export * from './pipeline-diff';
export * from './role-grant';
export * from './run-snapshot';
export * from './runs';
export * from './links';
export * from './factory-reads';
export * from './error-advice';
