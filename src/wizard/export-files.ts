// The files an export writes for a pipeline, one per chosen format.
import { join } from 'node:path';
import { toArmTemplateJson, toGitJson, toTemplateZip, type PipelineDocument } from '../core/pipeline';
import type { ExportFormat } from './protocol';

export function exportFileName(pipelineName: string, format: ExportFormat): string {
  return format === 'git' ? `${pipelineName}.json` : format === 'arm' ? `${pipelineName}.arm-template.json` : `${pipelineName}.zip`;
}

export function exportFiles(document: PipelineDocument, folder: string, formats: readonly ExportFormat[]): Array<{ path: string; content: Uint8Array }> {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(`${text}\n`);
  return formats.map((format) => ({
    path: join(folder, exportFileName(document.name, format)),
    content: format === 'git' ? encode(toGitJson(document)) : format === 'arm' ? encode(toArmTemplateJson(document)) : toTemplateZip(document),
  }));
}
