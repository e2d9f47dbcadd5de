// Baselines: `--write-baseline FILE` records the current findings, `--baseline FILE` reports only
// findings it does not hold. A finding is keyed by file, rule and a hash of its text with a
// little context (see report/fingerprint.ts), and counted, so edits elsewhere in a file do not
// invalidate the record and a second identical finding is still new.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../engine/errors.js';
import type { SourceFinding } from '../io/lint-source.js';
import { contextHash } from '../report/fingerprint.js';

export interface BaselineEntry {
  path: string;
  ruleId: string;
  hash: string;
  count: number;
  /** The matched text, for people reading the file. */
  text: string;
}

export interface BaselineData {
  version: 1;
  findings: BaselineEntry[];
}

/** The path as recorded: relative to the baseline file's folder, with forward slashes. */
function keyPath(baselineFile: string, path: string): string {
  if (path === '-' || /^<.*>$/.test(path)) return path;
  const rel = relative(dirname(resolve(baselineFile)), resolve(path));
  return (isAbsolute(rel) ? rel : rel.split(sep).join('/')) || '.';
}

const key = (path: string, ruleId: string, hash: string) => `${path}\u0000${ruleId}\u0000${hash}`;

export class Baseline {
  readonly #counts = new Map<string, number>();

  private constructor(readonly file: string) {}

  static read(file: string): Baseline {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new UsageError(`${file}: ${err.code === 'ENOENT' ? 'no such baseline file (create it with --write-baseline)' : `not a baseline file: ${err.message.split('\n')[0]}`}`);
    }
    const d = data as Partial<BaselineData>;
    if (d?.version !== 1 || !Array.isArray(d.findings)) throw new UsageError(`${file}: not a baseline file (expected {"version":1,"findings":[…]})`);
    const b = new Baseline(file);
    d.findings.forEach((f, i) => {
      if (typeof f?.path !== 'string' || typeof f.ruleId !== 'string' || typeof f.hash !== 'string' || !Number.isInteger(f.count) || f.count < 1) {
        throw new UsageError(`${file}: findings[${i}] needs path, ruleId, hash and a count ≥ 1`);
      }
      const k = key(f.path, f.ruleId, f.hash);
      b.#counts.set(k, (b.#counts.get(k) ?? 0) + f.count);
    });
    return b;
  }

  /** The findings of `path` that the baseline does not hold (each entry absorbs up to its count). */
  filter<T extends SourceFinding>(path: string, findings: T[], text: string): T[] {
    const p = keyPath(this.file, path);
    const used = new Map<string, number>();
    return findings.filter((f) => {
      const k = key(p, f.ruleId, contextHash(f.ruleId, text, f.start, f.end));
      const n = used.get(k) ?? 0;
      if (n >= (this.#counts.get(k) ?? 0)) return true;
      used.set(k, n + 1);
      return false;
    });
  }
}

/** Collects findings for `--write-baseline`. */
export class BaselineWriter {
  readonly #entries = new Map<string, BaselineEntry>();

  constructor(readonly file: string) {}

  add(path: string, findings: readonly SourceFinding[], text: string): void {
    const p = keyPath(this.file, path);
    for (const f of findings) {
      const hash = contextHash(f.ruleId, text, f.start, f.end);
      const k = key(p, f.ruleId, hash);
      const e = this.#entries.get(k);
      if (e) e.count++;
      else this.#entries.set(k, { path: p, ruleId: f.ruleId, hash, count: 1, text: f.text.length > 120 ? `${f.text.slice(0, 117)}…` : f.text });
    }
  }

  get size(): number {
    let n = 0;
    for (const e of this.#entries.values()) n += e.count;
    return n;
  }

  write(): void {
    const findings = [...this.#entries.values()].sort((a, b) => cmp(a.path, b.path) || cmp(a.ruleId, b.ruleId) || cmp(a.hash, b.hash));
    const data: BaselineData = { version: 1, findings };
    try {
      writeFileSync(this.file, JSON.stringify(data, null, 2) + '\n');
    } catch (e) {
      throw new UsageError(`${this.file}: cannot write the baseline: ${(e as Error).message}`);
    }
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
