// The Data step: where the endpoint's input comes from and where its output goes, and how often the pipeline polls.
import * as l10n from '@vscode/l10n';
import { html, type TemplateResult } from 'lit';
import type { StepContext } from './steps';
import { checkList, choiceOptions, numberField, radioGroup, selectField, textField } from './ui';

export function dataStep(ctx: StepContext): TemplateResult {
  const { state, bind } = ctx;
  const f = bind.form;
  const loading = l10n.t('Loading...');
  return html`
    <h3>${l10n.t('Input')}</h3>
    ${radioGroup(
      'inputMode',
      l10n.t('The input is'),
      f.inputMode,
      [
        { value: 'datastore', label: l10n.t('A path on a datastore of the workspace') },
        { value: 'uri', label: l10n.t('A storage URI (Blob or ADLS Gen2)') },
      ],
      (value) => bind.set('inputMode', value),
    )}
    ${
      f.inputMode === 'datastore'
        ? html`
      ${selectField(bind, 'inputDatastore', l10n.t('Input datastore'), choiceOptions(state.data.inputDatastores, state.data.datastoresLoaded ? l10n.t('Choose a datastore') : loading))}
      ${textField(bind, 'inputPath', l10n.t('Path in the datastore'), { placeholder: 'data/scoring/', help: l10n.t('A folder (ending with /) or a file. Nested folders are not explored.') })}`
        : textField(bind, 'inputUri', l10n.t('Input URI'), {
            placeholder: 'https://<account>.blob.core.windows.net/<container>/<path>',
            wide: true,
          })
    }
    ${selectField(bind, 'inputType', l10n.t('Input type'), [
      { value: 'UriFolder', label: l10n.t('UriFolder (every file of a folder)') },
      { value: 'UriFile', label: l10n.t('UriFile (one file)') },
    ])}
    <p class="preview">${l10n.t('Input sent to the endpoint:')} <span class="mono">${state.data.inputPreview || '—'}</span></p>
    <h3>${l10n.t('Output')}</h3>
    ${selectField(bind, 'outputDatastore', l10n.t('Output datastore (Azure Blob only)'), choiceOptions(state.data.outputDatastores, state.data.datastoresLoaded ? l10n.t('Choose a Blob datastore') : loading), l10n.t('Batch endpoints write outputs to Azure Blob datastores only; others are listed as not available, with the reason.'))}
    ${radioGroup(
      'outputMode',
      l10n.t('Output path'),
      f.outputMode,
      [
        {
          value: 'perRun',
          label: l10n.t('A new file per run (recommended)'),
          explanation: l10n.t(
            'Each run writes <folder>/<run id>/predictions.csv, so reruns never fail with "the path already exists".',
          ),
        },
        {
          value: 'fixed',
          label: l10n.t('One fixed file'),
          explanation: l10n.t('Every rerun fails once the file exists, unless the output is changed.'),
        },
      ],
      (value) => bind.set('outputMode', value),
    )}
    ${textField(bind, 'outputPath', f.outputMode === 'perRun' ? l10n.t('Output folder in the datastore') : l10n.t('Output file in the datastore'))}
    <p class="preview">${l10n.t('Output:')} <span class="mono">${state.data.outputPreview || '—'}</span></p>
    <h3>${l10n.t('Polling')}</h3>
    ${numberField(bind, 'pollIntervalSeconds', l10n.t('Poll interval (seconds)'), ctx.rawPollInterval, (t) => ctx.setRawPollInterval(t), l10n.t('Time between two reads of the job status (the poll_interval parameter).'))}
    ${textField(bind, 'loopTimeout', l10n.t('Timeout of the wait loop'), { help: l10n.t('d.hh:mm:ss, at most 7 days. When it passes, the run fails.') })}
    ${checkList(state.checks.data)}`;
}
