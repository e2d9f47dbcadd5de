// `--changed-only`: the lines git sees as changed against a base revision (`git diff -U0 BASE`,
// working tree included), so a pull request is checked only where it changed the text. Files git
// does not track (new, ignored, outside the repository, standard input) count as wholly changed.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../engine/errors.js';
import type { SourceFinding } from '../io/lint-source.js';
import { computeLineStarts, positionAt } from '../text/lines.js';

/** node:child_process, loaded only by a run that asks git (≈ 2 ms of start-up otherwise). */
const spawnSync = () => process.getBuiltinModule('node:child_process').spawnSync;

function git(args: string[], cwd: string): string {
  const r = spawnSync()('git', ['-c', 'core.quotePath=false', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw new UsageError(`--changed-only needs git: ${r.error.message}`);
  if (r.status !== 0) throw new UsageError(`--changed-only: git ${args[0]}: ${(r.stderr || '').trim().split('\n')[0] || `exit ${r.status}`}`);
  return r.stdout;
}

/** A path in a diff header (`b/dir/a.md`, or C-quoted when it has unusual characters). */
function diffPath(s: string): string {
  if (!s.startsWith('"')) return s;
  const bytes: number[] = [];
  for (let i = 1; i < s.length - 1; i++) {
    if (s[i] === '\\') {
      const n = s[i + 1];
      if (/[0-7]/.test(n)) {
        bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
        i += 3;
      } else {
        bytes.push(({ n: 10, t: 9, r: 13, '"': 34, '\\': 92 } as Record<string, number>)[n] ?? n.charCodeAt(0));
        i++;
      }
    } else bytes.push(...Buffer.from(s[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

export class ChangedLines {
  private constructor(
    private readonly root: string,
    private readonly cwd: string,
    private readonly changed: Map<string, Set<number>>,
    private readonly tracked: Set<string>,
  ) {}

  static fromGit(base: string, cwd: string): ChangedLines {
    const root = git(['rev-parse', '--show-toplevel'], cwd).trim();
    const ok = spawnSync()('git', ['rev-parse', '--verify', '--quiet', `${base}^{commit}`], { cwd, encoding: 'utf8' });
    if (ok.status !== 0) throw new UsageError(`--base ${base}: no such git revision`);
    const diff = git(['diff', '--no-color', '--no-ext-diff', '--no-renames', '-U0', base, '--'], root);
    const changed = new Map<string, Set<number>>();
    let current: Set<number> | undefined;
    for (const line of diff.split('\n')) {
      if (line.startsWith('+++ ')) {
        const p = line.slice(4);
        current = p === '/dev/null' ? undefined : new Set();
        if (current) changed.set(diffPath(p).replace(/^b\//, ''), current);
      } else if (line.startsWith('@@') && current) {
        const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
        if (!m) continue;
        const start = Number(m[1]);
        const count = m[2] === undefined ? 1 : Number(m[2]);
        for (let l = start; l < start + count; l++) current.add(l);
      }
    }
    const tracked = new Set(git(['ls-files', '-z'], root).split('\0').filter(Boolean));
    return new ChangedLines(root, cwd, changed, tracked);
  }

  /** Changed line numbers of `path`, or 'all' for a file git does not track (new, ignored, outside the repository, standard input). */
  linesOf(path: string): Set<number> | 'all' {
    const rel = relative(this.root, resolve(this.cwd, path));
    if (rel.startsWith('..') || isAbsolute(rel)) return 'all';
    const key = rel.split(sep).join('/');
    return this.tracked.has(key) ? (this.changed.get(key) ?? new Set()) : 'all';
  }

  /** The findings on changed lines; `firstLine` is the line `text` starts on in the file. */
  filter<T extends SourceFinding>(path: string, findings: T[], text: string, firstLine = 1): T[] {
    const lines = this.linesOf(path);
    if (lines === 'all') return findings;
    if (lines.size === 0) return [];
    const starts = computeLineStarts(text);
    return findings.filter((f) => {
      const a = positionAt(starts, f.start).line;
      const b = positionAt(starts, Math.max(f.start, f.end - 1)).line;
      for (let l = a; l <= b; l++) if (lines.has(l + firstLine - 1)) return true;
      return false;
    });
  }
}
