// Where the wizard may write: a folder the extension's picker returned, or one inside a workspace folder; absolute
// paths only; a bad pipeline name is reported before any folder problem.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFolderProblem, writeTargetProblem } from '../../../src/wizard/write-folder';

const workspace = join('/', 'work', 'repo');
const picked = join('/', 'elsewhere', 'exports');
const scope = { picked: new Set([picked]), workspaceFolders: [workspace] };

describe('wizard write folder rules', () => {
  it('accepts a picked folder and folders inside a workspace folder', () => {
    assert.equal(writeFolderProblem(picked, scope), undefined);
    assert.equal(writeFolderProblem(workspace, scope), undefined);
    assert.equal(writeFolderProblem(join(workspace, 'out', 'adf'), scope), undefined);
  });

  it('refuses relative paths, folders outside, escapes through .. and control characters', () => {
    assert.match(writeFolderProblem('exports', scope) ?? '', /not an absolute path/);
    assert.match(writeFolderProblem(join('/', 'etc'), scope) ?? '', /neither/);
    assert.match(writeFolderProblem(`${workspace}/../other`, scope) ?? '', /neither/);
    assert.match(writeFolderProblem(`${workspace}-evil`, scope) ?? '', /neither/);
    assert.match(writeFolderProblem(join(picked, 'sub'), scope) ?? '', /neither/, 'only the picked folder itself');
    assert.match(writeFolderProblem(`${workspace}/a\nb`, scope) ?? '', /control characters/);
    assert.match(writeFolderProblem('  ', scope) ?? '', /Choose a folder/);
  });

  it('reports a bad pipeline name before the folder problem', () => {
    const problem = writeTargetProblem('../../etc/x', 'relative', scope);
    assert.equal(problem?.field, 'pipelineName');
    assert.equal(writeTargetProblem('Run-score', 'relative', scope)?.field, 'folder');
    assert.equal(writeTargetProblem('Run-score', picked, scope), undefined);
  });
});
