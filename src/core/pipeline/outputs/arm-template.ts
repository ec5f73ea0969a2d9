// An ARM template deploying the pipeline into a factory given as the `factoryName` parameter.
import { PipelineDocument, PipelineProperties } from '../model';
import { armStringLiteral, escapeArmStrings } from './arm-escape';

export interface ArmTemplateOptions {
  /** Default value of the factoryName parameter. */
  factoryName?: string;
}

export interface ArmParameter {
  type: string;
  metadata?: string;
  defaultValue?: string;
}

export interface ArmPipelineResource {
  name: string;
  type: 'Microsoft.DataFactory/factories/pipelines';
  apiVersion: '2018-06-01';
  properties: PipelineProperties;
  dependsOn: string[];
}

export interface ArmTemplate {
  $schema: string;
  contentVersion: string;
  parameters: Record<string, ArmParameter>;
  variables: Record<string, string>;
  resources: ArmPipelineResource[];
}

/** The schema URL ADF Studio's ARM export and the template gallery use. */
export const ARM_DEPLOYMENT_SCHEMA = 'http://schema.management.azure.com/schemas/2015-01-01/deploymentTemplate.json#';

export function toArmTemplate(pipeline: PipelineDocument, options: ArmTemplateOptions = {}): ArmTemplate {
  return {
    $schema: ARM_DEPLOYMENT_SCHEMA,
    contentVersion: '1.0.0.0',
    parameters: {
      factoryName: {
        type: 'string',
        metadata: 'Data Factory name',
        ...(options.factoryName !== undefined ? { defaultValue: options.factoryName } : {}),
      },
    },
    variables: { factoryId: "[concat('Microsoft.DataFactory/factories/', parameters('factoryName'))]" },
    resources: [armPipelineResource(pipeline)],
  };
}

export function armPipelineResource(pipeline: PipelineDocument): ArmPipelineResource {
  return {
    name: `[concat(parameters('factoryName'), ${armStringLiteral(`/${pipeline.name}`)})]`,
    type: 'Microsoft.DataFactory/factories/pipelines',
    apiVersion: '2018-06-01',
    properties: escapeArmStrings(pipeline.properties),
    dependsOn: [],
  };
}

export function toArmTemplateJson(pipeline: PipelineDocument, options: ArmTemplateOptions = {}): string {
  return JSON.stringify(toArmTemplate(pipeline, options), null, 4);
}
