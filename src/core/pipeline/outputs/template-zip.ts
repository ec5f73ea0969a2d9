// A zip for ADF Studio's "Import from pipeline template", laid out like the template zips ADF Studio exports (as
// in Azure/Azure-DataFactory): a folder named after the template holding `<name>.json` (an ARM-like template
// with the factoryName parameter and the pipeline) and `manifest.json`
// (name, description, image, icons, requires.linkedservices, ...). Key Vault linked services become template
// parameters listed under `requires.linkedservices`, so the import pane asks the user to pick one.
import { strToU8, zipSync } from 'fflate';
import { Activity, JsonValue, PipelineDocument } from '../model';
import { armPipelineResource, ARM_DEPLOYMENT_SCHEMA, ArmParameter, ArmPipelineResource } from './arm-template';

export interface TemplateManifest {
  name: string;
  description: string;
  image: string;
  icons: string[];
  requires: { linkedservices: Record<string, { supportTypes: string[] }> };
  documentation: string;
  author: string;
  annotations: string[];
  services: string[];
  categories: string[];
}

export interface PipelineTemplate {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, ArmParameter>;
  variables: Record<string, string>;
  resources: ArmPipelineResource[];
}

export interface TemplateFiles {
  /** `<pipeline name>.json` */
  templateFileName: string;
  template: PipelineTemplate;
  manifest: TemplateManifest;
}

const DOCUMENTATION = 'https://learn.microsoft.com/azure/machine-learning/how-to-use-batch-azure-data-factory';
// A fixed time stamp keeps the zip bytes identical for identical pipelines.
const FIXED_MTIME = new Date('2024-01-01T00:00:00Z');

export function toTemplateFiles(pipeline: PipelineDocument): TemplateFiles {
  const resource = armPipelineResource(pipeline);
  const linkedServices = parameterizeKeyVaultReferences(resource.properties as unknown as JsonValue);
  const parameters: Record<string, ArmParameter> = { factoryName: { type: 'string', metadata: 'Data Factory name' } };
  for (const parameter of Object.keys(linkedServices)) parameters[parameter] = { type: 'string' };
  return {
    templateFileName: `${pipeline.name}.json`,
    template: {
      $schema: ARM_DEPLOYMENT_SCHEMA,
      contentVersion: '1.0.0.0',
      parameters,
      variables: { factoryId: "[concat('Microsoft.DataFactory/factories/', parameters('factoryName'))]" },
      resources: [resource],
    },
    manifest: {
      name: pipeline.name,
      description: pipeline.properties.description ?? '',
      image: flowImage(pipeline.properties.activities),
      icons: activityTypes(pipeline.properties.activities),
      requires: { linkedservices: linkedServices },
      documentation: DOCUMENTATION,
      author: 'adf-batch-endpoints',
      annotations: ['Azure Machine Learning', 'batch endpoint'],
      services: ['Azure Machine Learning'],
      categories: [],
    },
  };
}

/** The zip bytes: `<name>/<name>.json` and `<name>/manifest.json` (ADF's exported layout), 4-space JSON. */
export function toTemplateZip(pipeline: PipelineDocument): Uint8Array {
  const files = toTemplateFiles(pipeline);
  const folder = `${pipeline.name}/`;
  return zipSync(
    {
      [folder + files.templateFileName]: strToU8(JSON.stringify(files.template, null, 4)),
      [`${folder}manifest.json`]: strToU8(JSON.stringify(files.manifest, null, 4)),
    },
    { level: 6, mtime: FIXED_MTIME },
  );
}

/** The file name ADF's own templates use: `<pipeline name>.zip`. */
export function templateZipFileName(pipeline: PipelineDocument): string {
  return `${pipeline.name}.zip`;
}

/**
 * Replaces the linked service of every `AzureKeyVaultSecret` with `[parameters('<param>')]` (in place) and
 * returns the `requires.linkedservices` entries. Runs after ARM escaping, so the parameter stays an expression.
 */
function parameterizeKeyVaultReferences(root: JsonValue): Record<string, { supportTypes: string[] }> {
  const required: Record<string, { supportTypes: string[] }> = {};
  const byName = new Map<string, string>();
  const visit = (value: JsonValue | undefined): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const store = value['store'];
    if (value['type'] === 'AzureKeyVaultSecret' && isReference(store)) {
      const original = String(store['referenceName']).replace(/^\[\[/, '[');
      let parameter = byName.get(original);
      if (parameter === undefined) {
        parameter = uniqueParameterName(original, required);
        byName.set(original, parameter);
        required[parameter] = { supportTypes: ['AzureKeyVault'] };
      }
      store['referenceName'] = `[parameters('${parameter}')]`;
    }
    Object.values(value).forEach(visit);
  };
  visit(root);
  return required;
}

function isReference(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    value['type'] === 'LinkedServiceReference' &&
    typeof value['referenceName'] === 'string'
  );
}

function uniqueParameterName(linkedService: string, taken: Record<string, unknown>): string {
  let base = linkedService.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z]/.test(base)) base = `LS_${base}`;
  let name = base;
  for (let i = 2; name === 'factoryName' || name in taken; i++) name = `${base}_${i}`;
  return name;
}

function activityTypes(activities: readonly Activity[]): string[] {
  const types = new Set<string>();
  const visit = (list: readonly Activity[]): void => {
    for (const activity of list) {
      types.add(activity.type);
      for (const key of ['activities', 'ifTrueActivities', 'ifFalseActivities']) {
        const nested = activity.typeProperties[key];
        if (Array.isArray(nested)) visit(nested as unknown as Activity[]);
      }
    }
  };
  visit(activities);
  return [...types];
}

/** A 400x240 SVG of the top-level activities left to right, like the gallery's preview images. */
function flowImage(activities: readonly Activity[]): string {
  const gap = 16;
  const width = Math.min(150, (400 - 20 - gap * (activities.length - 1)) / Math.max(1, activities.length));
  const boxes = activities.map((activity, i) => {
    const x = 10 + i * (width + gap);
    const arrow = i > 0 ? `<path d="M ${x - gap} 120 L ${x} 120" stroke="#488E50" stroke-width="1.5"/>` : '';
    return (
      `${arrow}<g transform="translate(${x.toFixed(1)}, 90)"><rect width="${width.toFixed(1)}" height="60" fill="#F4F4F4" stroke="#C8C8C8"/>` +
      `<rect width="${width.toFixed(1)}" height="20" fill="#DCDCDC"/>` +
      `<text x="5" y="14" style="font: 11px Segoe UI" fill="#515151">${xml(activity.type)}</text>` +
      `<text x="5" y="42" style="font: 12px Segoe UI" fill="black">${xml(fit(activity.name, width))}</text></g>`
    );
  });
  return `<svg width="400px" height="240px" viewBox="0 0 400 240" xmlns="http://www.w3.org/2000/svg">${boxes.join('')}</svg>`;
}

/** Shortens a label to the box (about 6.5 px per character at 12 px). */
function fit(text: string, width: number): string {
  const max = Math.floor((width - 10) / 6.5);
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
