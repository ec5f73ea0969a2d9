// Publishing and running the generated pipeline: pure logic over small store interfaces. The SDK-backed stores
// are in src/azure/sdk/wizard-azure.ts (part of the lazily loaded Azure SDK bundle).
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
