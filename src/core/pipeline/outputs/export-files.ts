// The files a generated pipeline is exported as, with their one set of names: used by the wizard's export
// target and by `adf-batch generate`.
import type { PipelineDocument } from '../model';
import { toArmTemplateJson, type ArmTemplateOptions } from './arm-template';
import { toGitJson } from './git-json';
import { toTemplateZip } from './template-zip';

export const EXPORT_FORMATS = ['git', 'arm', 'zip'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFile {
  format: ExportFormat;
  /** `<pipeline>.json`, `<pipeline>.arm-template.json` or `<pipeline>.zip`. */
  fileName: string;
  /** The JSON text of the git and ARM formats (no trailing newline); undefined for the zip. */
  text?: string;
  /** What to write to disk: the text with a final newline, or the zip. */
  content: Uint8Array;
}

/** The file name of a pipeline exported in a format. */
export function exportFileName(pipelineName: string, format: ExportFormat): string {
  return format === 'git'
    ? `${pipelineName}.json`
    : format === 'arm'
      ? `${pipelineName}.arm-template.json`
      : `${pipelineName}.zip`;
}

/** The pipeline in each format, in the order given. */
export function exportFiles(
  document: PipelineDocument,
  formats: readonly ExportFormat[],
  options: ArmTemplateOptions = {},
): ExportFile[] {
  return formats.map((format) => {
    const fileName = exportFileName(document.name, format);
    if (format === 'zip') return { format, fileName, content: toTemplateZip(document) };
    const text = format === 'git' ? toGitJson(document) : toArmTemplateJson(document, options);
    return { format, fileName, text, content: new TextEncoder().encode(`${text}\n`) };
  });
}
