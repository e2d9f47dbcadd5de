// Turns command-line operands into file paths: files as given, directories searched for the
// files of every input format, glob patterns expanded, '-' kept for standard input; ignored
// paths (.mtlintignore, the configuration's `ignore`) left out. Sorted, unique.

import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IgnorePredicate } from '../config/ignore.js';
import { UsageError } from '../engine/errors.js';
import { sniffFeed } from './formats/index.js';

/** Extensions a directory is searched for; `.xml` files are taken only when they start like a feed. */
export const DEFAULT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.rss', '.atom', '.xml', '.ndjson', '.jsonl'];
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface ExpandOptions {
  extensions?: string[];
  ignored?: IgnorePredicate;
  /** Told about each explicitly named file that is ignored. */
  onIgnored?: (path: string) => void;
}

export async function expandInputs(operands: string[], options: ExpandOptions | string[] = {}): Promise<string[]> {
  const o: ExpandOptions = Array.isArray(options) ? { extensions: options } : options;
  const extensions = o.extensions ?? DEFAULT_EXTENSIONS;
  const ignored = o.ignored ?? (() => false);
  const out: string[] = [];
  for (const op of operands) {
    if (op === '-') {
      out.push(op);
    } else if (existsSync(op)) {
      if (statSync(op).isDirectory()) {
        const skipped = { n: 0 };
        const found = walk(op, extensions, ignored, skipped);
        // A folder whose files are all ignored is not a mistake (CI runs `mtlint .` everywhere).
        if (found.length === 0 && skipped.n === 0 && !ignored(op, true)) throw new UsageError(`${op}: no ${extensions.join(', ')} files in this directory`);
        out.push(...found);
      } else if (ignored(op)) {
        o.onIgnored?.(op);
      } else out.push(op);
    } else if (/[*?[\]{}]/.test(op)) {
      const { default: fg } = await import('fast-glob');
      const matched = (await fg(op, { onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] })).sort();
      if (matched.length === 0) throw new UsageError(`${op}: no files match this pattern`);
      out.push(...matched.filter((p) => !ignored(p)));
    } else {
      throw new UsageError(`${op}: no such file or directory`);
    }
  }
  return [...new Set(out)];
}

function walk(dir: string, extensions: string[], ignored: IgnorePredicate, skipped: { n: number }): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (ignored(p, true)) skipped.n++;
      else out.push(...walk(p, extensions, ignored, skipped));
    } else if (extensions.some((e) => name.toLowerCase().endsWith(e))) {
      if (ignored(p)) skipped.n++;
      else if (!name.toLowerCase().endsWith('.xml') || looksLikeFeed(p)) out.push(p);
    }
  }
  return out;
}

function looksLikeFeed(path: string): boolean {
  const buf = Buffer.alloc(4096);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, buf, 0, buf.length, 0);
    return sniffFeed(buf.subarray(0, n).toString('utf8'));
  } catch {
    return true; // unreadable: let the reader report it
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
