// Files not to check: `.mtlintignore` (the nearest one in the working folder or above, patterns
// relative to its folder) and the configuration's `ignore` list (relative to the configuration
// file's folder), both in .gitignore syntax.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { Ignore } from 'ignore';
import type { Config } from './config.js';

export const IGNORE_FILE = '.mtlintignore';

/** The `ignore` package, required only when there are patterns (most runs have none). */
const ignore = (): Ignore => (createRequire(import.meta.url)('ignore') as () => Ignore)();

/** True for a path (file, or folder when `isDir`) that the ignore files or the configuration exclude. */
export type IgnorePredicate = (path: string, isDir?: boolean) => boolean;

export function findIgnoreFile(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const p = join(dir, IGNORE_FILE);
    if (existsSync(p)) return p;
    if (dirname(dir) === dir) return undefined;
  }
}

export function makeIgnore(config: Config, cwd: string, ignoreFile = findIgnoreFile(cwd)): IgnorePredicate {
  const sets: { base: string; ig: Ignore }[] = [];
  if (ignoreFile) sets.push({ base: dirname(resolve(ignoreFile)), ig: ignore().add(readFileSync(ignoreFile, 'utf8')) });
  if (config.ignore.length > 0) sets.push({ base: config.dir, ig: ignore().add(config.ignore) });
  if (sets.length === 0) return () => false;
  return (path, isDir = false) => {
    const abs = resolve(cwd, path);
    return sets.some(({ base, ig }) => {
      const rel = relative(base, abs);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
      return ig.ignores(rel.split(sep).join('/') + (isDir ? '/' : ''));
    });
  };
}
