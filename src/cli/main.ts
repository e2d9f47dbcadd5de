// The command line: parses options and runs the pipeline. Exit 0: nothing at or above the
// failing severity; 1: findings; 2: usage, I/O or rule-file errors (one line on stderr).

import { RuleError, UsageError } from '../engine/errors.js';
import { parseArgs, type Args } from './args.js';
import { readStdin, run, VERSION } from './run.js';

// The bundle (dist/mtlint.cjs) is built from this module: a worker thread started from it serves the pool.
export { serveWorker } from '../batch/worker.js';

export async function main(argv: string[]): Promise<number> {
  // `mtlint serve …`: the review page (src/serve/), loaded only for that command.
  if (argv[0] === 'serve') return (await import('./serve.js')).serve(argv.slice(1));
  // `mtlint lsp`: the language server (src/lsp/), loaded only for it.
  if (argv[0] === 'lsp') return (await import('../lsp/main.js')).runLsp(argv.slice(1), VERSION);
  if (argv[0] === 'audit') return audit(argv.slice(1));
  let args: Args | null;
  try {
    args = await parseArgs(argv, VERSION);
  } catch (e) {
    process.stderr.write(`mtlint: ${(e as Error).message}\n`);
    return 2;
  }
  if (args === null) return 0; // --help or --version
  try {
    return await run(args);
  } catch (e) {
    if (e instanceof RuleError || e instanceof UsageError) {
      process.stderr.write(`mtlint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}


/** `mtlint audit …` (src/audit/): the same error handling as a lint run. */
async function audit(argv: string[]): Promise<number> {
  const { AUDIT_USAGE, parseAuditArgs } = await import('./audit-args.js');
  let options;
  try {
    options = await parseAuditArgs(argv);
  } catch (e) {
    process.stderr.write(`mtlint audit: ${(e as Error).message}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(AUDIT_USAGE);
    return 0;
  }
  if (options === 'done') return 0;
  try {
    const { runAudit } = await import('../audit/run.js');
    return await runAudit(options, readStdin);
  } catch (e) {
    if (e instanceof RuleError || e instanceof UsageError) {
      process.stderr.write(`mtlint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
