// Entry of dist/scan-worker.js, a worker thread started by scan-worker-client.ts: lists the files of the workspace
// scan, then reads, classifies and validates them one at a time (so memory holds one file's text and tree), off the
// extension host's thread. Requests are answered in the order they came, so a later read of a file is never
// published first.
import { readFile, stat } from 'node:fs/promises';
import * as l10n from '@vscode/l10n';
import { parentPort, workerData } from 'node:worker_threads';
import { classifyPipelineFile } from '../../core/editor-support';
import { ExpressionMemo } from '../../core/expressions';
import { LineIndex, parsePipelineDocument, validate, type Problem } from '../../core/validator';
import { listCandidateFiles } from './list-candidates';
import {
  MAX_SCAN_FILE_BYTES,
  type ScanFileRequest,
  type ScanFileResult,
  type ScanProblem,
  type ScanRange,
  type ScanWorkerData,
  type ScanWorkerReply,
  type ScanWorkerRequest,
} from './protocol';

// The problems' messages come from src/core through this thread's own @vscode/l10n: it gets the host's bundle.
const l10nBundle = (workerData as ScanWorkerData | undefined)?.l10nBundle;
if (l10nBundle) l10n.config({ contents: { ...l10nBundle } });

let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: ScanWorkerRequest) => {
  queue = queue.then(async () => {
    let reply: ScanWorkerReply;
    try {
      if ('list' in request) {
        const { paths, truncated } = await listCandidateFiles(request.list.roots, request.list.maxFiles);
        reply = { id: request.id, paths, truncated };
      } else {
        const results: ScanFileResult[] = [];
        // The files of one request share many strings: their parsed expressions are kept for the request.
        const expressions = new ExpressionMemo();
        for (const file of request.files) results.push(await scanFile(file, expressions));
        reply = { id: request.id, results };
      }
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(reply);
  });
});

async function scanFile(file: ScanFileRequest, expressions: ExpressionMemo): Promise<ScanFileResult> {
  const text = file.text ?? (await readSmallFile(file.fsPath));
  if (text === undefined) return { key: file.key };
  if (classifyPipelineFile({ ...file, text: () => text }) === undefined) return { key: file.key };
  const problems = validate(parsePipelineDocument(text, { expressions }), file.options);
  return { key: file.key, problems: toScanProblems(text, problems) };
}

async function readSmallFile(path: string | undefined): Promise<string | undefined> {
  if (!path) return undefined;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_SCAN_FILE_BYTES) return undefined;
    const text = await readFile(path, 'utf8');
    // As VS Code's own decoding of a file: without its byte order mark.
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined; // gone or unreadable since it was listed
  }
}

function toScanProblems(text: string, problems: readonly Problem[]): ScanProblem[] {
  const index = new LineIndex(text);
  const range = (r: Problem['range']): ScanRange => {
    const start = index.positionAt(r.start);
    const end = index.positionAt(Math.max(r.start, r.end));
    return [start.line, start.character, end.line, end.character];
  };
  return problems.map((p) => ({
    range: range(p.range),
    severity: p.severity,
    code: p.code,
    message: p.message,
    related: p.related?.map((r) => ({ range: range(r.range), message: r.message })),
  }));
}
