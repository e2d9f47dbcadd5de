// A lint worker (worker_threads) for the pool in pool.ts: loads the same rules as the main thread
// (same options, configuration and current folder), then lints each text it is sent and posts
// back the findings. Errors go back as data: the main thread rethrows them as its own classes.

import type { MessagePort } from 'node:worker_threads';
import { RuleError, UsageError } from '../engine/errors.js';
import { lint, type InputError } from '../index.js';
import type { BatchOptions, TaskMessage, ReplyMessage, WorkerError } from './pool.js';
import { loadRuleSet } from '../config/rule-set.js';

/** Serves the pool: called by worker-main.ts, or by bin/mtlint.cjs in a worker of the bundled CLI. */
export function serveWorker(): void {
  const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
  const { args, cwd, replies } = workerData as { args: BatchOptions; cwd: string; replies: MessagePort };
  const port = parentPort!;
  try {
    const { rules, knownRuleIds } = loadRuleSet(args, cwd);
    replies.postMessage({ ready: true });
    port.on('message', (task: TaskMessage) => {
      let reply: ReplyMessage;
      try {
        const errors: InputError[] = [];
        const findings = lint(task.text, { rules, format: task.format, filename: task.filename, inlineConfig: task.inlineConfig, knownRuleIds, htmlMain: args.htmlMain, onError: (e) => errors.push(e), sourceLang: args.sourceLang, columns: { source: args.sourceColumn, target: args.targetColumn } });
        reply = { id: task.id, findings, errors };
      } catch (e) {
        reply = { id: task.id, error: toData(e) };
      }
      replies.postMessage(reply);
    });
  } catch (e) {
    replies.postMessage({ ready: true });
    // The main thread loaded the same rules first, so this is rare (a file changed meanwhile).
    port.on('message', (task: TaskMessage) => replies.postMessage({ id: task.id, error: toData(e) } satisfies ReplyMessage));
  }
}

function toData(e: unknown): WorkerError {
  const err = e instanceof Error ? e : new Error(String(e));
  const kind = err instanceof RuleError ? 'rule' : err instanceof UsageError ? 'usage' : 'other';
  return { kind, name: err.name, message: err.message, stack: err.stack };
}
