// A pool of lint workers (worker_threads) for batches — the CLI's files and the audit's articles:
// `--jobs N`, by default one per core less
// one when there are several files. The main thread is one of the N: it reads the files, keeps
// N - 1 workers supplied (each loads the rules once), lints a file itself whenever they all have
// enough to do, and takes the findings back in input order, so the output is the same as with
// --jobs 1. A worker costs ≈ 100-150 ms of CPU to start and then warms up its own compiled code:
// on 2 cores, where one lint thread already keeps ≈ 1.6 cores busy with V8's compiler and
// collector, a second thread added ≈ 0.5 s of CPU to a 200-article batch that takes 1.1 s alone.

import { availableParallelism } from 'node:os';
import type { MessagePort, Worker } from 'node:worker_threads';
import { RuleError, UsageError } from '../engine/errors.js';
import type { LintFinding } from '../index.js';
import type { RuleSetOptions } from '../config/rule-set.js';
import type { InputError, InputFormat } from '../io/formats/index.js';

/** What every text of a batch is linted with: the rules, chosen as the command line chooses them, and the options the texts share (the CLI's `Args` fit this). */
export interface BatchOptions extends RuleSetOptions {
  /** Lint threads; undefined: automatic (jobsFor). */
  jobs?: number;
  /** HTML: check the main article only (Readability). */
  htmlMain: boolean;
  /** The originals' language where the input does not say. */
  sourceLang?: string;
  /** TSV: the columns holding the original and the translation. */
  sourceColumn?: string;
  targetColumn?: string;
}

export interface TaskMessage {
  id: number;
  text: string;
  format: InputFormat;
  filename: string;
  inlineConfig: boolean;
}

export interface WorkerError {
  kind: 'rule' | 'usage' | 'other';
  name: string;
  message: string;
  stack?: string;
}

/** A text's findings, and the parts of it that could not be read (NDJSON lines that are not records). */
export interface LintOutcome {
  findings: LintFinding[];
  errors: InputError[];
}

export type ReplyMessage = ({ id: number; error?: undefined } & LintOutcome) | { id: number; error: WorkerError; findings?: undefined };

/** Defined (true) by scripts/bundle.mjs in the one-file CLI, dist/mtlint.cjs, whose own URL is dist/mtlint.cjs. */
declare const MTLINT_BUNDLE: boolean | undefined;
/** A worker runs worker-main.ts beside this module or, for the bundled CLI, bin/mtlint.cjs, which loads the bundle with its code cache. */
const WORKER = new URL(typeof MTLINT_BUNDLE === 'undefined' ? './worker-main.js' : '../bin/mtlint.cjs', import.meta.url);
/** In a worker's argv: bin/mtlint.cjs tells a worker by it without loading node:worker_threads in every run. */
export const WORKER_FLAG = '--mtlint-worker';
/** node:worker_threads, loaded when a pool starts workers (≈ 2 ms of start-up otherwise). */
const threads = () => process.getBuiltinModule('node:worker_threads');

/**
 * Tasks a worker is given ahead, so that it never waits for the main thread, which hands out
 * work only between its own texts: with 2, a worker sat idle for ≈ 20 % of a 200-article batch
 * (measured on a loaded machine, where the main thread is often descheduled); with 4, < 3 %.
 * More would leave the worker a longer queue to finish alone at the end.
 */
const AHEAD = 4;
/** Default --jobs: workers start after the main thread has linted this long. */
const LAZY_START_MS = 1000;

/**
 * How many threads `--jobs` (or its default) asks for, given the inputs. The default leaves one
 * core to V8's compiler and collector threads: one lint thread already keeps ≈ 1.4 cores busy,
 * and on 2 cores a second lint thread made 2,000 articles slower (2.0 → 2.4 s; docs/performance.md).
 */
export function jobsFor(args: Pick<BatchOptions, 'jobs'>, inputs: number, cores = availableParallelism()): number {
  if (args.jobs !== undefined) return args.jobs;
  return Math.max(1, Math.min(cores - 1, inputs));
}

interface Slot {
  worker: Worker;
  /** Replies come on this port: read without waiting (receiveMessageOnPort) while the main thread is busy. */
  replies: MessagePort;
  busy: number;
  /** The worker has loaded its rules: until then the main thread does the work. */
  ready: boolean;
}

/** Lints one text in the main thread. */
export type LocalLint = (text: string, format: InputFormat, filename: string, inlineConfig: boolean) => LintOutcome;

export class LintPool {
  readonly #slots: Slot[] = [];
  readonly #queue: TaskMessage[] = [];
  readonly #waiting = new Map<number, { resolve: (o: LintOutcome) => void; reject: (e: Error) => void; slot?: Slot }>();
  #next = 0;

  /** Lints in the main thread: given once this thread has loaded its rules (the workers may start before). */
  local: LocalLint | undefined;

  readonly #start: () => void;
  /** performance.now() when the first text came (lazy start), else undefined. */
  #firstAt: number | undefined;
  /** performance.now() when the first worker was ready (for MTLINT_TIMINGS). */
  firstReadyAt: number | undefined;

  /**
   * `jobs` threads in all: the main thread (through `local`) and jobs - 1 workers. With `lazy`,
   * the workers start only once the main thread has linted for LAZY_START_MS: a small batch is
   * done before a worker would be ready (≈ 350 ms to load on the 2-core machine).
   */
  constructor(jobs: number, args: BatchOptions, cwd: string, local?: LocalLint, lazy = false) {
    this.local = local;
    let started = false;
    this.#start = () => {
      if (started) return;
      started = true;
      this.#spawn(jobs - 1, args, cwd);
    };
    if (!lazy) this.#start();
  }

  #spawn(workers: number, args: BatchOptions, cwd: string): void {
    for (let i = 0; i < workers; i++) {
      const { MessageChannel, Worker } = threads();
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(WORKER, { argv: [WORKER_FLAG], workerData: { mtlintWorker: true, args, cwd, replies: port2 }, transferList: [port2] });
      // Referenced only while it has work: an idle pool never keeps the process alive.
      const slot: Slot = { worker, replies: port1, busy: 0, ready: false };
      port1.on('message', (reply: ReplyMessage) => this.#reply(slot, reply));
      // (after the listener, which refs the port)
      worker.unref();
      port1.unref();
      worker.on('error', (e) => this.#fail(slot, e));
      worker.on('exit', (code) => {
        if (code !== 0) this.#fail(slot, new Error(`lint worker exited with code ${code}`));
      });
      this.#slots.push(slot);
    }
  }

  /** Findings for one text, as `lint` would return them (with the errors it tells `onError`); rejects with the error `lint` would throw. */
  lint(text: string, format: InputFormat, filename: string, inlineConfig: boolean): Promise<LintOutcome> {
    this.#firstAt ??= performance.now();
    if (performance.now() - this.#firstAt >= LAZY_START_MS) this.#start();
    this.#poll();
    const id = this.#next++;
    const promise = new Promise<LintOutcome>((resolve, reject) => this.#waiting.set(id, { resolve, reject }));
    // A rejection is handled where the result is awaited, in input order.
    promise.catch(() => {});
    this.#queue.push({ id, text, format, filename, inlineConfig });
    this.#dispatch();
    // Workers still starting do not count: the queue waits only for workers that are ready.
    if (this.#queue.length > 0) {
      // Every worker has enough to do: the main thread takes this one.
      const task = this.#queue.pop()!;
      const w = this.#waiting.get(task.id)!;
      this.#waiting.delete(task.id);
      try {
        w.resolve(this.local!(task.text, task.format, task.filename, task.inlineConfig));
      } catch (e) {
        w.reject(e as Error);
      }
      this.#poll();
    }
    return promise;
  }

  /** Takes the replies that have arrived, without waiting for the event loop. */
  #poll(): void {
    for (const slot of this.#slots) {
      const { receiveMessageOnPort } = threads();
      for (let m = receiveMessageOnPort(slot.replies); m; m = receiveMessageOnPort(slot.replies)) this.#reply(slot, m.message as ReplyMessage);
    }
  }

  /** Stops the workers; pending tasks are dropped. */
  async close(): Promise<void> {
    // The workers and their ports are unreferenced while idle or still starting, and a worker's
    // 'exit' (which settles terminate()) does not by itself keep the event loop alive: without this
    // timer the loop could empty first and the process end, exit code 0, before the caller reports.
    const keepAlive = setInterval(() => {}, 1 << 30);
    try {
      await Promise.all(this.#slots.map((s) => s.worker.terminate()));
    } finally {
      clearInterval(keepAlive);
    }
    for (const s of this.#slots) s.replies.close();
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      let best: Slot | undefined;
      for (const s of this.#slots) if (s.ready && s.busy < AHEAD && (!best || s.busy < best.busy)) best = s;
      if (!best) return;
      const task = this.#queue.shift()!;
      if (best.busy++ === 0) best.worker.ref();
      this.#waiting.get(task.id)!.slot = best;
      best.worker.postMessage(task);
    }
  }

  #reply(slot: Slot, reply: ReplyMessage | { ready: true }): void {
    if ('ready' in reply) {
      slot.ready = true;
      this.firstReadyAt ??= performance.now();
      this.#dispatch();
      return;
    }
    const w = this.#waiting.get(reply.id);
    if (!w) return;
    this.#waiting.delete(reply.id);
    if (--slot.busy === 0) slot.worker.unref();
    if (reply.error) w.reject(fromData(reply.error));
    else w.resolve({ findings: reply.findings, errors: reply.errors });
    this.#dispatch();
  }

  #fail(slot: Slot, e: Error): void {
    // A dead worker takes no more tasks; with none left, nothing queued can run.
    slot.busy = Infinity;
    const alive = this.#slots.some((s) => s.busy !== Infinity);
    for (const [id, w] of this.#waiting) {
      if (w.slot !== slot && (alive || w.slot)) continue;
      this.#waiting.delete(id);
      w.reject(e);
    }
    if (!alive) this.#queue.length = 0;
  }
}

/** The worker's error as the class the main thread's error handling knows (same message). */
function fromData(d: WorkerError): Error {
  const e = d.kind === 'rule' ? Object.create(RuleError.prototype) : d.kind === 'usage' ? new UsageError(d.message) : new Error(d.message);
  e.message = d.message;
  e.name = d.name;
  if (d.stack) e.stack = d.stack;
  return e as Error;
}
