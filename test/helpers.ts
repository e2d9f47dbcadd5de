// Helpers shared by the tests: paths, a rule loaded from the built-in rules by id, temporary
// folders that are removed when the test process exits, and a runner for the built command line.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'uvu';
import { loadRules, type Rule } from '../src/engine/load.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The shared data beside the checkout (MTLINT_SHARED names another place, e.g. a missing one to try the suite without it). */
export const SHARED = process.env.MTLINT_SHARED ?? fileURLToPath(new URL('../../../shared', import.meta.url));
export const HAS_SHARED = existsSync(SHARED);
export const BIN = join(ROOT, 'bin', 'mtlint.cjs');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

/**
 * A test that cannot run here: counted as skipped, and said in one line with the reason when the
 * file's tests start (uvu itself prints only a count).
 */
export function skip(name: string, why: string): void {
  test.before(() => console.log(`  skipped: ${name} (${why})`));
  test.skip(name, () => {});
}

let all: Rule[] | undefined;
/** Every built-in rule, loaded (and example-verified) once per test process. */
export function builtinRules(): Rule[] {
  return (all ??= loadRules());
}

export function rule(id: string): Rule {
  const r = builtinRules().find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

const temps: string[] = [];
let cleanupRegistered = false;

/** A new folder under the system's temporary folder, removed when the test process exits. */
export function tempDir(prefix = 'mtlint-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on('exit', () => {
      for (const d of temps) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `mtlint` with these arguments (in the repository unless `cwd` is given). */
export function mtlint(args: string[], opts: { cwd?: string; input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input,
    encoding: 'utf8',
    env: opts.env ?? { ...process.env, NO_COLOR: '1' },
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Write = typeof process.stdout.write;

/**
 * Runs the built command line (dist/) inside this process, in folder `cwd`: faster than
 * `mtlint()` (no start-up, rules parsed once per run), same code path. Not for standard input.
 */
export async function cli(args: string[], opts: { cwd?: string } = {}): Promise<RunResult> {
  const { main } = (await import(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href)) as { main: (argv: string[]) => Promise<number> };
  const out: string[] = [];
  const err: string[] = [];
  const capture = (sink: string[]): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((x) => typeof x === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as Write;
  const saved = { out: process.stdout.write, err: process.stderr.write, cwd: process.cwd(), noColor: process.env.NO_COLOR };
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  process.env.NO_COLOR = '1';
  let code: number;
  try {
    process.chdir(opts.cwd ?? ROOT);
    code = await main(args);
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.chdir(saved.cwd);
    if (saved.noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved.noColor;
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A seeded generator of numbers in [0, 1) (mulberry32), for reproducible random tests. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
