// The batch endpoint pipeline: options, generator and the output formats.
export * from './model';
export * from './names';
export * from './auth-kinds';
export * from './options';
export { MAX_ACTIVITY_DURATION_MS, parseTimespan, formatTimespan } from './durations';
export { generateBatchPipeline, defaultOutputFolder, jobBodyTemplate } from './generator';
export { toGitJson, gitJsonPath } from './outputs/git-json';
export { toArmTemplate, toArmTemplateJson, armPipelineResource, ARM_DEPLOYMENT_SCHEMA } from './outputs/arm-template';
export type { ArmTemplate, ArmTemplateOptions, ArmParameter, ArmPipelineResource } from './outputs/arm-template';
export { escapeArmStrings } from './outputs/arm-escape';
export { toTemplateFiles, toTemplateZip, templateZipFileName } from './outputs/template-zip';
export type { TemplateFiles, TemplateManifest, PipelineTemplate } from './outputs/template-zip';
export { toCreateOrUpdateBody } from './outputs/sdk-body';
export { EXPORT_FORMATS, exportFileName, exportFiles } from './outputs/export-files';
export type { ExportFile, ExportFormat } from './outputs/export-files';
