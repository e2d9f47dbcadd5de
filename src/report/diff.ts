// The diff format: a unified diff per file from the original to the corrected text, with
// git-style headers so that `git apply` and `patch -p1` accept it. The BOM, if any, is part of
// the first line on disk, so it is part of the diffed text too.

import { createRequire } from 'node:module';
import type { Formatter } from './result.js';

/** The `diff` package, required on first use (19 modules that only this format needs). */
const patchFor = (): typeof import('diff').createTwoFilesPatch =>
  (createRequire(import.meta.url)('diff') as typeof import('diff')).createTwoFilesPatch;

export const diff: Formatter = (results, options) => {
  const createTwoFilesPatch = patchFor();
  let out = '';
  for (const r of results) {
    if (r.output === undefined || r.output === r.text) continue;
    const bom = r.bom ? '\ufeff' : '';
    const patch = createTwoFilesPatch(`a/${r.path}`, `b/${r.path}`, bom + r.text, bom + r.output, undefined, undefined, {
      context: options.diffContext,
    });
    // NOTE: jsdiff starts with a line of '=' that git does not expect; git's own header goes first.
    out += `diff --git a/${r.path} b/${r.path}\n` + patch.slice(patch.indexOf('\n') + 1);
  }
  return out;
};
