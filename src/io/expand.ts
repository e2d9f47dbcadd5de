// Turns command-line operands into file paths: files as given, directories searched for
// .txt and .md files, glob patterns expanded, '-' kept for standard input. Sorted, unique.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../engine/errors.js';

export const DEFAULT_EXTENSIONS = ['.txt', '.md'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export async function expandInputs(operands: string[], extensions = DEFAULT_EXTENSIONS): Promise<string[]> {
  const out: string[] = [];
  for (const op of operands) {
    if (op === '-') {
      out.push(op);
    } else if (existsSync(op)) {
      if (statSync(op).isDirectory()) {
        const found = walk(op, extensions);
        if (found.length === 0) throw new UsageError(`${op}: no ${extensions.join(' or ')} files in this directory`);
        out.push(...found);
      } else out.push(op);
    } else if (/[*?[\]{}]/.test(op)) {
      const { default: fg } = await import('fast-glob');
      const found = (await fg(op, { onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] })).sort();
      if (found.length === 0) throw new UsageError(`${op}: no files match this pattern`);
      out.push(...found);
    } else {
      throw new UsageError(`${op}: no such file or directory`);
    }
  }
  return [...new Set(out)];
}

function walk(dir: string, extensions: string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walk(p, extensions));
    else if (extensions.some((e) => name.toLowerCase().endsWith(e))) out.push(p);
  }
  return out;
}
