// The extension host's side of the scan worker (dist/scan-worker.js): started at the first request, stopped after a
// minute without work. Its heap is capped, so a pathological file costs the scan, never the extension host.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CandidateListing } from './list-candidates';
import type { ScanFileRequest, ScanFileResult, ScanWorkerData, ScanWorkerReply, ScanWorkerRequest } from './protocol';

const IDLE_MS = 60_000;
/** The worker's JavaScript heap limit. */
const WORKER_HEAP_MB = 512;

type Answer = Exclude<ScanWorkerReply, { error: string }>;

interface Pending {
  resolve(reply: Answer): void;
  reject(error: Error): void;
}

export class ScanWorkerClient {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer?: ReturnType<typeof setTimeout>;
  private readonly script: string;

  /** `l10nBundle`: VS Code's l10n bundle for the display language (undefined in English). */
  constructor(
    extensionPath: string,
    private readonly l10nBundle?: Readonly<Record<string, string>>,
  ) {
    this.script = join(extensionPath, 'dist', 'scan-worker.js');
  }

  /** Reads, classifies and validates `files` in the worker; results come in the same order. */
  async validate(files: readonly ScanFileRequest[]): Promise<readonly ScanFileResult[]> {
    if (files.length === 0) return [];
    const reply = await this.request((id) => ({ id, files }));
    return 'results' in reply ? reply.results : [];
  }

  /** The candidate files under local folders (`fsPath`s), listed in the worker. */
  async listFiles(roots: readonly string[], maxFiles: number): Promise<CandidateListing> {
    const reply = await this.request((id) => ({ id, list: { roots, maxFiles } }));
    return 'paths' in reply ? { paths: reply.paths, truncated: reply.truncated } : { paths: [], truncated: false };
  }

  private request(make: (id: number) => ScanWorkerRequest): Promise<Answer> {
    const worker = this.start();
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(make(id));
    });
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    this.fail(new Error('the workspace scan stopped'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const workerData: ScanWorkerData = { l10nBundle: this.l10nBundle };
    const worker = new Worker(this.script, { workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on('message', (reply: ScanWorkerReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(new Error(reply.error));
      else waiting?.resolve(reply);
      if (this.pending.size === 0) this.idleTimer = setTimeout(() => this.stop(worker), IDLE_MS);
    });
    worker.on('error', (error) => {
      this.fail(error);
      if (this.worker === worker) this.worker = undefined;
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return; // stopped on purpose, or its error was reported
      this.worker = undefined;
      this.fail(new Error(`the scan worker exited (code ${code})`));
    });
    // An idle worker must not keep the extension host alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private stop(worker: Worker): void {
    if (this.worker !== worker || this.pending.size > 0) return;
    this.worker = undefined;
    void worker.terminate();
  }

  private fail(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
